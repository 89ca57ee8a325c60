using Wearable.EdgeHost.Native;
using Wearable.Hil.Rigs;
using Wearable.Hil.Suites;
using Wearable.Kernels.Cnn;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests.Native;

/// <summary>The native twins compiled for this machine, through the P/Invoke back end, against the golden suites and the C# kernels.</summary>
public class HostNativeTwinTests
{
    private static RigDescription QemuRig => RigDescription.Load(RepositoryPaths.InRepo("hil", "rigs", "qemu-m7.json"));

    private static void Load()
    {
        Assert.True(NativeKernels.TryLoad(NativeBuild.HostLibrary, out string? error), error);
    }

    [NativeHostFact]
    public void Every_twinned_suite_matches_byte_for_byte_on_the_host_build()
    {
        Load();
        var output = new byte[1008];
        int vectors = 0;
        foreach (string path in QemuRig.SuitePaths())
        {
            GoldenSuite suite = GoldenSuite.Load(path);
            for (int v = 0; v < suite.Vectors.Count; v++)
            {
                int produced = NativeKernels.HilRun(suite.Kernel, suite.Vectors[v].Input, output);
                Assert.True(produced >= 0, $"{suite.Kernel} vector {v}: the native twin answered {produced}");
                Assert.True(suite.Vectors[v].Expected.AsSpan().SequenceEqual(output.AsSpan(0, produced)), $"{suite.Kernel} vector {v} differs");
                vectors++;
            }
        }

        Assert.Equal(10 * 12, vectors);
        Assert.False(NativeKernels.UsesDspExtension);
    }

    [NativeHostFact]
    public void Broken_input_and_unknown_kernels_are_refused_not_crashed()
    {
        Load();
        var output = new byte[1008];

        Assert.Equal(-1, NativeKernels.HilRun("cnn.dense.32x10", new byte[7], output));
        Assert.Equal(-1, NativeKernels.HilRun("snn.lif", new byte[33], output));
        Assert.Equal(-1, NativeKernels.HilRun("cnn.requantize", new byte[2000], output));
        Assert.Equal(-2, NativeKernels.HilRun("cnn.softmax.8", new byte[8], output));
    }

    [NativeHostFact]
    public void Native_conv_and_dense_equal_the_CSharp_kernels_on_random_shapes()
    {
        Load();
        var random = new Random(20261205);
        for (int trial = 0; trial < 200; trial++)
        {
            var p = new Conv1dParams
            {
                KernelSize = random.Next(1, 6),
                InputChannels = random.Next(1, 9),
                OutputChannels = random.Next(1, 11),
                Stride = random.Next(1, 4),
                Dilation = random.Next(1, 4),
                Padding = (Padding1d)random.Next(0, 3),
                InputOffset = random.Next(-128, 129),
                OutputOffset = random.Next(-128, 128),
                ActivationMin = random.Next(-128, 0),
                ActivationMax = random.Next(0, 128),
            };
            int length = random.Next(1, 40);
            int outLength = Conv1dS8.OutputLength(p, length);
            ChannelQuantization quant = Quant(random, random.Next(2) == 0 ? 1 : p.OutputChannels);
            // Every tensor sits at an offset inside a larger array, as in a model runner's arena.
            int at = random.Next(0, 9);
            sbyte[] input = Bytes(random, at + length * p.InputChannels);
            sbyte[] weights = Bytes(random, at + p.OutputChannels * p.KernelSize * p.InputChannels);
            int[] bias = Enumerable.Range(0, at + p.OutputChannels).Select(_ => random.Next(-50_000, 50_000)).ToArray();
            var expected = new sbyte[at + outLength * p.OutputChannels];
            var actual = new sbyte[expected.Length];

            Conv1dS8.Run(p, quant, input, at, length, weights, at, bias, at, expected, at, new int[Conv1dS8.GetBufferSize(p)]);
            int frames = NativeKernels.Conv1dS8(p, quant, input, at, length, weights, at, bias, at, actual, at, new short[p.KernelSize * p.InputChannels]);

            Assert.Equal(outLength, frames);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"conv trial {trial}: K{p.KernelSize} Cin{p.InputChannels} Cout{p.OutputChannels} s{p.Stride} d{p.Dilation} {p.Padding} L{length}");

            var dense = new DenseParams { InputSize = random.Next(1, 300), Units = random.Next(1, 20), InputOffset = p.InputOffset, OutputOffset = p.OutputOffset };
            ChannelQuantization denseQuant = Quant(random, random.Next(2) == 0 ? 1 : dense.Units);
            sbyte[] denseIn = Bytes(random, dense.InputSize);
            sbyte[] denseW = Bytes(random, dense.InputSize * dense.Units);
            var denseExpected = new sbyte[dense.Units];
            var denseActual = new sbyte[dense.Units];

            DenseS8.Run(dense, denseQuant, denseIn, 0, denseW, 0, null!, 0, denseExpected, 0, new int[dense.InputSize]);
            NativeKernels.DenseS8(dense, denseQuant, denseIn, 0, denseW, 0, null, 0, denseActual, 0, new short[dense.InputSize]);

            Assert.True(denseExpected.AsSpan().SequenceEqual(denseActual), $"dense trial {trial}: {dense.InputSize} x {dense.Units}");
        }
    }

    [NativeHostFact]
    public void Native_conv_and_dense_calls_allocate_nothing()
    {
        Load();
        var random = new Random(7);
        var p = new Conv1dParams { KernelSize = 5, InputChannels = 8, OutputChannels = 8, Padding = Padding1d.Same };
        var dense = new DenseParams { InputSize = 64, Units = 8 };
        ChannelQuantization quant = Quant(random, 8);
        sbyte[] input = Bytes(random, 32 * 8), weights = Bytes(random, 8 * 5 * 8), denseWeights = Bytes(random, 64 * 8), output = new sbyte[32 * 8];
        var scratch = new short[64];

        AllocationAssert.ZeroBytes(() => NativeKernels.Conv1dS8(p, quant, input, 0, 32, weights, 0, null, 0, output, 0, scratch), what: "native conv1d");
        AllocationAssert.ZeroBytes(() => NativeKernels.DenseS8(dense, quant, input, 0, denseWeights, 0, null, 0, output, 0, scratch), what: "native dense");
    }

    [NativeHostFact]
    public void Too_small_buffers_are_an_argument_error_before_any_native_code_runs()
    {
        Load();
        var p = new DenseParams { InputSize = 32, Units = 10 };
        var quant = new ChannelQuantization([1 << 30], [0]);

        Assert.Throws<ArgumentException>(() => NativeKernels.DenseS8(p, quant, new sbyte[32], 0, new sbyte[320], 0, null, 0, new sbyte[10], 1, new short[32]));
    }

    private static ChannelQuantization Quant(Random random, int channels) => new(
        Enumerable.Range(0, channels).Select(_ => random.Next(1 << 30, int.MaxValue)).ToArray(),
        Enumerable.Range(0, channels).Select(_ => random.Next(-12, 2)).ToArray());

    private static sbyte[] Bytes(Random random, int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes.Select(b => (sbyte)b).ToArray();
    }
}
