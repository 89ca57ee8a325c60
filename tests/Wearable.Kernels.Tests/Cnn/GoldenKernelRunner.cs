using Wearable.Kernels.Cnn;
using Wearable.Modeling.Quantization;

namespace Wearable.Kernels.Tests.Cnn;

/// <summary>Runs the shared kernel named by a golden case on that case's inputs (no expectations here).</summary>
internal static class GoldenKernelRunner
{
    public static Padding1d ParsePadding(string? padding) => padding switch
    {
        "valid" => Padding1d.Valid,
        "same" => Padding1d.Same,
        "causal" => Padding1d.Causal,
        _ => throw new ArgumentException($"Unknown padding '{padding}'."),
    };

    public static Conv1dParams ConvParams(GoldenCase c) => new()
    {
        InputOffset = -c.InputZeroPoint,
        OutputOffset = c.OutputZeroPoint,
        KernelSize = c.KernelSize,
        InputChannels = c.InputChannels,
        OutputChannels = c.OutputChannels,
        Stride = c.Stride,
        Dilation = c.Dilation,
        Padding = ParsePadding(c.Padding),
        ActivationMin = c.ActivationMin,
        ActivationMax = c.ActivationMax,
    };

    public static ChannelQuantization Quant(GoldenCase c) => new(c.Multipliers!, c.Shifts!);

    public static sbyte[] Run(GoldenCase c)
    {
        switch (c.Op)
        {
            case "conv1d":
            {
                var p = ConvParams(c);
                var output = new sbyte[Conv1dS8.OutputLength(p, c.InputLength) * c.OutputChannels];
                Conv1dS8.Run(p, Quant(c), c.Input!, 0, c.InputLength, c.Weights!, 0, c.Bias!, 0, output, 0, new int[Conv1dS8.GetBufferSize(p)]);
                return output;
            }

            case "depthwise_conv1d":
            {
                var p = new DepthwiseConv1dParams
                {
                    InputOffset = -c.InputZeroPoint,
                    OutputOffset = c.OutputZeroPoint,
                    KernelSize = c.KernelSize,
                    InputChannels = c.InputChannels,
                    ChannelMultiplier = c.ChannelMultiplier,
                    Stride = c.Stride,
                    Dilation = c.Dilation,
                    Padding = ParsePadding(c.Padding),
                    ActivationMin = c.ActivationMin,
                    ActivationMax = c.ActivationMax,
                };
                var output = new sbyte[DepthwiseConv1dS8.OutputLength(p, c.InputLength) * p.OutputChannels];
                DepthwiseConv1dS8.Run(p, Quant(c), c.Input!, 0, c.InputLength, c.Weights!, 0, c.Bias!, 0, output, 0);
                return output;
            }

            case "pointwise_conv":
            {
                var p = new PointwiseConvParams
                {
                    InputOffset = -c.InputZeroPoint,
                    OutputOffset = c.OutputZeroPoint,
                    InputChannels = c.InputChannels,
                    OutputChannels = c.OutputChannels,
                    ActivationMin = c.ActivationMin,
                    ActivationMax = c.ActivationMax,
                };
                var output = new sbyte[c.InputLength * c.OutputChannels];
                PointwiseConvS8.Run(p, Quant(c), c.Input!, 0, c.InputLength, c.Weights!, 0, c.Bias!, 0, output, 0, new int[PointwiseConvS8.GetBufferSize(p)]);
                return output;
            }

            case "dense":
            case "dense_per_channel":
            {
                var p = new DenseParams
                {
                    InputOffset = -c.InputZeroPoint,
                    OutputOffset = c.OutputZeroPoint,
                    InputSize = c.InputChannels,
                    Units = c.OutputChannels,
                    ActivationMin = c.ActivationMin,
                    ActivationMax = c.ActivationMax,
                };
                var output = new sbyte[c.OutputChannels];
                DenseS8.Run(p, Quant(c), c.Input!, 0, c.Weights!, 0, c.Bias!, 0, output, 0, new int[DenseS8.GetBufferSize(p)]);
                return output;
            }

            case "max_pool1d":
            case "avg_pool1d":
            {
                var p = new Pool1dParams
                {
                    PoolSize = c.KernelSize,
                    Stride = c.Stride,
                    Padding = ParsePadding(c.Padding),
                    Channels = c.InputChannels,
                    ActivationMin = c.ActivationMin,
                    ActivationMax = c.ActivationMax,
                };
                var output = new sbyte[MaxPool1dS8.OutputLength(p, c.InputLength) * c.InputChannels];
                if (c.Op == "max_pool1d")
                {
                    MaxPool1dS8.Run(p, c.Input!, 0, c.InputLength, output, 0);
                }
                else
                {
                    AvgPool1dS8.Run(p, c.Input!, 0, c.InputLength, output, 0);
                }

                return output;
            }

            case "add":
            {
                var p = new AddParams
                {
                    Input1Offset = -c.InputZeroPoint,
                    Input2Offset = -c.Input2ZeroPoint,
                    OutputOffset = c.OutputZeroPoint,
                    LeftShift = c.LeftShift,
                    Input1Multiplier = c.Multipliers![0],
                    Input1Shift = c.Shifts![0],
                    Input2Multiplier = c.Multipliers[1],
                    Input2Shift = c.Shifts[1],
                    OutputMultiplier = c.Multipliers[2],
                    OutputShift = c.Shifts[2],
                    ActivationMin = c.ActivationMin,
                    ActivationMax = c.ActivationMax,
                };
                var output = new sbyte[c.Input!.Length];
                AddS8.Run(p, c.Input, 0, c.Input2!, 0, output.Length, output, 0);
                return output;
            }

            case "softmax":
            {
                var p = new SoftmaxParams { ExpTable = c.ExpTable!, Classes = c.InputChannels };
                var output = new sbyte[c.Input!.Length];
                SoftmaxS8.Run(p, c.Input, 0, c.InputLength, output, 0);
                return output;
            }

            default:
                throw new ArgumentException($"No kernel for golden op '{c.Op}'.");
        }
    }
}
