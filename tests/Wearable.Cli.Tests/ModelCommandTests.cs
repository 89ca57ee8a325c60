using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

public class ModelCommandTests
{
    private static string Example => RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl");

    [Fact]
    public void Inspect_json_reports_layers_arena_parameters_macs_and_labels()
    {
        var result = CliRunner.Run("model", "inspect", Example, "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(768, json.GetProperty("arenaBytes").GetInt32());
        Assert.Equal(4, json.GetProperty("layers").GetArrayLength());
        Assert.Equal("conv1d", json.GetProperty("layers")[0].GetProperty("op").GetString());
        Assert.Equal("32x16", json.GetProperty("layers")[0].GetProperty("output").GetString());
        Assert.Equal(32768, json.GetProperty("macsPerInference").GetInt64());
        Assert.Equal(6, json.GetProperty("labels").GetArrayLength());
        Assert.Equal(8, json.GetProperty("input").GetProperty("channels").GetInt32());
        Assert.Equal(1, json.GetProperty("frontEnd").GetProperty("filterSections").GetInt32());
        Assert.Equal("samples -> front end -> CNN", json.GetProperty("runs").GetString());
    }

    [Fact]
    public void Inspect_table_names_the_arena()
    {
        var result = CliRunner.Run("model", "inspect", Example);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("arena", result.Out);
        Assert.Contains("768", result.Out);
    }

    [Fact]
    public void Missing_and_corrupt_files_are_one_line_errors()
    {
        var missing = CliRunner.Run("model", "inspect", "/nonexistent/model.wmdl");
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error: FILE: the file '/nonexistent/model.wmdl' does not exist.", missing.Error);

        string corrupt = Path.Combine(Directory.CreateTempSubdirectory("wearable-model").FullName, "bad.wmdl");
        byte[] bytes = File.ReadAllBytes(Example);
        bytes[200] ^= 0xFF;
        File.WriteAllBytes(corrupt, bytes);
        var bad = CliRunner.Run("model", "inspect", corrupt);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not a valid model", bad.Error);
        Assert.Contains("field crc32", bad.Error);
        Assert.Contains("hint:", bad.Error);
    }
}

public class CnnBenchCasesTests
{
    [Fact]
    public void Bench_kernels_lists_the_cnn_cases_with_their_units()
    {
        // Checks the cases are registered and run; speed figures live in docs/performance.md, not in tests.
        var result = CliRunner.Run("bench", "kernels", "--filter", "cnn-", "--json", "--seconds", "0.05");

        Assert.Equal(0, result.ExitCode);
        var cases = result.Json().GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(new[] { "cnn-conv1d-k5-same", "cnn-conv1d-k3-causal", "cnn-dense-1024x256", "cnn-example-model", "cnn-gesture-default", "cnn-example-pipeline" }, cases.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("MAC", cases[2].GetProperty("unit").GetString());
        Assert.Equal("inference", cases[3].GetProperty("unit").GetString());
        Assert.Contains("32,768 MACs", cases[3].GetProperty("notes").GetString());
        Assert.Equal("inference", cases[4].GetProperty("unit").GetString());
    }
}
