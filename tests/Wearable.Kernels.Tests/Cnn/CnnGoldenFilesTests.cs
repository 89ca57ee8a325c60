using Wearable.Modeling.Quantization;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Cnn;

/// <summary>
/// The committed golden files are exactly what the seeded reference generator produces, so a change
/// to the reference or to QuantizeMultiplier cannot silently leave stale vectors behind.
/// Regenerate: WEARABLE_WRITE_GOLDEN=1 dotnet test tests/Wearable.Kernels.Tests --filter CnnGoldenFiles
/// </summary>
public class CnnGoldenFilesTests
{
    [Fact]
    public void Committed_golden_files_equal_the_seeded_reference_output()
    {
        string directory = RepositoryPaths.InRepo("tests", "golden", "cnn");
        if (Environment.GetEnvironmentVariable("WEARABLE_WRITE_GOLDEN") == "1")
        {
            CnnGoldenVectors.WriteAll(directory);
        }

        foreach (string op in CnnGoldenVectors.Ops)
        {
            string expected = CnnGoldenVectors.Serialize(CnnGoldenVectors.Generate(op));
            string committed = File.ReadAllText(Path.Combine(directory, CnnGoldenVectors.FileName(op)));
            Assert.True(expected == committed, $"tests/golden/cnn/{op}.json is stale: regenerate it (see this test's summary).");
        }
    }
}
