using Google.Protobuf;
using Wearable.EdgeHost.Onnx.Proto;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;
using DataType = Wearable.EdgeHost.Onnx.Proto.TensorProto.Types.DataType;

namespace Wearable.EdgeHost.Onnx.Export;

/// <summary>
/// Writes a model file's int8 CNN graph as an ONNX model (opset 13) with the same scales and zero
/// points. Activations become uint8 (value + 128, zero point + 128): ORT's int8 kernels are fast
/// only for uint8 activations x int8 weights (see docs/onnx.md). Tensors are NCW inside the graph
/// (ONNX's Conv layout); the graph input and output stay [1][time][channel] like our windows.
/// conv1d, depthwise, pointwise and dense are QLinearConv (dense = a conv whose kernel spans the
/// whole input, which keeps its bias and per-unit scales); pools are MaxPool / QDQ AveragePool;
/// add and softmax are DequantizeLinear -> float op -> QuantizeLinear.
/// </summary>
public static class OnnxModelExporter
{
    public const string InputName = "window";
    public const string OutputName = "confidences";
    public const int Opset = 13;

    public static byte[] Export(ModelDefinition model) => ToProto(model).ToByteArray();

    public static ModelProto ToProto(ModelDefinition model)
    {
        if (model.SpikingLayers.Length > 0)
        {
            throw new OnnxExportException(
                "the model has spiking layers (LIF / CuBa-LIF / L2MU), which ONNX cannot express bit-exactly",
                "ONNX has no stateful spiking op; only CNN graphs export (see docs/onnx.md)");
        }

        if (!model.HasCnn)
        {
            throw new OnnxExportException("the model has no CNN graph section to export", "export a model whose file has a cnn section (wearable model inspect shows its layers)");
        }

        var g = new OnnxGraphBuilder(model.Name.Length > 0 ? model.Name : "wearable");
        var exporter = new GraphWriter(model, g);
        exporter.Write();
        var proto = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "wearable",
            ProducerVersion = "1",
            DocString = model.Description,
            Graph = g.Graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        proto.MetadataProps.Add(new StringStringEntryProto { Key = "labels", Value = string.Join("\n", model.Labels) });
        return proto;
    }

    /// <summary>The ONNX name of tensor i of the file inside the graph ([1][channel][time], uint8).</summary>
    public static string TensorName(int tensor) => "t" + tensor;

    /// <summary>The real scale of a tensor (the file keeps it as IEEE-754 bits for tools).</summary>
    public static float Scale(TensorInfo tensor) => BitConverter.Int32BitsToSingle(tensor.ScaleBits);

    /// <summary>The real multiplier M 2^(S - 31) that an (M, S) pair stands for.</summary>
    public static double RealMultiplier(int multiplier, int shift) => multiplier * Math.Pow(2, shift - 31);

    private sealed class GraphWriter(ModelDefinition model, OnnxGraphBuilder g)
    {
        public void Write()
        {
            TensorInfo input = model.Tensors[model.GraphInput];
            g.Input(InputName, DataType.Uint8, 1, input.Length, input.Channels);
            var transpose = g.Node("Transpose", "input_to_ncw", new[] { InputName }, TensorName(model.GraphInput));
            OnnxGraphBuilder.Ints(transpose, "perm", 0, 2, 1);
            DeclareFreeInputs();
            for (int i = 0; i < model.Layers.Length; i++)
            {
                WriteOp(i, model.Layers[i]);
            }

            TensorInfo output = model.Tensors[model.GraphOutput];
            var back = g.Node("Transpose", "output_to_nwc", new[] { TensorName(model.GraphOutput) }, OutputName);
            OnnxGraphBuilder.Ints(back, "perm", 0, 2, 1);
            g.Output(OutputName, DataType.Uint8, 1, output.Length, output.Channels);
        }

        /// <summary>
        /// Tensors that some op reads but no op writes (other than the graph input) become extra graph
        /// inputs "t{index}", uint8 [1][channels][time]: that is how one op is exported alone (tests
        /// compare ORT and our runner op by op with identical inputs).
        /// </summary>
        private void DeclareFreeInputs()
        {
            var written = new HashSet<int> { model.GraphInput };
            foreach (CnnLayer layer in model.Layers)
            {
                foreach (int read in new[] { layer.Input, layer.Input2 })
                {
                    if (read >= 0 && written.Add(read))
                    {
                        TensorInfo info = model.Tensors[read];
                        g.Input(TensorName(read), DataType.Uint8, 1, info.Channels, info.Length);
                    }
                }

                written.Add(layer.Output);
            }
        }

