using Wearable.Kernels.Model;
using Wearable.TestSupport;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>Every model file the repository ships (models/*.wmdl and models/examples/*.wmdl), as xunit data.</summary>
public static class ShippedModels
{
    public static IEnumerable<object[]> Names() =>
        Files().Select(f => new object[] { Path.GetRelativePath(RepositoryPaths.Root, f) });

    public static IEnumerable<string> Files() =>
        Directory.GetFiles(RepositoryPaths.InRepo("models"), "*.wmdl", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public static ModelDefinition Read(string relativePath) => ModelReader.Read(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, relativePath)));

    /// <summary>Seeded windows with values over the whole int8 range (so padding, saturation and clamps are all reached).</summary>
    public static sbyte[][] RandomWindows(ModelDefinition model, int count, int seed)
    {
        var random = new Random(seed);
        int bytes = model.Tensors[model.GraphInput].ByteCount;
        var windows = new sbyte[count][];
        for (int w = 0; w < count; w++)
        {
            windows[w] = new sbyte[bytes];
            for (int i = 0; i < bytes; i++)
            {
                windows[w][i] = (sbyte)random.Next(-128, 128);
            }
        }

        return windows;
    }
}
