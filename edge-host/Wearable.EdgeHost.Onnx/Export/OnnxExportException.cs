namespace Wearable.EdgeHost.Onnx.Export;

/// <summary>A model that cannot be written as ONNX (or read from it): what is wrong, and what to do instead.</summary>
public sealed class OnnxExportException(string problem, string hint) : Exception(problem)
{
    public string Hint { get; } = hint;
}
