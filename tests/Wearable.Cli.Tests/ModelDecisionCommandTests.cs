using Wearable.Kernels.Model;
using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

/// <summary>`wearable model decision`: a copy of a gesture model with the chosen gesture_decision section.</summary>
public class ModelDecisionCommandTests
{
    private static string Example => RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl");

    private static string TempFolder() => Directory.CreateTempSubdirectory("wearable-decision").FullName;

    [Fact]
    public void Default_and_a_json_file_are_written_into_a_new_file_and_the_input_is_unchanged()
    {
        string folder = TempFolder();
        string input = Path.Combine(folder, "mine.wmdl");
        File.Copy(Example, input);
        byte[] before = File.ReadAllBytes(input);

        string withDefault = Path.Combine(folder, "mine-default.wmdl");
        var run = CliRunner.Run("model", "decision", input, "--decision", "default", "--out", withDefault);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(input));
        var defaults = ModelReader.Read(File.ReadAllBytes(withDefault)).GestureDecision!;
        Assert.Equal(0, defaults.RestClass);
        Assert.Equal(2, defaults.EnterHops);
        Assert.Equal(40, defaults.EnvelopeOnLevel);

        string json = Path.Combine(folder, "decision.json");
        File.WriteAllText(json, """{ "restClass": 5, "minConfidence": 64, "voteLength": 3, "enterHops": 1, "leaveHops": 4, "envelopeShift": 2, "envelopeOnLevel": 50, "envelopeOffLevel": 20 }""");
        string withFile = Path.Combine(folder, "mine-tuned.wmdl");
        var fromFile = CliRunner.Run("model", "decision", withDefault, "--decision", json, "--out", withFile, "--json");
        Assert.Equal(0, fromFile.ExitCode);
        var p = ModelReader.Read(File.ReadAllBytes(withFile)).GestureDecision!;
        Assert.Equal((5, 64, 3, 1, 4, 2, 50, 20), (p.RestClass, p.MinConfidence, p.VoteLength, p.EnterHops, p.LeaveHops, p.EnvelopeShift, p.EnvelopeOnLevel, p.EnvelopeOffLevel));
        Assert.Equal(64, fromFile.Json().GetProperty("decision").GetProperty("minConfidence").GetInt32());

        string without = Path.Combine(folder, "mine-none.wmdl");
        Assert.Equal(0, CliRunner.Run("model", "decision", withFile, "--decision", "none", "--out", without).ExitCode);
        Assert.Null(ModelReader.Read(File.ReadAllBytes(without)).GestureDecision);
        Assert.Equal(before, File.ReadAllBytes(without)); // removing the section gives the original file back
    }

    [Fact]
    public void The_input_and_shipped_models_are_never_overwritten()
    {
        string folder = TempFolder();
        string input = Path.Combine(folder, "mine.wmdl");
        File.Copy(Example, input);

        var same = CliRunner.Run("model", "decision", input, "--decision", "default", "--out", input);
        Assert.Equal(1, same.ExitCode);
        Assert.StartsWith("error: --out is the input file mine.wmdl", same.Error);

        string shipped = RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch-decided.wmdl");
        var intoModels = CliRunner.Run("model", "decision", input, "--decision", "default", "--out", shipped);
        Assert.Equal(1, intoModels.ExitCode);
        Assert.Contains("shipped in the repository's models/ folder", intoModels.Error);
        Assert.False(File.Exists(shipped));
    }

    [Fact]
    public void A_bad_decision_file_or_one_that_does_not_fit_the_model_is_a_one_line_error()
    {
        string folder = TempFolder();
        string output = Path.Combine(folder, "out.wmdl");

        string garbage = Path.Combine(folder, "garbage.json");
        File.WriteAllText(garbage, "{ \"restClass\": 0, \"voteLength\": ");
        var bad = CliRunner.Run("model", "decision", Example, "--decision", garbage, "--out", output);
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("error: --decision garbage.json: not a gesture_decision JSON object", bad.Error);
        Assert.DoesNotContain("   at ", bad.Error);

        string outOfRange = Path.Combine(folder, "range.json");
        File.WriteAllText(outOfRange, """{ "restClass": 0, "minConfidence": 0, "voteLength": 99, "enterHops": 1, "leaveHops": 1, "envelopeShift": 3, "envelopeOnLevel": 0, "envelopeOffLevel": 0 }""");
        var range = CliRunner.Run("model", "decision", Example, "--decision", outOfRange, "--out", output);
        Assert.Equal(1, range.ExitCode);
        Assert.Contains("Hop counts must be 1..32; got 99", range.Error);

        string longRefractory = Path.Combine(folder, "refractory.json");
        File.WriteAllText(longRefractory, """{ "restClass": 0, "minConfidence": 0, "voteLength": 1, "enterHops": 1, "leaveHops": 1, "envelopeShift": 3, "envelopeOnLevel": 0, "envelopeOffLevel": 0, "refractoryHops": 200 }""");
        var refractory = CliRunner.Run("model", "decision", Example, "--decision", longRefractory, "--out", output);
        Assert.Equal(1, refractory.ExitCode);
        Assert.Contains("The refractory period must be 0..128 hops; got 200", refractory.Error);
        Assert.DoesNotContain("   at ", refractory.Error);

        string wrongClass = Path.Combine(folder, "class.json");
        File.WriteAllText(wrongClass, """{ "restClass": 9, "minConfidence": 0, "voteLength": 1, "enterHops": 1, "leaveHops": 1, "envelopeShift": 3, "envelopeOnLevel": 0, "envelopeOffLevel": 0 }""");
        var misfit = CliRunner.Run("model", "decision", Example, "--decision", wrongClass, "--out", output);
        Assert.Equal(1, misfit.ExitCode);
        Assert.StartsWith("error: The decision does not fit random-emg-cnn-8ch.wmdl", misfit.Error);
        Assert.False(File.Exists(output));

        var missing = CliRunner.Run("model", "decision", Example, "--decision", Path.Combine(folder, "nope.json"), "--out", output);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--decision", missing.Error);
    }
}
