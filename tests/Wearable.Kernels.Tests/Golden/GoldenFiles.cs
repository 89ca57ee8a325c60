using Wearable.Modeling.Golden;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Golden;

/// <summary>Where the committed golden vectors live and how tests compare against them.</summary>
public static class GoldenFiles
{
    public static string Root => RepositoryPaths.InRepo("tests", "golden");

    public static GoldenVectorFile Load(string relativePath)
    {
        string path = Path.Combine(Root, relativePath);
        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the regeneration test with WEARABLE_WRITE_GOLDEN=1.");
        return GoldenVectorFile.Load(path);
    }

    /// <summary>Byte-for-byte comparison with the first differing element reported.</summary>
    public static void AssertSameBytes(byte[] expected, byte[] actual, string what, int elementSize)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail($"{what}: first difference at element {i / elementSize} (byte {i}).");
            }
        }
    }
}
