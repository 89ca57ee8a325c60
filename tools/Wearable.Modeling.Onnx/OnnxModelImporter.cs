using Wearable.EdgeHost.Onnx.Proto;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Onnx;

/// <summary>
/// Reads a float CNN exported to ONNX (e.g. by torch.onnx.export) into our float <see cref="Network"/>
/// and quantizes it with <see cref="PostTrainingQuantizer"/> into a device model file. The graph must
/// be a chain of the ops our network and int8 kernels share: Conv (1-D, stride 1, no padding, no
/// dilation; group 1, or depthwise with one filter per channel), Relu, MaxPool (stride = kernel),
/// Flatten, then Gemm (a Linear layer) as the head; Dropout and Identity are skipped, a final
/// Softmax is dropped (the device model ends in our integer softmax). Anything else is refused with
/// its op type and node name. The ONNX input is PyTorch's [batch][channel][time]; our layers are
/// [time][channel], so weights are re-laid out here (the Linear head's flatten order included).
/// </summary>
public static class OnnxModelImporter
{
    public const string SupportedOps = "Conv (1-D, stride 1, no padding; group 1 or depthwise), Relu, MaxPool (stride = kernel), Flatten, Gemm as the last layer, Dropout, Identity, Softmax at the end";

    /// <summary>The float network an ONNX file holds; <paramref name="inputScale"/> is the factor the model applied to raw samples before its first layer.</summary>
    public static Network ReadNetwork(byte[] onnx, float inputScale)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(onnx);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException ex)
        {
            throw new OnnxImportException("the file is not an ONNX model (" + ex.Message + ")", "export it with torch.onnx.export or another ONNX writer");
        }

        GraphProto graph = model.Graph ?? throw new OnnxImportException("the ONNX model has no graph", "export the model again");
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        ValueInfoProto input = graph.Input.FirstOrDefault(i => !initializers.ContainsKey(i.Name))
            ?? throw new OnnxImportException("the ONNX graph has no data input", "export with a dummy input of shape [1, channels, window]");
        long[] dims = input.Type?.TensorType?.Shape?.Dim.Select(d => d.HasDimValue ? d.DimValue : -1).ToArray() ?? Array.Empty<long>();
        if (dims.Length != 3 || dims[1] < 1 || dims[2] < 1)
        {
            throw new OnnxImportException("input '" + input.Name + "' has shape [" + string.Join(", ", dims) + "]; expected [batch, channels, time] with fixed channels and time", "export a 1-D model with a fixed window (torch.zeros(1, channels, window) as the example input)");
        }

        int channels = (int)dims[1];
        int length = (int)dims[2];
        var chain = new ChainReader(graph, initializers, input.Name, channels, length);
        chain.Read();
        var network = new Network(string.Join(",", chain.Spec), length, channels, chain.Classes, inputScale);
        chain.CopyWeights(network);
        return network;
    }

    /// <summary>ONNX file -> float network -> int8 model file, calibrated on <paramref name="calibration"/> (windows of raw samples).</summary>
    public static QuantizedModel Import(byte[] onnx, float inputScale, WindowSet calibration, QuantizationOptions options)
    {
        Network network = ReadNetwork(onnx, inputScale);
        if (calibration.Channels != network.InputChannels || calibration.Length != network.InputLength)
        {
            throw new OnnxImportException(
                "calibration windows are " + calibration.Length + " x " + calibration.Channels + " but the model takes " + network.InputLength + " x " + network.InputChannels,
                "calibrate with recordings of the model's channel count");
        }

        if (calibration.Count == 0)
        {
            throw new OnnxImportException("no calibration windows", "give recordings at least one window long");
        }

        return PostTrainingQuantizer.Quantize(network, calibration, options);
    }

    /// <summary>Walks the graph's chain of nodes, checking each op and remembering where its weights are.</summary>
    private sealed class ChainReader(GraphProto graph, Dictionary<string, TensorProto> initializers, string input, int channels, int length)
    {
        private readonly List<(string Kind, TensorProto Weights, TensorProto? Bias, int Length, int Channels, bool TransposedHead)> _weighted = new();

        public List<string> Spec { get; } = new();

        public int Classes { get; private set; }

        public void Read()
        {
            string current = input;
            bool flattened = false;
            bool headSeen = false;
            for (int i = 0; i < graph.Node.Count; i++)
            {
                NodeProto node = graph.Node[i];
                string where = "op '" + node.OpType + "' at node '" + (node.Name.Length > 0 ? node.Name : "#" + i) + "'";
                if (node.Input.Count == 0 || node.Input[0] != current)
                {
                    throw new OnnxImportException(where + " does not read the previous node's output: only chains of layers import", "export a sequential model (no branches or skip connections)");
                }

                if (headSeen && node.OpType != "Softmax")
                {
                    throw new OnnxImportException(where + " follows the Linear head", "the head (Gemm) must be the last layer; drop what follows it");
                }

                switch (node.OpType)
                {
                    case "Conv":
                        if (flattened)
                        {
                            throw new OnnxImportException(where + " follows a Flatten", "convolutions must come before the flatten and the Linear head");
                        }

                        Conv(node, where);
                        break;
                    case "Relu":
                        Spec.Add("relu");
                        break;
                    case "MaxPool":
                        MaxPool(node, where);
                        break;
                    case "Flatten":
                        if (OnnxTensors.Int(node, "axis", 1) != 1)
                        {
                            throw new OnnxImportException(where + " flattens from axis " + OnnxTensors.Int(node, "axis", 1), "flatten [batch, channels, time] from axis 1 (nn.Flatten())");
                        }

                        flattened = true;
                        break;
                    case "Dropout":
                    case "Identity":
                        break;
                    case "Gemm":
                        Head(node, where, flattened);
                        headSeen = true;
                        break;
                    case "Softmax":
                        if (i != graph.Node.Count - 1)
                        {
                            throw new OnnxImportException(where + " is not the last node", "only a final Softmax is allowed (the device model ends in one)");
                        }

                        break;
                    default:
                        throw new OnnxImportException("unsupported " + where, "supported ops: " + SupportedOps);
                }

                current = node.Output[0];
            }

            if (!headSeen)
            {
                throw new OnnxImportException("the graph has no Linear (Gemm) head", "end the model with nn.Flatten() and nn.Linear(features, classes)");
            }
        }

        public void CopyWeights(Network network)
        {
            int next = 0;
            foreach (Layer layer in network.Layers)
            {
                switch (layer)
                {
                    case Conv1dTrainingLayer conv:
                        CopyConv(conv, _weighted[next++]);
                        break;
                    case DepthwiseConv1dTrainingLayer dw:
                        CopyDepthwise(dw, _weighted[next++]);
                        break;
                    case DenseTrainingLayer dense:
                        CopyHead(dense, _weighted[next++]);
                        break;
                }
            }
        }

        private void Conv(NodeProto node, string where)
        {
            TensorProto weights = Initializer(node, 1, where);
            TensorProto? bias = node.Input.Count > 2 ? Initializer(node, 2, where) : null;
            long[] shape = weights.Dims.ToArray();
            long group = OnnxTensors.Int(node, "group", 1);
            if (shape.Length != 3)
            {
                throw new OnnxImportException(where + " is not a 1-D convolution (weights of rank " + shape.Length + ")", "use nn.Conv1d");
            }

            Require(OnnxTensors.Ints(node, "strides").All(s => s == 1), where, "has a stride other than 1", "use stride 1 and a MaxPool1d to downsample");
            Require(OnnxTensors.Ints(node, "dilations").All(d => d == 1), where, "is dilated", "use dilation 1");
            Require(OnnxTensors.Ints(node, "pads").All(p => p == 0), where, "is padded", "use padding=0 (valid convolutions)");
            int outChannels = (int)shape[0];
            int kernel = (int)shape[2];
            if (group == 1)
            {
                Require(shape[1] == channels, where, "expects " + shape[1] + " input channels but gets " + channels, "check the layer order");
                Spec.Add(kernel == 1 ? "pw:" + outChannels : "conv:" + outChannels + ":" + kernel);
                _weighted.Add(("conv", weights, bias, length, channels, false));
                channels = outChannels;
            }
            else if (group == channels && outChannels == channels && shape[1] == 1)
            {
                Spec.Add("dw:" + kernel);
                _weighted.Add(("dw", weights, bias, length, channels, false));
            }
            else
            {
                throw new OnnxImportException("unsupported " + where + ": group " + group + " with " + channels + " inputs and " + outChannels + " outputs", "use groups=1, or a depthwise conv (groups = in = out channels)");
            }

            length = length - kernel + 1;
            Require(length >= 1, where, "has a kernel longer than its input", "use a longer window or a smaller kernel");
        }

        private void MaxPool(NodeProto node, string where)
        {
            long[] kernel = OnnxTensors.Ints(node, "kernel_shape");
            long[] strides = OnnxTensors.Ints(node, "strides");
            Require(kernel.Length == 1, where, "is not a 1-D pool", "use nn.MaxPool1d");
            Require(strides.Length == 1 && strides[0] == kernel[0], where, "has a stride other than its kernel", "use MaxPool1d(n) (stride = kernel)");
            Require(OnnxTensors.Ints(node, "pads").All(p => p == 0) && OnnxTensors.Int(node, "ceil_mode", 0) == 0, where, "is padded or uses ceil_mode", "use padding=0 and ceil_mode=False");
            Spec.Add("maxpool:" + kernel[0]);
            length /= (int)kernel[0];
        }

        private void Head(NodeProto node, string where, bool flattened)
        {
            Require(flattened, where, "is not preceded by a Flatten", "put nn.Flatten() before the Linear head");
            Require(OnnxTensors.Float(node, "alpha", 1f) == 1f && OnnxTensors.Float(node, "beta", 1f) == 1f && OnnxTensors.Int(node, "transA", 0) == 0, where, "scales or transposes its input", "export a plain nn.Linear");
            TensorProto weights = Initializer(node, 1, where);
            TensorProto? bias = node.Input.Count > 2 ? Initializer(node, 2, where) : null;
            bool transposed = OnnxTensors.Int(node, "transB", 0) == 1;
            long[] shape = weights.Dims.ToArray();
            long features = transposed ? shape[1] : shape[0];
            Require(shape.Length == 2 && features == (long)length * channels, where, "takes " + features + " features but the flattened input has " + ((long)length * channels), "check the Linear layer's in_features");
            Classes = (int)(transposed ? shape[0] : shape[1]);
            _weighted.Add(("head", weights, bias, length, channels, transposed));
        }

        private TensorProto Initializer(NodeProto node, int index, string where)
        {
            if (node.Input.Count <= index || !initializers.TryGetValue(node.Input[index], out TensorProto? tensor))
            {
                throw new OnnxImportException(where + ": input " + index + " is not a constant initializer", "export with constant weights (torch.onnx.export's default)");
            }

            return tensor;
        }

        private static void Require(bool condition, string where, string problem, string hint)
        {
            if (!condition)
            {
                throw new OnnxImportException("unsupported " + where + ": it " + problem, hint);
            }
        }

        private static void CopyConv(Conv1dTrainingLayer conv, (string Kind, TensorProto Weights, TensorProto? Bias, int Length, int Channels, bool Transposed) source)
        {
            // ONNX [out][in][tap] -> ours [out][tap][in].
            float[] w = OnnxTensors.Floats(source.Weights);
            int cin = conv.InputChannels;
            int k = conv.Kernel;
            for (int o = 0; o < conv.OutputChannels; o++)
            {
                for (int c = 0; c < cin; c++)
                {
                    for (int tap = 0; tap < k; tap++)
                    {
                        conv.Weights.Values[(o * k + tap) * cin + c] = w[(o * cin + c) * k + tap];
                    }
                }
            }

            CopyBias(conv.Bias.Values, source.Bias);
        }

        private static void CopyDepthwise(DepthwiseConv1dTrainingLayer dw, (string Kind, TensorProto Weights, TensorProto? Bias, int Length, int Channels, bool Transposed) source)
        {
            // ONNX [channel][1][tap] -> ours [tap][channel].
            float[] w = OnnxTensors.Floats(source.Weights);
            int channels = dw.OutputChannels;
            for (int c = 0; c < channels; c++)
            {
                for (int tap = 0; tap < dw.Kernel; tap++)
                {
                    dw.Weights.Values[tap * channels + c] = w[c * dw.Kernel + tap];
                }
            }

            CopyBias(dw.Bias.Values, source.Bias);
        }

        private static void CopyHead(DenseTrainingLayer dense, (string Kind, TensorProto Weights, TensorProto? Bias, int Length, int Channels, bool Transposed) source)
        {
            // PyTorch flattens [channel][time] (index c * L + t); our dense reads [time][channel] (t * C + c).
            float[] w = OnnxTensors.Floats(source.Weights);
            int outputs = dense.OutputSize;
            int inputs = source.Length * source.Channels;
            for (int o = 0; o < outputs; o++)
            {
                for (int t = 0; t < source.Length; t++)
                {
                    for (int c = 0; c < source.Channels; c++)
                    {
                        int onnxFeature = c * source.Length + t;
                        dense.Weights.Values[o * inputs + t * source.Channels + c] = source.Transposed ? w[o * inputs + onnxFeature] : w[onnxFeature * outputs + o];
                    }
                }
            }

            CopyBias(dense.Bias.Values, source.Bias);
        }

        private static void CopyBias(float[] destination, TensorProto? bias)
        {
            if (bias != null)
            {
                float[] values = OnnxTensors.Floats(bias);
                Array.Copy(values, destination, destination.Length);
            }
        }
    }
}
