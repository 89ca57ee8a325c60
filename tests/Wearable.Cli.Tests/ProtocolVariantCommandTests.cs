using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

public class ProtocolVariantCommandTests
{
    private static string Data => RepositoryPaths.SharedDataFile("emg", "myo-armband");

    private static string Pretrained => RepositoryPaths.InRepo("models", "gesture-cnn-myo-pretrained.float.json");

    [Fact]
    public void Cross_session_reports_each_train_test_pair_per_person_and_as_means()
    {
        var result = CliRunner.Run("eval", "--data", Data, "--protocol", "cross-session", "--people", "Male1", "--train-sessions", "Test0",
            "--spec", "conv:4:5,relu,maxpool:4", "--epochs", "1", "--hop", "25", "--test-repetitions", "7", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        var pairs = json.GetProperty("people")[0].GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(new[] { "Test0", "Test0" }, pairs.Select(p => p.GetProperty("train").GetString()));
        Assert.Equal(new[] { "training0", "Test1" }, pairs.Select(p => p.GetProperty("test").GetString()));
        Assert.All(pairs, p => Assert.InRange(p.GetProperty("accuracy").GetDouble(), 0.0, 1.0));
        Assert.Equal(2, json.GetProperty("pairs").GetArrayLength());
        Assert.Contains("cross-session", json.GetProperty("protocol").GetString());
    }

    [Fact]
    public void Cross_person_scores_a_pretrained_model_and_a_model_file_per_person()
    {
        var result = CliRunner.Run("eval", "--data", Data, "--protocol", "cross-person", "--people", "Female0", "--from", Pretrained,
            "--model", RepositoryPaths.InRepo("models", "gesture-default.wmdl"), "--test-repetitions", "7", "--json");

        Assert.Equal(0, result.ExitCode);
        var person = result.Json().GetProperty("people")[0];
        Assert.Equal("Female0", person.GetProperty("person").GetString());
        Assert.True(person.GetProperty("floatAccuracy").GetDouble() > 0.9, result.Out);
        Assert.True(person.GetProperty("fixedAccuracy").GetDouble() > 0.9, result.Out);
    }

    [Fact]
    public void Eval_fixed_with_qat_reports_post_training_and_qat_int8_side_by_side()
    {
        var result = CliRunner.Run("eval", "--data", Data, "--people", "Male1", "--from", Pretrained, "--epochs", "1", "--hop", "25",
            "--fixed", "--qat-epochs", "1", "--test-repetitions", "7", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json();
        var person = json.GetProperty("people")[0];
        Assert.InRange(person.GetProperty("fixedAccuracy").GetDouble(), 0.5, 1.0);
        Assert.InRange(person.GetProperty("qatAccuracy").GetDouble(), 0.5, 1.0);
        Assert.Equal(person.GetProperty("qatAccuracy").GetDouble(), json.GetProperty("qatMeanAll").GetDouble());

        // The sizes the budget is about, from the int8 file itself (the shipped CNN: ~4.4 KB of weights).
        var size = json.GetProperty("fixedModel");
        Assert.InRange(size.GetProperty("weightBytes").GetInt64(), 4_000, 64 * 1024);
        Assert.InRange(size.GetProperty("arenaBytes").GetInt32() + size.GetProperty("scratchBytes").GetInt32(), 1_000, 32 * 1024);
        Assert.Equal(66_080, size.GetProperty("multiplyAccumulates").GetInt64());
    }

    [Fact]
    public void Quantize_with_qat_writes_a_fine_tuned_file_unlike_post_training_quantization()
    {
        string dir = Directory.CreateTempSubdirectory("wearable-qat").FullName;
        string qatFile = Path.Combine(dir, "qat.wmdl"), ptqFile = Path.Combine(dir, "ptq.wmdl");
        string[] common = ["quantize", "--data", Data, "--model", Pretrained, "--calibration", "Male0", "--calibration-windows", "200", "--json"];
        var qat = CliRunner.Run([.. common, "--out", qatFile, "--qat-epochs", "1", "--qat-data", "Male0"]);
        var ptq = CliRunner.Run([.. common, "--out", ptqFile]);

        Assert.Equal(0, qat.ExitCode);
        Assert.Equal(0, ptq.ExitCode);
        var json = qat.Json();
        Assert.Equal(1, json.GetProperty("qat").GetProperty("epochs").GetInt32());
        Assert.Equal(new FileInfo(qatFile).Length, json.GetProperty("fileBytes").GetInt32());
        Assert.False(ptq.Json().TryGetProperty("qat", out _), ptq.Out);
        Assert.NotEqual(File.ReadAllBytes(ptqFile), File.ReadAllBytes(qatFile));
    }

    [Fact]
    public void Unknown_protocol_or_qat_without_fixed_is_an_error_with_a_hint()
    {
        var protocol = CliRunner.Run("eval", "--data", Data, "--protocol", "leave-one-out");
        Assert.Equal(2, protocol.ExitCode);
        Assert.Contains("cross-session", protocol.Error);

        var qat = CliRunner.Run("eval", "--data", Data, "--people", "Male1", "--qat-epochs", "2");
        Assert.Equal(1, qat.ExitCode);
        Assert.Contains("--fixed", qat.Error);

        var sessionFixed = CliRunner.Run("eval", "--data", Data, "--protocol", "cross-session", "--fixed");
        Assert.Equal(1, sessionFixed.ExitCode);
        Assert.Contains("float models only", sessionFixed.Error);
    }

    [Theory]
    [InlineData("--freeze", "-1")]
    [InlineData("--rehearsal", "-0.5")]
    [InlineData("--rotation-jitter", "1.5")]
    [InlineData("--channel-gain-jitter", "1")]
    [InlineData("--threads", "0")]
    public void Out_of_range_fine_tuning_options_are_errors_with_a_hint(string option, string value)
    {
        var result = CliRunner.Run("eval", "--data", Data, "--people", "Male1", option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error);
        Assert.Contains("hint:", result.Error);
    }
}
