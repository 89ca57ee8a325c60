using Wearable.Kernels.Cnn;
using Wearable.Modeling.Quantization;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Cnn;

public class StreamingCausalConvTests
{
    private static sbyte[] Stream(StreamingCausalConv1dS8 conv, Conv1dParams p, sbyte[] input, int frames)
    {
        var outputs = new List<sbyte>();
        var frameOut = new sbyte[p.OutputChannels];
        for (int t = 0; t < frames; t++)
        {
            if (conv.Push(input, t * p.InputChannels, frameOut, 0))
            {
                outputs.AddRange(frameOut);
            }
        }

        return outputs.ToArray();
    }

    [Fact]
    public void Streaming_equals_the_causal_golden_vectors()
    {
        var causal = CnnGoldenTests.Load("conv1d").Cases.Where(c => c.Padding == "causal").ToList();
        Assert.NotEmpty(causal);
        foreach (GoldenCase c in causal)
        {
            var p = GoldenKernelRunner.ConvParams(c);
            var conv = new StreamingCausalConv1dS8(p, GoldenKernelRunner.Quant(c), c.Weights!, 0, c.Bias!, 0);
            Assert.Equal(c.Expected, Stream(conv, p, c.Input!, c.InputLength));
        }
    }

    [Fact]
    public void Streaming_equals_batch_conv_for_random_shapes_and_survives_reset()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 200; trial++)
        {
            var p = new Conv1dParams
            {
                InputOffset = random.Next(-127, 129),
                OutputOffset = random.Next(-128, 128),
                KernelSize = random.Next(1, 7),
                InputChannels = random.Next(1, 6),
                OutputChannels = random.Next(1, 9),
                Stride = random.Next(1, 4),
                Dilation = random.Next(1, 5),
                Padding = Padding1d.Causal,
            };
            int frames = random.Next(1, 60);
            var input = RandomBytes(random, frames * p.InputChannels);
            var weights = RandomBytes(random, p.OutputChannels * p.KernelSize * p.InputChannels);
            var bias = Enumerable.Range(0, p.OutputChannels).Select(_ => random.Next(-5000, 5000)).ToArray();
            var quant = new ChannelQuantization(
                Enumerable.Range(0, p.OutputChannels).Select(_ => random.Next(1 << 30, int.MaxValue)).ToArray(),
                Enumerable.Range(0, p.OutputChannels).Select(_ => random.Next(-12, -5)).ToArray());

            var batch = new sbyte[Conv1dS8.OutputLength(p, frames) * p.OutputChannels];
            Conv1dS8.Run(p, quant, input, 0, frames, weights, 0, bias, 0, batch, 0, new int[Conv1dS8.GetBufferSize(p)]);

            var conv = new StreamingCausalConv1dS8(p, quant, weights, 0, bias, 0);
            Stream(conv, p, RandomBytes(random, frames * p.InputChannels), frames);
            conv.Reset();
            Assert.Equal(batch, Stream(conv, p, input, frames));
        }
    }

    [Fact]
    public void Push_allocates_nothing()
    {
        var p = new Conv1dParams { KernelSize = 5, InputChannels = 8, OutputChannels = 16, Dilation = 2, Padding = Padding1d.Causal };
        var quant = new ChannelQuantization(Enumerable.Repeat(1 << 30, 16).ToArray(), Enumerable.Repeat(-8, 16).ToArray());
        var conv = new StreamingCausalConv1dS8(p, quant, new sbyte[16 * 5 * 8], 0, new int[16], 0);
        var frame = new sbyte[8];
        var output = new sbyte[16];
        AllocationAssert.ZeroBytes(() => conv.Push(frame, 0, output, 0), 1000, what: "StreamingCausalConv1dS8.Push");
    }

    [Fact]
    public void Batch_kernels_allocate_nothing()
    {
        var p = new Conv1dParams { KernelSize = 3, InputChannels = 8, OutputChannels = 8, Padding = Padding1d.Same };
        var quant = new ChannelQuantization(Enumerable.Repeat(1 << 30, 8).ToArray(), Enumerable.Repeat(-8, 8).ToArray());
        var input = new sbyte[32 * 8];
        var output = new sbyte[32 * 8];
        var weights = new sbyte[8 * 3 * 8];
        var scratch = new int[Conv1dS8.GetBufferSize(p)];
        AllocationAssert.ZeroBytes(() => Conv1dS8.Run(p, quant, input, 0, 32, weights, 0, null!, 0, output, 0, scratch), what: "Conv1dS8.Run");
    }

    private static sbyte[] RandomBytes(Random random, int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes.Select(b => unchecked((sbyte)b)).ToArray();
    }
}
