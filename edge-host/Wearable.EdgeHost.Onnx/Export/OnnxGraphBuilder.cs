using System.Runtime.InteropServices;
using Google.Protobuf;
using Wearable.EdgeHost.Onnx.Proto;

namespace Wearable.EdgeHost.Onnx.Export;

/// <summary>
/// Appends nodes, initializers and attributes to an ONNX <see cref="GraphProto"/>, so the exporter
/// reads as a list of ops instead of protobuf plumbing. Initializer names are unique per graph.
/// </summary>
public sealed class OnnxGraphBuilder
{
    public OnnxGraphBuilder(string name)
    {
        Graph = new GraphProto { Name = name };
    }

    public GraphProto Graph { get; }

    public string Uint8Scalar(string name, int value) => Add(name, TensorProto.Types.DataType.Uint8, Array.Empty<long>(), new[] { (byte)value });

    public string Int8Vector(string name, sbyte[] values, params long[] dims) =>
        Add(name, TensorProto.Types.DataType.Int8, dims, (byte[])(Array)values);

    public string FloatScalar(string name, float value) => FloatVector(name, new[] { value }, Array.Empty<long>());

    public string FloatVector(string name, float[] values) => FloatVector(name, values, new long[] { values.Length });

    public string Int32Vector(string name, int[] values) =>
        Add(name, TensorProto.Types.DataType.Int32, new long[] { values.Length }, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    public NodeProto Node(string opType, string name, string[] inputs, params string[] outputs)
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(outputs);
        Graph.Node.Add(node);
        return node;
    }

    public void Input(string name, TensorProto.Types.DataType type, params long[] dims) => Graph.Input.Add(ValueInfo(name, type, dims));

    public void Output(string name, TensorProto.Types.DataType type, params long[] dims) => Graph.Output.Add(ValueInfo(name, type, dims));

    public static void Ints(NodeProto node, string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.Add(values);
        node.Attribute.Add(attribute);
    }

    public static void Int(NodeProto node, string name, long value) =>
        node.Attribute.Add(new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value });

    // raw_data is little-endian by ONNX's definition, as the x64/arm64 hosts this runs on.
    private string FloatVector(string name, float[] values, long[] dims) =>
        Add(name, TensorProto.Types.DataType.Float, dims, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    private string Add(string name, TensorProto.Types.DataType type, long[] dims, byte[] raw)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.Add(dims);
        Graph.Initializer.Add(tensor);
        return name;
    }

    private static ValueInfoProto ValueInfo(string name, TensorProto.Types.DataType type, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (long d in dims)
        {
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }
}
