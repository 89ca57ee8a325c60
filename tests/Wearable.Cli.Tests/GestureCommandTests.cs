using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

public class GestureCommandTests
{
    private static string Data => RepositoryPaths.SharedDataFile("emg", "myo-armband");

    [Fact]
    public void Train_then_eval_from_the_saved_model_reports_json_per_person()
    {
        string model = Path.Combine(Directory.CreateTempSubdirectory("wearable-cli").FullName, "m.json");
        var train = CliRunner.Run("train", "--data", Data, "--person", "Male1", "--epochs", "1", "--hop", "25", "--spec", "conv:4:5,relu,maxpool:4", "--out", model, "--json");
        Assert.Equal(0, train.ExitCode);
        Assert.True(train.Json().GetProperty("parameters").GetInt32() > 0, train.Out);
        Assert.True(File.Exists(model));

        var eval = CliRunner.Run("eval", "--data", Data, "--people", "Male1", "--from", model, "--epochs", "1", "--hop", "25", "--json");
        Assert.Equal(0, eval.ExitCode);
        var person = eval.Json().GetProperty("people")[0];
        Assert.Equal("Male1", person.GetProperty("person").GetString());
        Assert.InRange(person.GetProperty("accuracy").GetDouble(), 0.0, 1.0);
        Assert.True(person.GetProperty("testWindows").GetInt32() > 10000);
    }

    [Fact]
    public void Unknown_person_dataset_or_spec_is_a_one_line_error_with_a_hint()
    {
        var person = CliRunner.Run("eval", "--data", Data, "--people", "Nobody");
        Assert.Equal(1, person.ExitCode);
        Assert.StartsWith("error: Unknown person Nobody", person.Error);
        Assert.Contains("hint: Use paper, all, or names from: Female0", person.Error);

        var dataset = CliRunner.Run("eval", "--dataset", "ninapro");
        Assert.Equal(2, dataset.ExitCode);
        Assert.Contains("--dataset must be myo-armband, myo-readings", dataset.Error);

        var spec = CliRunner.Run("eval", "--data", Data, "--spec", "conv:4:5,bogus");
        Assert.Equal(2, spec.ExitCode);
        Assert.StartsWith("error: --spec 'conv:4:5,bogus' is not a network", spec.Error);

        var folder = CliRunner.Run("train", "--data", Directory.CreateTempSubdirectory("wearable-cli").FullName);
        Assert.Equal(1, folder.ExitCode);
        Assert.Contains("no recordings: expected .edf/.bdf files with class annotations", folder.Error);
        Assert.Contains("hint: Record labelled sessions with 'wearable record --protocol FILE'", folder.Error);
    }
}
