using Wearable.TestSupport;

namespace Wearable.Cli.Tests;

/// <summary>`eval --dataset myo-readings --fixed` and `--model` on one participant: the int8 file on the device's code path.</summary>
public class PseudoOnlineCommandTests
{
    private static string Readings => RepositoryPaths.SharedDataFile("emg", "myo-readings");

    [Fact]
    public void Fixed_on_one_participant_prints_the_issue_figures_and_people_is_honoured()
    {
        var run = CliRunner.Run(
            "eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--fixed", "--decision", "default",
            "--epochs", "1", "--hop", "40", "--spec", "conv:4:5,relu,maxpool:4", "--stream-hop", "10", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        foreach (string field in new[] { "accuracy", "nmcc", "falseActivationsPerMinute", "onsetLatencyMsMedian", "onsetLatencyMsP90" })
        {
            Assert.True(json.TryGetProperty(field, out var value), field + " missing: " + run.Out);
            Assert.True(value.GetDouble() >= 0, field);
        }

        Assert.InRange(json.GetProperty("accuracy").GetDouble(), 0.0, 1.0);
        var participants = json.GetProperty("participants");
        Assert.Equal(1, participants.GetArrayLength());
        Assert.Equal("45612", participants[0].GetProperty("participant").GetString());
        var confusion = participants[0].GetProperty("confusion"); // rows: the label, columns: the decision
        Assert.Equal(8, confusion.GetArrayLength());
        int decisions = confusion.EnumerateArray().Sum(row => row.EnumerateArray().Sum(n => n.GetInt32()));
        int correct = Enumerable.Range(0, 8).Sum(i => confusion[i][i].GetInt32());
        Assert.Equal(participants[0].GetProperty("accuracy").GetDouble(), (double)correct / decisions, 3);
        Assert.Contains("min confidence", json.GetProperty("details").GetProperty("decisions")[0].GetProperty("decision").GetString());
        Assert.Equal(40, json.GetProperty("details").GetProperty("decisions")[0].GetProperty("parameters").GetProperty("envelopeOnLevel").GetInt32());

        // The same decisions scored from the muscle onset, beside (not instead of) the prompt-labelled figures.
        var fromOnset = json.GetProperty("fromMuscleOnset");
        foreach (string field in new[] { "accuracy", "nmcc", "falseActivationsPerMinute", "onsetLatencyMsMedian", "reactionMsMedian" })
        {
            Assert.True(fromOnset.TryGetProperty(field, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number, field + " missing: " + run.Out);
        }

        int prompted = participants[0].GetProperty("onsets").GetInt32();
        Assert.Equal(prompted, fromOnset.GetProperty("promptedGestures").GetInt32());
        Assert.InRange(fromOnset.GetProperty("muscleOnsetsFound").GetInt32(), prompted * 3 / 4, prompted);
        Assert.InRange(fromOnset.GetProperty("releasesFound").GetInt32(), prompted * 3 / 4, prompted);
        // Wearers move after the prompt, and hold on after the rest prompt (myo-readings: ~220 ms and ~500 ms medians).
        Assert.True(fromOnset.GetProperty("reactionMsMedian").GetDouble() > 0, run.Out);
        Assert.True(fromOnset.GetProperty("releaseLagMsMedian").GetDouble() > 0, run.Out);
    }

    [Fact]
    public void A_decision_tuned_on_all_participants_is_written_and_goes_into_a_model_file()
    {
        string folder = Directory.CreateTempSubdirectory("wearable-decision-out").FullName;
        string decision = Path.Combine(folder, "decision.json");
        var run = CliRunner.Run(
            "eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612,54321", "--fixed", "--decision", "tuned", "--decision-out", decision,
            "--epochs", "1", "--hop", "40", "--spec", "conv:4:5,relu,maxpool:4", "--stream-hop", "10", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(decision), run.Out);
        var tuned = run.Json().GetProperty("details").GetProperty("decisionTunedOnAll");
        Assert.Contains("\"enterHops\": " + tuned.GetProperty("enterHops").GetInt32(), File.ReadAllText(decision));

        string model = Path.Combine(folder, "mine.wmdl");
        string decided = Path.Combine(folder, "mine-tuned.wmdl");
        File.Copy(RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl"), model);
        Assert.Equal(0, CliRunner.Run("model", "decision", model, "--decision", decision, "--out", decided).ExitCode);
        var written = Wearable.Kernels.Model.ModelReader.Read(File.ReadAllBytes(decided)).GestureDecision!;
        Assert.Equal(tuned.GetProperty("envelopeOnLevel").GetInt32(), written.EnvelopeOnLevel);
        Assert.Equal(tuned.GetProperty("voteLength").GetInt32(), written.VoteLength);

        var untuned = CliRunner.Run("eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--fixed", "--decision", "default", "--decision-out", decision);
        Assert.Equal(2, untuned.ExitCode);
        Assert.StartsWith("error: --decision-out writes a tuned decision and needs --decision tuned.", untuned.Error);
    }

    [Fact]
    public void Pooled_pretraining_starts_every_participant_from_one_network_and_excludes_from()
    {
        var run = CliRunner.Run(
            "eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612,54321", "--fixed", "--decision", "default", "--pretrain", "pooled",
            "--epochs", "1", "--hop", "40", "--spec", "conv:4:5,relu,maxpool:4", "--stream-hop", "10");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("pre-trained on the training sessions of 2 participants (no test session)", run.Out);
        Assert.Contains("54321 (test session", run.Out);

        var both = CliRunner.Run("eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--fixed", "--pretrain", "pooled", "--from", RepositoryPaths.InRepo("models", "gesture-cnn-myo-pretrained.float.json"));
        Assert.Equal(2, both.ExitCode);
        Assert.StartsWith("error: --pretrain pooled and --from both choose where training starts.", both.Error);
    }

    [Fact]
    public void Calibrating_on_the_test_sessions_first_repetitions_scores_only_the_rest_of_it()
    {
        var run = CliRunner.Run(
            "eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--fixed", "--decision", "default", "--labels", "activity",
            "--calibrate-reps", "1", "--windows", "last-frame", "--epochs", "1", "--hop", "40", "--spec", "conv:4:5,relu,maxpool:4", "--stream-hop", "10", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(1, json.GetProperty("details").GetProperty("calibrationRepetitions").GetInt32());
        Assert.Equal("last-frame", json.GetProperty("details").GetProperty("trainingWindows").GetString());

        // 45612's session 3 prompts 41 gestures in 7 gesture files; the first repetition of each calibrates and is not scored.
        var participant = json.GetProperty("participants")[0];
        Assert.Equal(41 - 7, participant.GetProperty("onsets").GetInt32());
        Assert.Equal(41 - 7, json.GetProperty("fromMuscleOnset").GetProperty("promptedGestures").GetInt32());

        var oneFile = CliRunner.Run("eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612,54321", "--fixed", "--calibrate-reps", "2", "--tune-gates", "--decision-out", Path.Combine(Path.GetTempPath(), "never-written.json"));
        Assert.Equal(2, oneFile.ExitCode);
        Assert.StartsWith("error: --decision-out writes one setting for every wearer", oneFile.Error);
    }

    [Fact]
    public void A_shorter_window_is_what_the_device_model_decides_from_and_a_start_model_keeps_its_own()
    {
        var run = CliRunner.Run(
            "eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--fixed", "--decision", "default", "--window", "28",
            "--epochs", "1", "--hop", "40", "--spec", "conv:4:5,relu,maxpool:4", "--stream-hop", "10", "--json");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(28, run.Json().GetProperty("details").GetProperty("windowFrames").GetInt32());

        string folder = Directory.CreateTempSubdirectory("wearable-window-").FullName;
        try
        {
            string start = Path.Combine(folder, "start.json");
            var network = Wearable.Modeling.Training.ClassifierModels.Create("conv:4:5,relu,maxpool:4", 52, 8, 8, 1f / 32);
            network.Initialize(3);
            Wearable.Modeling.Training.NetworkFile.Save(network, start);
            var mismatch = CliRunner.Run("eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--fixed", "--decision", "default", "--from", start, "--window", "28");
            Assert.Equal(2, mismatch.ExitCode);
            Assert.StartsWith("error: " + start + " decides from windows of 52 frames; --window asks for 28.", mismatch.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var tooLongForSpec = CliRunner.Run("eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--fixed", "--decision", "default", "--window", "16", "--spec", "conv:4:9,relu,maxpool:4,conv:4:9");
        Assert.Equal(1, tooLongForSpec.ExitCode);
        Assert.StartsWith("error: Bad --spec for windows of 16 frames", tooLongForSpec.Error);
    }

    [Fact]
    public void Tuning_needs_two_participants_and_a_file_for_the_wrong_classes_is_refused()
    {
        var tuned = CliRunner.Run("eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--fixed", "--decision", "tuned");
        Assert.Equal(1, tuned.ExitCode);
        Assert.StartsWith("error: --decision tuned tunes on the other participants", tuned.Error);

        var unknown = CliRunner.Run("eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "99999", "--fixed");
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("error: Unknown myo-readings participant 99999", unknown.Error);

        // The shipped Myo armband model decides 7 classes with no rest class: not a myo-readings model.
        var shipped = CliRunner.Run("eval", "--dataset", "myo-readings", "--readings", Readings, "--people", "45612", "--model", RepositoryPaths.InRepo("models", "gesture-default.wmdl"));
        Assert.Equal(1, shipped.ExitCode);
        Assert.StartsWith("error: gesture-default.wmdl decides 7 classes; myo-readings has 8", shipped.Error);
    }
}
