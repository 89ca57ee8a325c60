using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;
using Wearable.Modeling.Quantization;

namespace Wearable.Kernels.Tests.Model;

/// <summary>
/// Runs a loaded graph op by op through the independent <see cref="QuantizedReference"/>, each
/// tensor in its own array: what the arena-sharing runner must reproduce byte for byte.
/// </summary>
internal static class ReferenceGraph
{
    public static sbyte[] Run(ModelDefinition model, sbyte[] input)
    {
        var values = new Dictionary<int, sbyte[]> { [model.GraphInput] = input };
        foreach (CnnLayer layer in model.Layers)
        {
            TensorInfo inT = model.Tensors[layer.Input];
            TensorInfo outT = model.Tensors[layer.Output];
            var c = new GoldenCase
            {
                Input = values[layer.Input],
                InputLength = inT.Length,
                InputChannels = inT.Channels,
                InputZeroPoint = inT.ZeroPoint,
                OutputZeroPoint = outT.ZeroPoint,
            };
            values[layer.Output] = layer switch
            {
                Conv1dLayer l => QuantizedReference.Conv1d(Fill(c, l.Params.KernelSize, l.Params.Stride, l.Params.Dilation, l.Params.Padding, l.Params.OutputChannels, l.Params.ActivationMin, l.Params.ActivationMax, l.Weights.ToArray(), l.Bias, l.Quant)),
                DepthwiseConv1dLayer l => QuantizedReference.Depthwise(WithMultiplier(Fill(c, l.Params.KernelSize, l.Params.Stride, l.Params.Dilation, l.Params.Padding, l.Params.OutputChannels, l.Params.ActivationMin, l.Params.ActivationMax, l.Weights.ToArray(), l.Bias, l.Quant), l.Params.ChannelMultiplier)),
                PointwiseConvLayer l => QuantizedReference.Dense(Fill(c, 1, 1, 1, Padding1d.Valid, l.Params.OutputChannels, l.Params.ActivationMin, l.Params.ActivationMax, l.Weights.ToArray(), l.Bias, l.Quant)),
                DenseLayer l => QuantizedReference.Dense(Flatten(Fill(c, 1, 1, 1, Padding1d.Valid, l.Params.Units, l.Params.ActivationMin, l.Params.ActivationMax, l.Weights.ToArray(), l.Bias, l.Quant))),
                Pool1dLayer l => QuantizedReference.Pool(Fill(c, l.Params.PoolSize, l.Params.Stride, 1, l.Params.Padding, inT.Channels, l.Params.ActivationMin, l.Params.ActivationMax, null, null, null), l.Op == CnnOpCode.AvgPool1d),
                AddLayer l => QuantizedReference.Add(new GoldenCase
                {
                    Input = values[layer.Input],
                    Input2 = values[layer.Input2],
                    InputZeroPoint = -l.Params.Input1Offset,
                    Input2ZeroPoint = -l.Params.Input2Offset,
                    OutputZeroPoint = l.Params.OutputOffset,
                    LeftShift = l.Params.LeftShift,
                    Multipliers = new[] { l.Params.Input1Multiplier, l.Params.Input2Multiplier, l.Params.OutputMultiplier },
                    Shifts = new[] { l.Params.Input1Shift, l.Params.Input2Shift, l.Params.OutputShift },
                    ActivationMin = l.Params.ActivationMin,
                    ActivationMax = l.Params.ActivationMax,
                }),
                SoftmaxLayer l => QuantizedReference.Softmax(new GoldenCase { Input = values[layer.Input], InputLength = inT.Length, InputChannels = inT.Channels, ExpTable = l.Params.ExpTable }),
                _ => throw new NotSupportedException(layer.GetType().Name),
            };
            Assert.Equal(outT.ByteCount, values[layer.Output].Length);
        }

        return values[model.GraphOutput];
    }

    private static GoldenCase Fill(GoldenCase c, int k, int stride, int dilation, Padding1d padding, int cout, int min, int max, sbyte[]? w, int[]? bias, ChannelQuantization? q)
    {
        c.KernelSize = k;
        c.Stride = stride;
        c.Dilation = dilation;
        c.Padding = padding.ToString().ToLowerInvariant();
        c.OutputChannels = cout;
        c.ActivationMin = min;
        c.ActivationMax = max;
        c.Weights = w;
        c.Bias = bias;
        c.Multipliers = q?.Multipliers;
        c.Shifts = q?.Shifts;
        return c;
    }

    private static GoldenCase WithMultiplier(GoldenCase c, int multiplier)
    {
        c.ChannelMultiplier = multiplier;
        return c;
    }

    private static GoldenCase Flatten(GoldenCase c)
    {
        c.InputChannels *= c.InputLength;
        c.InputLength = 1;
        return c;
    }
}
