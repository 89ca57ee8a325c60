using System.Text.Json;
using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

public class HilCommandTests
{
    private static string Rig => RepositoryPaths.InRepo("hil", "rigs", "virtual.json");

    [Fact]
    public void Hil_run_json_prints_counts_and_device_ticks_per_kernel()
    {
        var result = CliRunner.Run("hil", "run", "--rig", Rig, "--json");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        JsonElement json = result.Json();
        int kernels = Directory.GetFiles(RepositoryPaths.InRepo("hil", "suites"), "*.hilsuite").Length;
        Assert.Equal(kernels * 12, json.GetProperty("vectors").GetInt32());
        Assert.Equal(json.GetProperty("vectors").GetInt32(), json.GetProperty("passed").GetInt32());
        Assert.Equal(0, json.GetProperty("failed").GetInt32());
        Assert.Contains("/dev/pts/", json.GetProperty("target").GetString());
        var perKernel = json.GetProperty("kernels").EnumerateArray().ToList();
        Assert.Equal(kernels, perKernel.Count);
        Assert.All(perKernel, k =>
        {
            Assert.True(k.GetProperty("deviceTicks").GetInt64() >= 0);
            Assert.Equal(1_000_000, k.GetProperty("tickFrequencyHz").GetInt64());
        });
        Assert.Contains(perKernel, k => k.GetProperty("deviceTicks").GetInt64() > 0);
    }

    [Fact]
    public void Hil_run_on_a_perturbed_device_exits_non_zero_and_writes_reports_naming_the_mismatch()
    {
        string dir = Directory.CreateTempSubdirectory("wearable-hil-cli").FullName;
        string junit = Path.Combine(dir, "hil.xml"), markdown = Path.Combine(dir, "hil.md");

        var result = CliRunner.Run("hil", "run", "--rig", Rig, "--target", "sim://?model=../../models/examples/random-emg-cnn-8ch.wmdl&perturb=snn.lif", "--json", "--junit", junit, "--markdown", markdown);

        Assert.Equal(1, result.ExitCode);
        JsonElement failed = Assert.Single(result.Json().GetProperty("kernels").EnumerateArray(), k => k.GetProperty("failed").GetInt32() > 0);
        Assert.Equal("snn.lif", failed.GetProperty("kernel").GetString());
        Assert.Equal(0, failed.GetProperty("firstMismatch").GetProperty("vector").GetInt32());
        Assert.Contains("snn.lif", File.ReadAllText(junit));
        Assert.Contains("snn.lif", File.ReadAllText(markdown));
    }

    [Fact]
    public void Hil_generate_writes_the_committed_suites()
    {
        string dir = Directory.CreateTempSubdirectory("wearable-hil-gen").FullName;
        var result = CliRunner.Run("hil", "generate", "--out", dir, "--model", RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl"), "--json");

        Assert.Equal(0, result.ExitCode);
        foreach (string committed in Directory.GetFiles(RepositoryPaths.InRepo("hil", "suites"), "*.hilsuite"))
        {
            Assert.Equal(File.ReadAllBytes(committed), File.ReadAllBytes(Path.Combine(dir, Path.GetFileName(committed))));
        }
    }

    [Fact]
    public void Hil_run_with_a_missing_rig_is_a_clear_error()
    {
        var result = CliRunner.Run("hil", "run", "--rig", "/nonexistent/rig.json");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("rig", result.Error);
    }
}