        private void WriteOp(int index, CnnLayer layer)
        {
            string prefix = "op" + index;
            switch (layer)
            {
                case Conv1dLayer conv:
                    WriteConv(prefix, conv.Input, conv.Output, conv.Quant, ConvWeights(conv), conv.Bias, conv.Params.KernelSize, conv.Params.Stride, conv.Params.Dilation, conv.Params.Padding, 1, conv.Params.ActivationMin, conv.Params.ActivationMax);
                    break;
                case DepthwiseConv1dLayer dw:
                    WriteConv(prefix, dw.Input, dw.Output, dw.Quant, DepthwiseWeights(dw), dw.Bias, dw.Params.KernelSize, dw.Params.Stride, dw.Params.Dilation, dw.Params.Padding, dw.Params.InputChannels, dw.Params.ActivationMin, dw.Params.ActivationMax);
                    break;
                case PointwiseConvLayer pw:
                    WriteConv(prefix, pw.Input, pw.Output, pw.Quant, (pw.Weights.ToArray(), new long[] { pw.Params.OutputChannels, pw.Params.InputChannels, 1 }), pw.Bias, 1, 1, 1, Padding1d.Valid, 1, pw.Params.ActivationMin, pw.Params.ActivationMax);
                    break;
                case DenseLayer dense:
                    int length = model.Tensors[dense.Input].Length;
                    WriteConv(prefix, dense.Input, dense.Output, dense.Quant, DenseWeights(dense), dense.Bias, length, 1, 1, Padding1d.Valid, 1, dense.Params.ActivationMin, dense.Params.ActivationMax);
                    break;
                case Pool1dLayer pool:
                    WritePool(prefix, pool);
                    break;
                case AddLayer add:
                    WriteAdd(prefix, add);
                    break;
                case SoftmaxLayer softmax:
                    WriteSoftmax(prefix, softmax);
                    break;
                default:
                    throw new OnnxExportException("op " + index + " (" + CnnOpCode.Name(layer.Op) + ") has no ONNX mapping", "export supports conv1d, depthwise, pointwise, dense, max/avg pool, add and softmax");
            }
        }

        private void WriteConv(string prefix, int inputTensor, int outputTensor, ChannelQuantization quant, (sbyte[] Values, long[] Dims) weights, int[] bias, int kernel, int stride, int dilation, Padding1d padding, int group, int activationMin, int activationMax)
        {
            TensorInfo input = model.Tensors[inputTensor];
            TensorInfo output = model.Tensors[outputTensor];
            int outChannels = (int)weights.Dims[0];
            float sIn = Scale(input);
            float sOut = Scale(output);

            // Weight scales chosen so that s_in s_w[c] / s_out is exactly the file's requantization multiplier.
            var wScales = new float[outChannels];
            for (int c = 0; c < outChannels; c++)
            {
                int q = quant.IsPerTensor ? 0 : c;
                wScales[c] = (float)(RealMultiplier(quant.Multipliers[q], quant.Shifts[q]) * sOut / sIn);
            }

            string convOut = ClampedOutput(prefix, outputTensor, activationMin, activationMax);
            var node = g.Node("QLinearConv", prefix, new[]
            {
                TensorName(inputTensor), g.FloatScalar(prefix + ".x_scale", sIn), g.Uint8Scalar(prefix + ".x_zero_point", input.ZeroPoint + 128),
                g.Int8Vector(prefix + ".w", weights.Values, weights.Dims), g.FloatVector(prefix + ".w_scale", wScales), g.Int8Vector(prefix + ".w_zero_point", new sbyte[outChannels], outChannels),
                g.FloatScalar(prefix + ".y_scale", sOut), g.Uint8Scalar(prefix + ".y_zero_point", output.ZeroPoint + 128),
                g.Int32Vector(prefix + ".b", bias),
            }, convOut);
            OnnxGraphBuilder.Ints(node, "kernel_shape", kernel);
            OnnxGraphBuilder.Ints(node, "strides", stride);
            OnnxGraphBuilder.Ints(node, "dilations", dilation);
            OnnxGraphBuilder.Ints(node, "pads", Pads(input.Length, output.Length, kernel, stride, dilation, padding));
            OnnxGraphBuilder.Int(node, "group", group);
            Clamp(prefix, outputTensor, activationMin, activationMax);
        }

