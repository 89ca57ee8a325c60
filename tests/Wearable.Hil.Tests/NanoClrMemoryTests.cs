using Wearable.Hil.NanoClr;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests;

/// <summary>
/// Managed memory on nanoCLR: a model measured inside the memstats interpreter where one is installed
/// ($WEARABLE_NANOCLR_MEMSTATS), and everywhere the reading of its GC reports, because a figure taken from
/// the wrong collection (or from none) would look as plausible as a right one.
/// </summary>
public class NanoClrMemoryTests
{
    private const string CompleteRun =
        "Ready.\r\nMEM-MARK baseline\r\n\r\nGC: 3msec 61200 bytes used, 10424560 bytes available\r\n\r\nType 00 (...): 4 bytes\r\nMEM-COLLECTED baseline 10180\r\n"
        + "MEM-MARK setup\r\nGC: 2msec 70000 bytes used, 10415760 bytes available\r\nMEM-COLLECTED setup 10171\r\n"
        + "MEM-MARK loop1\r\nGC: 2msec 70000 bytes used, 10415760 bytes available\r\nMEM-COLLECTED loop1 10171\r\n"
        + "MEM-MARK loop2\r\nGC: 2msec 70100 bytes used, 10415660 bytes available\r\nMEM-COLLECTED loop2 10161\r\n"
        + "MEM-DONE 20 model.example\r\nDone.\r\n";

    [NanoClrMemoryFact]
    public void A_model_reports_every_phase_from_the_runtimes_own_collections()
    {
        string model = RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl");

        NanoClrMemoryRow row = Assert.Single(NanoClrMemoryBench.Run(new[] { model }, iterations: 64, TimeSpan.FromMinutes(5)));

        Assert.Equal(NanoClrMemoryHarnessSource.Phases, row.Reports.Select(r => r.Phase));
        Assert.All(row.Reports, r => Assert.Equal(row.HeapBytes, r.UsedBytes + r.AvailableBytes));
        // The baseline holds the model file itself; loading the runner and its buffers adds to it.
        Assert.True(row.BaselineBytes > row.FileBytes, "baseline " + row.BaselineBytes + " B holds a " + row.FileBytes + " B model file");
        Assert.True(row.ResidentBytes > 0, "resident " + row.ResidentBytes + " B");
        // The kernels are allocation-free in steady state: the loop keeps nothing, and what it drops stays within the
        // heap-layout noise of two junk arrays (the same at 1 and 64 calls), where 48 B a call would show as three.
        Assert.Equal(0, row.SteadyGrowthBytes);
        Assert.InRange(row.LoopGarbageBytes, -2 * NanoClrMemoryHarnessSource.JunkBytes, 2 * NanoClrMemoryHarnessSource.JunkBytes);
    }

    [Fact]
    public void Each_phase_takes_the_collection_forced_between_its_marks()
    {
        var reports = NanoClrMemoryOutput.Parse(CompleteRun, exitCode: 0);

        Assert.Equal(new[] { "baseline", "setup", "loop1", "loop2" }, reports.Select(r => r.Phase));
        Assert.Equal(new NanoClrHeapReport("baseline", 61200, 10424560, 10180), reports[0]);
        Assert.Equal(new NanoClrHeapReport("loop2", 70100, 10415660, 10161), reports[3]);
        var row = new NanoClrMemoryRow("m", 5292, 20, reports);
        Assert.Equal(8800, row.ResidentBytes);
        Assert.Equal(100, row.SteadyGrowthBytes);
        Assert.Equal(10 * NanoClrMemoryHarnessSource.JunkBytes, row.LoopGarbageBytes);
        Assert.Equal(10485760, row.HeapBytes);
    }

    [Fact]
    public void An_interpreter_without_memory_stats_is_named_as_the_cause()
    {
        string withoutStats = string.Join("\n", CompleteRun.Split('\n').Where(l => !l.StartsWith("GC: ", StringComparison.Ordinal)));

        var error = Assert.Throws<InvalidDataException>(() => NanoClrMemoryOutput.Parse(withoutStats, exitCode: 0));

        Assert.Contains("NANOCLR_TRACE_MEMORY_STATS", error.Message);
        Assert.Contains("'baseline'", error.Message);
    }

    [Fact]
    public void A_second_collection_inside_one_phase_is_refused_not_guessed()
    {
        string twice = CompleteRun.Replace("MEM-COLLECTED loop1", "GC: 1msec 69000 bytes used, 10416760 bytes available\r\nMEM-COLLECTED loop1", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidDataException>(() => NanoClrMemoryOutput.Parse(twice, exitCode: 0));

        Assert.Contains("2 times in phase 'loop1'", error.Message);
    }

    [Theory]
    [InlineData(0, "MEM-DONE", "uncaught exception")]
    [InlineData(139, null, "status 139")]
    [InlineData(null, null, "timeout")]
    public void An_incomplete_run_is_an_error_never_a_figure(int? exitCode, string? cut, string expected)
    {
        string stdout = cut is null ? CompleteRun : CompleteRun[..CompleteRun.IndexOf(cut, StringComparison.Ordinal)];

        var error = Assert.Throws<InvalidDataException>(() => NanoClrMemoryOutput.Parse(stdout, exitCode));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_model_that_refuses_its_window_says_so()
    {
        var error = Assert.Throws<InvalidDataException>(() => NanoClrMemoryOutput.Parse("MEM-MARK baseline\nMEM-ERROR the model refused its input window\n", exitCode: 0));

        Assert.Equal("on nanoCLR: the model refused its input window", error.Message);
    }
}

/// <summary>A fact that needs the memstats build of nanoCLR: skipped, with the reason, where none is installed.</summary>
public sealed class NanoClrMemoryFactAttribute : FactAttribute
{
    public NanoClrMemoryFactAttribute()
    {
        Skip = NanoClrToolchain.MissingReason(NanoClrToolchain.MemoryStatsInterpreterVariable);
    }
}
