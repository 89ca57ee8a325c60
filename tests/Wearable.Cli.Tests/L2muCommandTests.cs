namespace Wearable.Cli.Tests;

public class L2muCommandTests
{
    [Fact]
    public void Train_quantize_and_eval_model_take_an_L2mu_from_float_to_the_shared_pipeline()
    {
        string dir = Directory.CreateTempSubdirectory("wearable-l2mu").FullName;
        string floatModel = Path.Combine(dir, "l2mu.json");
        string output = Path.Combine(dir, "l2mu.wmdl");
        var train = CliRunner.Run("train", "--person", "Male0", "--spec", "l2mu:4:2:16", "--epochs", "2", "--hop", "40", "--out", floatModel, "--json");
        Assert.Equal(0, train.ExitCode);

        var quantize = CliRunner.Run("quantize", "--model", floatModel, "--out", output, "--evaluate", "Male0", "--json");
        Assert.Equal(0, quantize.ExitCode);
        var json = quantize.Json();
        Assert.Equal(new FileInfo(output).Length, json.GetProperty("fileBytes").GetInt32());
        var person = json.GetProperty("people")[0];
        double floatAccuracy = person.GetProperty("floatAccuracy").GetDouble();
        double fixedAccuracy = person.GetProperty("fixedAccuracy").GetDouble();
        Assert.True(floatAccuracy > 0.3, "float accuracy " + floatAccuracy + " (chance is 1/7)");
        Assert.True(Math.Abs(floatAccuracy - fixedAccuracy) < 0.03, "float " + floatAccuracy + " vs fixed " + fixedAccuracy);

        var eval = CliRunner.Run("eval", "--model", output, "--people", "Male0", "--json");
        Assert.Equal(0, eval.ExitCode);
        Assert.Equal(fixedAccuracy, eval.Json().GetProperty("people")[0].GetProperty("fixedAccuracy").GetDouble(), 5);
    }

    [Fact]
    public void Eval_fixed_trains_an_L2mu_per_person_and_scores_its_integer_export()
    {
        var eval = CliRunner.Run("eval", "--people", "Male1", "--spec", "l2mu:4:2:8", "--epochs", "1", "--hop", "25", "--test-repetitions", "7", "--fixed", "--json");

        Assert.Equal(0, eval.ExitCode);
        var json = eval.Json();
        Assert.Contains("ModelPipeline", json.GetProperty("arithmetic").GetString());
        double floatAccuracy = json.GetProperty("people")[0].GetProperty("accuracy").GetDouble();
        double fixedAccuracy = json.GetProperty("people")[0].GetProperty("fixedAccuracy").GetDouble();
        Assert.True(Math.Abs(floatAccuracy - fixedAccuracy) < 0.03, "float " + floatAccuracy + " vs fixed " + fixedAccuracy);
    }
}
