using Wearable.Hil.NanoClr;

namespace Wearable.Cli.Tests;

/// <summary>
/// `wearable bench nanoclr`: the output's shape on a one-suite run where nanoCLR is installed, and the
/// error a user sees where it is not. Never the speed: that is what the verb itself measures.
/// </summary>
public class BenchNanoClrCommandTests
{
    [NanoClrInstalledFact]
    public void One_suite_run_reports_both_sides_and_the_ratio()
    {
        var result = CliRunner.Run("bench", "nanoclr", "--json", "--filter", "cnn.dense", "--repeats", "1");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        var row = Assert.Single(json.GetProperty("rows").EnumerateArray());
        Assert.Equal("cnn.dense.32x10", row.GetProperty("name").GetString());
        Assert.Equal("kernel", row.GetProperty("kind").GetString());
        Assert.Equal(row.GetProperty("vectors").GetInt32(), row.GetProperty("passed").GetInt32());
        Assert.True(row.GetProperty("nanoClrMicroseconds").GetDouble() > 0);
        Assert.True(row.GetProperty("dotNetMicroseconds").GetDouble() > 0);
        Assert.Equal(100, json.GetProperty("dotNetRepeats").GetInt32());
        Assert.StartsWith("nanoCLR", json.GetProperty("nanoClr").GetString());
    }

    [NanoClrMemoryInstalledFact]
    public void Memory_run_reports_each_models_heap_from_nanoclrs_gc_reports()
    {
        var result = CliRunner.Run("bench", "nanoclr", "--memory", "--json", "--filter", "random-emg", "--repeats", "2");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        var row = Assert.Single(json.GetProperty("rows").EnumerateArray());
        Assert.Equal("random-emg-cnn-8ch", row.GetProperty("name").GetString());
        Assert.Equal(new[] { "baseline", "setup", "loop1", "loop2" }, row.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("phase").GetString()));
        Assert.True(row.GetProperty("residentBytes").GetInt64() > 0);
        Assert.Equal(0, row.GetProperty("steadyGrowthBytes").GetInt64());
        Assert.Equal(2, json.GetProperty("iterations").GetInt32());
    }

    [Fact]
    public void Memory_without_the_memstats_interpreter_names_its_variable()
    {
        string? saved = Environment.GetEnvironmentVariable(NanoClrToolchain.MemoryStatsInterpreterVariable);
        Environment.SetEnvironmentVariable(NanoClrToolchain.MemoryStatsInterpreterVariable, null);
        try
        {
            var result = CliRunner.Run("bench", "nanoclr", "--memory");

            Assert.Equal(1, result.ExitCode);
            string[] lines = result.Error.TrimEnd().Split('\n');
            Assert.StartsWith("error: no nanoCLR: set " + NanoClrToolchain.MemoryStatsInterpreterVariable + " to a nanoCLR built with NANOCLR_TRACE_MEMORY_STATS", lines[0]);
            Assert.StartsWith("hint: ", lines[1]);
            Assert.Equal(2, lines.Length);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NanoClrToolchain.MemoryStatsInterpreterVariable, saved);
        }
    }

    [Fact]
    public void Without_an_interpreter_it_says_what_to_set_in_one_error_and_one_hint()
    {
        string? saved = Environment.GetEnvironmentVariable(NanoClrToolchain.InterpreterVariable);
        Environment.SetEnvironmentVariable(NanoClrToolchain.InterpreterVariable, null);
        try
        {
            var result = CliRunner.Run("bench", "nanoclr", "--json");

            Assert.Equal(1, result.ExitCode);
            string[] lines = result.Error.TrimEnd().Split('\n');
            Assert.StartsWith("error: no nanoCLR: set " + NanoClrToolchain.InterpreterVariable, lines[0]);
            Assert.StartsWith("hint: ", lines[1]);
            Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Out);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NanoClrToolchain.InterpreterVariable, saved);
        }
    }
}

/// <summary>A fact that needs the memstats build of nanoCLR: skipped, with the reason, where none is installed.</summary>
public sealed class NanoClrMemoryInstalledFactAttribute : FactAttribute
{
    public NanoClrMemoryInstalledFactAttribute()
    {
        Skip = NanoClrToolchain.MissingReason(NanoClrToolchain.MemoryStatsInterpreterVariable);
    }
}

/// <summary>A fact that needs nanoFramework's interpreter: skipped, with the reason, where none is installed.</summary>
public sealed class NanoClrInstalledFactAttribute : FactAttribute
{
    public NanoClrInstalledFactAttribute()
    {
        Skip = NanoClrToolchain.MissingReason();
    }
}
