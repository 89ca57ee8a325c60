using System.Xml.Linq;
using Wearable.Hil.Reports;
using Wearable.Hil.Rigs;
using Wearable.Hil.Running;
using Wearable.Hil.Suites;

namespace Wearable.Hil.Tests;

/// <summary>
/// The HIL machinery on its own: suite files, comparison and reports, with a target that echoes a
/// transformation of its input and can be told to corrupt one byte.
/// </summary>
public class FrameworkTests
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wearable-hil").FullName;

    [Fact]
    public void Suite_round_trips_through_its_file()
    {
        var suite = MakeSuite("negate", 5);
        string path = Path.Combine(_dir, "negate.hilsuite");

        suite.Save(path);
        var loaded = GoldenSuite.Load(path);

        Assert.Equal("negate", loaded.Kernel);
        Assert.Equal(suite.Seed, loaded.Seed);
        Assert.Equal(suite.Generator, loaded.Generator);
        Assert.Equal(suite.Vectors.Select(v => v.Expected), loaded.Vectors.Select(v => v.Expected));
    }

    [Fact]
    public void Damaged_or_truncated_suite_is_refused_not_reported_as_a_device_mismatch()
    {
        string path = Path.Combine(_dir, "s.hilsuite");
        MakeSuite("negate", 3).Save(path);
        byte[] bytes = File.ReadAllBytes(path);

        bytes[20] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        Assert.Contains("damaged", Assert.Throws<InvalidDataException>(() => GoldenSuite.Load(path)).Message);

        File.WriteAllBytes(path, bytes[..10]);
        Assert.Throws<InvalidDataException>(() => GoldenSuite.Load(path));

        File.WriteAllText(path, "hello");
        Assert.Contains("not a HIL suite", Assert.Throws<InvalidDataException>(() => GoldenSuite.Load(path)).Message);
    }

    [Fact]
    public void Identical_target_passes_every_vector_and_sums_device_ticks()
    {
        using var target = new NegatingTarget();
        var result = HilRunner.RunSuite(target, "x", MakeSuite("negate", 10), TimeSpan.FromSeconds(1));

        Assert.True(result.Success);
        Assert.Equal(10, result.Passed);
        Assert.Equal(100, result.TotalTicks);
        Assert.Equal(10.0, result.MeanMicroseconds, 6);
    }

    [Fact]
    public void A_perturbed_byte_is_reported_as_the_first_mismatch_with_both_values()
    {
        using var target = new NegatingTarget { CorruptVector = 3, CorruptByte = 2 };
        var suite = MakeSuite("negate", 6);

        var result = HilRunner.RunSuite(target, "x", suite, TimeSpan.FromSeconds(1));

        Assert.False(result.Success);
        Assert.Equal(1, result.Failed);
        Assert.NotNull(result.FirstMismatch);
        Assert.Equal(3, result.FirstMismatch.Vector);
        Assert.Equal(2, result.FirstMismatch.ByteIndex);
        Assert.Equal(suite.Vectors[3].Expected[2], result.FirstMismatch.Expected);
        Assert.Equal(suite.Vectors[3].Expected[2] ^ 1, result.FirstMismatch.Actual);
    }

    [Fact]
    public void Length_difference_and_target_errors_are_mismatches_too()
    {
        Assert.Contains("expected 3 output bytes, got 2", HilMismatch.Find(0, new byte[3], new byte[2])!.Detail);

        using var target = new NegatingTarget { Error = "UnknownKernel" };
        var result = HilRunner.RunSuite(target, "x", MakeSuite("negate", 2), TimeSpan.FromSeconds(1));
        Assert.Contains("UnknownKernel", result.FirstMismatch!.Detail);
    }

    [Fact]
    public void Reports_carry_the_verdict_and_first_mismatch()
    {
        using var target = new NegatingTarget { CorruptVector = 1, CorruptByte = 0 };
        var ok = HilRunner.RunSuite(new NegatingTarget(), "a.hilsuite", MakeSuite("good", 3), TimeSpan.FromSeconds(1));
        var bad = HilRunner.RunSuite(target, "b.hilsuite", MakeSuite("bad", 3), TimeSpan.FromSeconds(1));
        var report = new HilRunReport("virtual", "test target", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(2), new[] { ok, bad });

        XDocument junit = JUnitReportWriter.Build(report);
        var failures = junit.Descendants("failure").ToList();
        Assert.Single(failures);
        Assert.Equal("bad", failures[0].Parent!.Attribute("name")!.Value);
        Assert.Contains("vector 1, byte 0", failures[0].Value);
        Assert.Equal("2", junit.Descendants("testsuite").Single().Attribute("tests")!.Value);

        string markdown = MarkdownReportWriter.Build(report);
        Assert.Contains("**FAIL**", markdown);
        Assert.Contains("| bad | FAIL | 2/3 | vector 1, byte 0", markdown);

        string html = HtmlReportWriter.Build(report);
        Assert.Contains("FAIL: 5 of 6 vectors identical", html);
    }

    [Fact]
    public void Rig_file_errors_name_the_file_and_the_problem()
    {
        string rig = Path.Combine(_dir, "rig.json");
        File.WriteAllText(rig, "{ \"name\": \"r\", \"target\": \"sim://\", \"suites\": [\"missing.hilsuite\"] }");
        Assert.Contains("missing.hilsuite does not exist", Assert.Throws<RigFileException>(() => RigDescription.Load(rig)).Message);

        File.WriteAllText(rig, "{ \"name\": \"r\", \"target\": \"sim://\", \"suites\": [], \"colour\": 1 }");
        Assert.Contains("not a valid rig description", Assert.Throws<RigFileException>(() => RigDescription.Load(rig)).Message);

        Assert.Contains("does not exist", Assert.Throws<RigFileException>(() => RigDescription.Load(Path.Combine(_dir, "nope.json"))).Message);
    }

    [Fact]
    public void Valid_rig_resolves_suites_beside_it()
    {
        MakeSuite("negate", 1).Save(Path.Combine(_dir, "n.hilsuite"));
        string rig = Path.Combine(_dir, "rig.json");
        File.WriteAllText(rig, "{ // a comment\n \"name\": \"desk\", \"target\": \"sim://\", \"suites\": [\"n.hilsuite\"], \"vectorTimeoutMs\": 100 }");

        var loaded = RigDescription.Load(rig);

        Assert.Equal(Path.Combine(_dir, "n.hilsuite"), loaded.SuitePaths().Single());
        Assert.Equal(100, loaded.VectorTimeoutMs);
    }

    private static GoldenSuite MakeSuite(string kernel, int count)
    {
        var random = new Random(count);
        var vectors = new List<GoldenVector>();
        for (int i = 0; i < count; i++)
        {
            var input = new byte[4 + i];
            random.NextBytes(input);
            vectors.Add(new GoldenVector(input, input.Select(b => (byte)~b).ToArray()));
        }

        return new GoldenSuite(kernel, "test", 42, vectors);
    }

    private sealed class NegatingTarget : IHilTarget
    {
        private int _calls;

        public int CorruptVector { get; init; } = -1;

        public int CorruptByte { get; init; }

        public string? Error { get; init; }

        public string Description => "negating test target";

        public HilOutcome Run(string kernel, byte[] input, TimeSpan timeout)
        {
            int call = _calls++;
            if (Error is not null)
            {
                return HilOutcome.Failed(Error);
            }

            byte[] output = input.Select(b => (byte)~b).ToArray();
            if (call == CorruptVector)
            {
                output[CorruptByte] ^= 1;
            }

            return new HilOutcome(output, 10, 1_000_000);
        }

        public void Dispose()
        {
        }
    }
}
