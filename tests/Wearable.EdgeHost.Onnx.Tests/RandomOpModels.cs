using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>
/// Seeded one-op graphs of random shape, padding, stride, dilation, zero points, clamps and
/// requantization (including left shifts), built from the public layer classes: what the fast
/// path's edge cases (gathered windows, channel tails, per-tensor scales) are tested on.
/// </summary>
public static class RandomOpModels
{
    public static ModelDefinition Create(Random random)
    {
        int length = random.Next(1, 40);
        int channels = random.Next(1, 40);
        var input = Tensor(random, length, channels);
        CnnLayer layer;
        TensorInfo output;
        switch (random.Next(5))
        {
            case 0:
            {
                var p = new Conv1dParams
                {
                    KernelSize = random.Next(1, 8), InputChannels = channels, OutputChannels = random.Next(1, 40),
                    Stride = random.Next(1, 4), Dilation = random.Next(1, 4), Padding = (Padding1d)random.Next(3),
                };
                if (Conv1dS8.OutputLength(p, length) < 1)
                {
                    p.Padding = Padding1d.Same;
                }

                output = Tensor(random, Conv1dS8.OutputLength(p, length), p.OutputChannels);
                Offsets(random, input, output, out p.InputOffset, out p.OutputOffset, out p.ActivationMin, out p.ActivationMax);
                layer = new Conv1dLayer(0, 1, length, p, Quant(random, p.OutputChannels), Weights(random, p.OutputChannels * p.KernelSize * channels), Bias(random, p.OutputChannels));
                break;
            }

            case 1:
            {
                var p = new DepthwiseConv1dParams
                {
                    KernelSize = random.Next(1, 8), InputChannels = channels, ChannelMultiplier = random.Next(1, 3),
                    Stride = random.Next(1, 4), Dilation = random.Next(1, 3), Padding = random.Next(2) == 0 ? Padding1d.Same : Padding1d.Causal,
                };
                output = Tensor(random, DepthwiseConv1dS8.OutputLength(p, length), p.OutputChannels);
                Offsets(random, input, output, out p.InputOffset, out p.OutputOffset, out p.ActivationMin, out p.ActivationMax);
                layer = new DepthwiseConv1dLayer(0, 1, length, p, Quant(random, p.OutputChannels), Weights(random, p.KernelSize * p.OutputChannels), Bias(random, p.OutputChannels));
                break;
            }

            case 2:
            {
                var p = new PointwiseConvParams { InputChannels = channels, OutputChannels = random.Next(1, 40) };
                output = Tensor(random, length, p.OutputChannels);
                Offsets(random, input, output, out p.InputOffset, out p.OutputOffset, out p.ActivationMin, out p.ActivationMax);
                layer = new PointwiseConvLayer(0, 1, length, p, Quant(random, p.OutputChannels), Weights(random, p.OutputChannels * channels), Bias(random, p.OutputChannels));
                break;
            }

            case 3:
            {
                var p = new DenseParams { InputSize = length * channels, Units = random.Next(1, 20) };
                output = Tensor(random, 1, p.Units);
                Offsets(random, input, output, out p.InputOffset, out p.OutputOffset, out p.ActivationMin, out p.ActivationMax);
                layer = new DenseLayer(0, 1, p, random.Next(2) == 0 ? Quant(random, 1) : Quant(random, p.Units), Weights(random, p.Units * p.InputSize), Bias(random, p.Units));
                break;
            }

            default:
            {
                var p = new Pool1dParams { PoolSize = random.Next(1, 5), Stride = random.Next(1, 4), Padding = random.Next(2) == 0 ? Padding1d.Same : Padding1d.Causal, Channels = channels };
                output = Tensor(random, MaxPool1dS8.OutputLength(p, length), channels);
                output.ZeroPoint = input.ZeroPoint;
                output.ScaleBits = input.ScaleBits;
                Offsets(random, input, output, out _, out _, out p.ActivationMin, out p.ActivationMax);
                layer = new Pool1dLayer(random.Next(2) == 0 ? CnnOpCode.MaxPool1d : CnnOpCode.AvgPool1d, 0, 1, length, p);
                break;
            }
        }

        return new ModelDefinition(new InputDescription { Channels = channels, WindowSamples = length, HopSamples = length, SampleRateMilliHz = 200_000, NanoUnitsPerLsb = 1 })
        {
            Tensors = new[] { input, output },
            Layers = new[] { layer },
            GraphInput = 0,
            GraphOutput = 1,
        };
    }

    public static string Describe(ModelDefinition model) =>
        CnnOpCode.Name(model.Layers[0].Op) + " " + model.Tensors[0].Length + "x" + model.Tensors[0].Channels + " -> " +
        model.Tensors[1].Length + "x" + model.Tensors[1].Channels + " (" + model.Layers[0].Describe() + ")";

    private static TensorInfo Tensor(Random random, int length, int channels) =>
        new() { Length = length, Channels = channels, ZeroPoint = random.Next(-128, 128), ScaleBits = BitConverter.SingleToInt32Bits(0.05f) };

    private static void Offsets(Random random, TensorInfo input, TensorInfo output, out int inputOffset, out int outputOffset, out int min, out int max)
    {
        inputOffset = -input.ZeroPoint;
        outputOffset = output.ZeroPoint;
        bool clamp = random.Next(2) == 0;
        min = clamp ? random.Next(-128, 0) : -128;
        max = clamp ? random.Next(min, 128) : 127;
    }

    private static ChannelQuantization Quant(Random random, int count)
    {
        var multipliers = new int[count];
        var shifts = new int[count];
        for (int i = 0; i < count; i++)
        {
            multipliers[i] = random.Next(8) == 0 ? 0 : (1 << 30) + random.Next(1 << 30);
            shifts[i] = random.Next(-14, 3);
        }

        return new ChannelQuantization(multipliers, shifts);
    }

    private static Int8Block Weights(Random random, int count)
    {
        var w = new sbyte[count];
        for (int i = 0; i < count; i++)
        {
            w[i] = (sbyte)random.Next(-127, 128);
        }

        return new Int8Block(w);
    }

    private static int[] Bias(Random random, int count)
    {
        var b = new int[count];
        for (int i = 0; i < count; i++)
        {
            b[i] = random.Next(-100_000, 100_000);
        }

        return b;
    }
}
