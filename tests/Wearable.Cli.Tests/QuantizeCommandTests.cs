using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

public class QuantizeCommandTests
{
    [Fact]
    public void Quantize_writes_a_model_file_that_eval_model_scores()
    {
        string dir = Directory.CreateTempSubdirectory("wearable-quantize").FullName;
        string output = Path.Combine(dir, "g.wmdl");
        var result = CliRunner.Run("quantize", "--model", RepositoryPaths.InRepo("models", "gesture-cnn-myo-pretrained.float.json"),
            "--out", output, "--calibration", "Male0", "--calibration-windows", "100", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        Assert.Equal(new FileInfo(output).Length, json.GetProperty("fileBytes").GetInt32());
        Assert.Equal(66080, json.GetProperty("macs").GetInt64());
        Assert.Equal("softmax", json.GetProperty("ops").EnumerateArray().Last().GetString());

        var eval = CliRunner.Run("eval", "--model", output, "--people", "Female0", "--json");
        Assert.Equal(0, eval.ExitCode);
        double accuracy = eval.Json().GetProperty("people")[0].GetProperty("fixedAccuracy").GetDouble();
        Assert.True(accuracy > 0.9, "int8 cross-person accuracy on Female0 " + accuracy);
    }

    [Fact]
    public void Quantize_without_a_float_model_says_how_to_get_one()
    {
        var result = CliRunner.Run("quantize", "--model", "/nonexistent/float.json", "--out", "/tmp/never.wmdl");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("hint:", result.Error);
    }
}
