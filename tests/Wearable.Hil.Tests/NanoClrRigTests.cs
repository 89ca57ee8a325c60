using Wearable.Hil.NanoClr;
using Wearable.Hil.Rigs;
using Wearable.Hil.Running;
using Wearable.Hil.Suites;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests;

/// <summary>
/// The nanoclr rig: every golden suite inside nanoFramework's interpreter, byte for byte. Where no
/// interpreter is installed the run is skipped with the reason; what decides pass or fail from nanoCLR's
/// output is tested everywhere, because nanoCLR exits 0 after an uncaught exception.
/// </summary>
public class NanoClrRigTests
{
    [NanoClrFact]
    public void Whole_suite_passes_inside_nanoCLR()
    {
        RigDescription rig = RigDescription.Load(RepositoryPaths.InRepo("hil", "rigs", "nanoclr.json"));

        // One timed run per vector keeps the test quick; the rig file's repeats are for measuring.
        HilRunReport report = RigRun.Execute(rig, "nanoclr://?model=" + RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl"));

        Assert.StartsWith("nanoCLR", report.Target);
        Assert.True(report.Success, string.Join("; ", report.Kernels.Where(k => !k.Success).Select(k => k.Kernel + ": " + k.FirstMismatch!.Detail)));
        Assert.Equal(rig.Suites.Count * 12, report.Vectors);
    }

    [Fact]
    public void The_rig_file_lists_every_suite_of_the_virtual_rig()
    {
        RigDescription nano = RigDescription.Load(RepositoryPaths.InRepo("hil", "rigs", "nanoclr.json"));
        RigDescription virtualRig = RigDescription.Load(RepositoryPaths.InRepo("hil", "rigs", "virtual.json"));

        Assert.StartsWith("nanoclr://", nano.Target);
        Assert.Equal(virtualRig.Suites, nano.Suites);
    }

    [Fact]
    public void Without_an_interpreter_the_target_says_what_to_set()
    {
        string? saved = Environment.GetEnvironmentVariable(NanoClrToolchain.InterpreterVariable);
        if (saved is not null)
        {
            return; // an installed interpreter is the other test's business; this one is about its absence
        }

        var error = Assert.Throws<HilTargetException>(NanoClrToolchain.Locate);
        Assert.Contains(NanoClrToolchain.InterpreterVariable, error.Message);
        Assert.Contains("docs/hil.md", error.Message);
    }

    [Fact]
    public void A_complete_run_gives_each_vector_its_bytes_and_time()
    {
        string stdout = "Ready.\nR 0 0 200 0a0bff\nR 0 1 40 \nE 1 0 exception: boom\nHIL-DONE 3\nDone.\n";

        NanoClrOutput output = NanoClrOutput.Parse(stdout, exitCode: 0, timingRepeats: 20);

        Assert.True(output.Completed);
        Assert.Equal(new byte[] { 0x0a, 0x0b, 0xff }, output.Outcome(0, 0).Output);
        Assert.Equal(10, output.Outcome(0, 0).ElapsedTicks);
        Assert.Equal(NanoClrOutput.TickFrequencyHz, output.Outcome(0, 0).TickFrequencyHz);
        Assert.Empty(output.Outcome(0, 1).Output);
        Assert.Null(output.Outcome(0, 1).Error);
        Assert.Equal("on nanoCLR: exception: boom", output.Outcome(1, 0).Error);
        Assert.Contains("skipped", output.Outcome(2, 0).Error);
    }

    [Theory]
    [InlineData("Ready.\nR 0 0 200 0a\nDone.\n", 0, "uncaught exception")]
    [InlineData("Ready.\nR 0 0 200 0a\n", 139, "status 139")]
    [InlineData("Ready.\nR 0 0 200 0a\n", null, "timeout")]
    [InlineData("Ready.\nR 0 0 200 0a\nHIL-DONE 2\n", 134, "status 134")]
    public void A_crash_an_uncaught_exception_or_a_timeout_fails_every_missing_vector(string stdout, int? exitCode, string reason)
    {
        NanoClrOutput output = NanoClrOutput.Parse(stdout, exitCode, timingRepeats: 1);

        Assert.False(output.Completed);
        Assert.Null(output.Outcome(0, 0).Error);
        string? error = output.Outcome(0, 1).Error;
        Assert.NotNull(error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Batches_cover_every_suite_once_in_order_within_the_literal_budget()
    {
        var suites = Directory.GetFiles(RepositoryPaths.InRepo("hil", "suites"), "*.hilsuite").Order(StringComparer.Ordinal).Select(GoldenSuite.Load).ToList();

        var batches = NanoClrHarnessSource.Batches(suites, modelBytes: 5292);

        Assert.Equal(Enumerable.Range(0, suites.Count), batches.SelectMany(b => Enumerable.Range(b.First, b.Count)));
        Assert.True(batches.Count > 1, "all suites' inputs exceed one harness's budget, so the run must be split");
        Assert.All(batches.Where(b => b.Count > 1), b =>
            Assert.True(suites.GetRange(b.First, b.Count).Sum(s => s.Vectors.Sum(v => v.Input.Length)) <= NanoClrHarnessSource.MaxLiteralBytesPerBatch));
    }
}