        private void WritePool(string prefix, Pool1dLayer pool)
        {
            Pool1dParams p = pool.Params;
            TensorInfo input = model.Tensors[pool.Input];
            TensorInfo output = model.Tensors[pool.Output];
            long[] pads = Pads(input.Length, output.Length, p.PoolSize, p.Stride, 1, p.Padding);
            string poolOut = ClampedOutput(prefix, pool.Output, p.ActivationMin, p.ActivationMax);
            if (pool.Op == CnnOpCode.MaxPool1d)
            {
                var node = g.Node("MaxPool", prefix, new[] { TensorName(pool.Input) }, poolOut);
                OnnxGraphBuilder.Ints(node, "kernel_shape", p.PoolSize);
                OnnxGraphBuilder.Ints(node, "strides", p.Stride);
                OnnxGraphBuilder.Ints(node, "pads", pads);
                Clamp(prefix, pool.Output, p.ActivationMin, p.ActivationMax);
                return;
            }

            string dq = Dequantized(prefix + ".in", pool.Input);
            var avg = g.Node("AveragePool", prefix, new[] { dq }, prefix + ".avg");
            OnnxGraphBuilder.Ints(avg, "kernel_shape", p.PoolSize);
            OnnxGraphBuilder.Ints(avg, "strides", p.Stride);
            OnnxGraphBuilder.Ints(avg, "pads", pads);
            OnnxGraphBuilder.Int(avg, "count_include_pad", 0);
            Quantize(prefix, prefix + ".avg", output, poolOut);
            Clamp(prefix, pool.Output, p.ActivationMin, p.ActivationMax);
        }

        private void WriteAdd(string prefix, AddLayer add)
        {
            string a = Dequantized(prefix + ".a", add.Input);
            string b = Dequantized(prefix + ".b", add.Input2);
            g.Node("Add", prefix, new[] { a, b }, prefix + ".sum");
            string addOut = ClampedOutput(prefix, add.Output, add.Params.ActivationMin, add.Params.ActivationMax);
            Quantize(prefix, prefix + ".sum", model.Tensors[add.Output], addOut);
            Clamp(prefix, add.Output, add.Params.ActivationMin, add.Params.ActivationMax);
        }

        private void WriteSoftmax(string prefix, SoftmaxLayer softmax)
        {
            // The table holds round(2^16 exp(-beta s_in d)); the dequantize scale becomes beta s_in so
            // that ONNX's float softmax sees exactly the logits our table was built for.
            TensorInfo input = model.Tensors[softmax.Input];
            float inverseTemperature = (float)SoftmaxTableSlope(softmax.Params.ExpTable);
            g.Node("DequantizeLinear", prefix + ".dequantize", new[] { TensorName(softmax.Input), g.FloatScalar(prefix + ".logit_scale", inverseTemperature), g.Uint8Scalar(prefix + ".in_zero_point", input.ZeroPoint + 128) }, prefix + ".logits");
            var node = g.Node("Softmax", prefix, new[] { prefix + ".logits" }, prefix + ".p");
            OnnxGraphBuilder.Int(node, "axis", 1);
            Quantize(prefix, prefix + ".p", model.Tensors[softmax.Output], TensorName(softmax.Output));
        }

        private string Dequantized(string name, int tensor)
        {
            TensorInfo info = model.Tensors[tensor];
            g.Node("DequantizeLinear", name + ".dequantize", new[] { TensorName(tensor), g.FloatScalar(name + ".scale", Scale(info)), g.Uint8Scalar(name + ".zero_point", info.ZeroPoint + 128) }, name + ".real");
            return name + ".real";
        }

        private void Quantize(string prefix, string real, TensorInfo output, string name) =>
            g.Node("QuantizeLinear", prefix + ".quantize", new[] { real, g.FloatScalar(prefix + ".y_scale", Scale(output)), g.Uint8Scalar(prefix + ".y_zero_point", output.ZeroPoint + 128) }, name);

