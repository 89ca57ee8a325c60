using Wearable.Modeling.Golden;

namespace Wearable.Kernels.Tests.Golden;

/// <summary>
/// The committed files are exactly what the seeded generator produces from the host-only references.
/// Set WEARABLE_WRITE_GOLDEN=1 to rewrite them (after an intended rule change; review the diff).
/// </summary>
public class GoldenRegenerationTests
{
    public static TheoryData<string> Cases() => new(GoldenVectorGenerator.Cases.Select(c => c.Path));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Regenerating_from_the_reference_reproduces_the_committed_file(string path)
    {
        var build = GoldenVectorGenerator.Cases.Single(c => c.Path == path).Build;
        byte[] regenerated = build().ToBytes();
        string full = Path.Combine(GoldenFiles.Root, path);
        if (Environment.GetEnvironmentVariable("WEARABLE_WRITE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, regenerated);
        }

        Assert.True(File.Exists(full), $"{full} is missing: run this test with WEARABLE_WRITE_GOLDEN=1 to create it.");
        GoldenFiles.AssertSameBytes(File.ReadAllBytes(full), regenerated, path, 1);
        Assert.True(regenerated.Length < 64 * 1024, $"{path} is {regenerated.Length} bytes; golden files must stay small.");
    }

    [Fact]
    public void Container_round_trips_and_rejects_garbage()
    {
        var file = new GoldenVectorFile().Add("a", new short[] { -1, 2 }).Add("b", new long[] { long.MinValue }).Add("c", new byte[] { 7 });
        var parsed = GoldenVectorFile.Parse(file.ToBytes());
        Assert.Equal(new short[] { -1, 2 }, parsed.Int16("a"));
        Assert.Equal(new[] { long.MinValue }, parsed.Int64("b"));
        Assert.Equal(new byte[] { 0x57, 0x47, 0x56, 0x31, 3, 0 }, file.ToBytes()[..6]);
        Assert.Throws<InvalidDataException>(() => GoldenVectorFile.Parse([1, 2, 3, 4, 5, 6]));
        Assert.Throws<InvalidDataException>(() => parsed.Int32("a"));
    }
}
