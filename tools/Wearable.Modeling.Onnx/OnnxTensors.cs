using System.Buffers.Binary;
using Wearable.EdgeHost.Onnx.Proto;

namespace Wearable.Modeling.Onnx;

/// <summary>Values of ONNX initializers (raw little-endian bytes or the typed repeated fields) and node attributes.</summary>
public static class OnnxTensors
{
    public static float[] Floats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new OnnxImportException("initializer '" + tensor.Name + "' is not float32 (ONNX data type " + tensor.DataType + ")", "export the trained float model, not a quantized one");
        }

        if (tensor.HasRawData)
        {
            byte[] raw = tensor.RawData.ToByteArray();
            var values = new float[raw.Length / 4];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(raw.AsSpan(i * 4));
            }

            return values;
        }

        return tensor.FloatData.ToArray();
    }

    public static long Int(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.I : fallback;

    public static float Float(NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.F : fallback;

    public static long[] Ints(NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } a ? a.Ints.ToArray() : Array.Empty<long>();
}