        /// <summary>
        /// Our ops clamp to [activation_min, activation_max] (ReLU / ReLU6); ONNX's quantized ops only
        /// saturate to uint8, so a narrower range gets a Clip after the op: the name the op itself writes.
        /// </summary>
        private static string ClampedOutput(string prefix, int outputTensor, int activationMin, int activationMax) =>
            NeedsClamp(activationMin, activationMax) ? prefix + ".unclamped" : TensorName(outputTensor);

        /// <summary>The Clip that <see cref="ClampedOutput"/> announced, appended after its op (nodes stay in topological order).</summary>
        private void Clamp(string prefix, int outputTensor, int activationMin, int activationMax)
        {
            if (NeedsClamp(activationMin, activationMax))
            {
                g.Node("Clip", prefix + ".clamp", new[] { prefix + ".unclamped", g.Uint8Scalar(prefix + ".min", activationMin + 128), g.Uint8Scalar(prefix + ".max", activationMax + 128) }, TensorName(outputTensor));
            }
        }

        private static bool NeedsClamp(int activationMin, int activationMax) => activationMin > -128 || activationMax < 127;

        private static (sbyte[], long[]) ConvWeights(Conv1dLayer conv)
        {
            // Ours: [out][tap][in]; ONNX Conv: [out][in][tap].
            Conv1dParams p = conv.Params;
            var w = new sbyte[conv.Weights.Length];
            for (int o = 0; o < p.OutputChannels; o++)
            {
                for (int k = 0; k < p.KernelSize; k++)
                {
                    for (int c = 0; c < p.InputChannels; c++)
                    {
                        w[(o * p.InputChannels + c) * p.KernelSize + k] = conv.Weights[(o * p.KernelSize + k) * p.InputChannels + c];
                    }
                }
            }

            return (w, new long[] { p.OutputChannels, p.InputChannels, p.KernelSize });
        }

        private static (sbyte[], long[]) DepthwiseWeights(DepthwiseConv1dLayer dw)
        {
            // Ours: [tap][out] with out = in x multiplier + m, which is ONNX's group order; ONNX: [out][1][tap].
            DepthwiseConv1dParams p = dw.Params;
            int outs = p.OutputChannels;
            var w = new sbyte[dw.Weights.Length];
            for (int k = 0; k < p.KernelSize; k++)
            {
                for (int o = 0; o < outs; o++)
                {
                    w[o * p.KernelSize + k] = dw.Weights[k * outs + o];
                }
            }

            return (w, new long[] { outs, 1, p.KernelSize });
        }

        private (sbyte[], long[]) DenseWeights(DenseLayer dense)
        {
            // Ours: [unit][t * C + c] over the NWC input; as a conv over the NCW input: [unit][c][t].
            TensorInfo input = model.Tensors[dense.Input];
            int length = input.Length;
            int channels = input.Channels;
            int units = dense.Params.Units;
            var w = new sbyte[dense.Weights.Length];
            for (int u = 0; u < units; u++)
            {
                for (int t = 0; t < length; t++)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        w[(u * channels + c) * length + t] = dense.Weights[u * length * channels + t * channels + c];
                    }
                }
            }

            return (w, new long[] { units, channels, length });
        }
    }

    /// <summary>ONNX pads [left, right]: our left padding, and a right padding that gives our output length.</summary>
    public static long[] Pads(int inputLength, int outputLength, int kernel, int stride, int dilation, Padding1d padding)
    {
        int left = ConvGeometry.PadLeft(inputLength, kernel, stride, dilation, padding);
        int right = Math.Max(0, (outputLength - 1) * stride + ConvGeometry.Span(kernel, dilation) - inputLength - left);
        return new long[] { left, right };
    }

    /// <summary>
    /// beta s_in of a softmax table ExpTable[d] = round(2^16 exp(-beta s_in d)), read at the entry where the
    /// table's rounding costs the least relative precision (largest d x ExpTable[d]).
    /// </summary>
    public static double SoftmaxTableSlope(int[] table)
    {
        int best = 1;
        for (int d = 1; d < table.Length; d++)
        {
            if ((long)d * table[d] > (long)best * table[best])
            {
                best = d;
            }
        }

        return table[best] <= 0 ? 1.0 : -Math.Log(table[best] / 65536.0) / best;
    }
}
