namespace Wearable.Modeling.Onnx;

/// <summary>An ONNX model that cannot become a device model: what is wrong (naming the op and node), and what to do.</summary>
public sealed class OnnxImportException(string problem, string hint) : Exception(problem)
{
    public string Hint { get; } = hint;
}
