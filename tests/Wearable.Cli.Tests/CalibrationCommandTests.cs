using System.Security.Cryptography;
using Wearable.Kernels.Model;
using Wearable.TestSupport;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Tests;

/// <summary>
/// Issue 19 item 3 from the user's side: a cued calibration recorded from a virtual device whose
/// simulated wearer follows the cues, adapted by `train --calibrate` into an int8 model a device takes;
/// and `eval --protocol calibration` on one person of the MyoArmband set.
/// </summary>
public sealed class CalibrationCommandTests : IDisposable
{
    private const string Protocol = """{ "leadIn": 0.5, "repetitions": 2, "steps": [ { "label": "rest", "seconds": 1.2 }, { "label": "hand close", "seconds": 1.2 }, { "label": "hand open", "seconds": 1.2 } ] }""";
    private readonly string _dir = Directory.CreateTempSubdirectory("wearable-calibrate-").FullName;
    private readonly string? _previous = Environment.GetEnvironmentVariable("WEARABLE_CONFIG_DIR");

    public CalibrationCommandTests()
    {
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", Path.Combine(_dir, "config"));
    }

    private static string Data => RepositoryPaths.SharedDataFile("emg", "myo-armband");

    private static string Pretrained => RepositoryPaths.InRepo("models", "gesture-cnn-myo-pretrained.float.json");

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", _previous);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_cued_recording_calibrates_the_pretrained_model_into_a_device_model_that_a_device_accepts()
    {
        string protocol = Path.Combine(_dir, "protocol.json");
        File.WriteAllText(protocol, Protocol);
        string recording = Path.Combine(_dir, "calibration.edf");
        var record = CliRunner.Run("record", "--connect", "sim://?transport=inproc&source=gestures&channels=8&rate=200&seed=5", "--protocol", protocol, "--out", recording, "--json");
        Assert.True(record.ExitCode == 0, record.Error);
        byte[] recorded = SHA256.HashData(File.ReadAllBytes(recording));

        string model = Path.Combine(_dir, "mine.wmdl");
        var calibrate = CliRunner.Run("train", "--calibrate", recording, "--from", Pretrained, "--out", model, "--match-level", "--json");
        Assert.True(calibrate.ExitCode == 0, calibrate.Error);
        var report = calibrate.Json();
        Assert.Equal(["neutral", "hand close", "hand open"], report.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(4, report.GetProperty("missingClasses").GetArrayLength());
        Assert.Contains("warning: no cue for", calibrate.Error);
        Assert.True(report.GetProperty("calibrationAccuracyInt8").GetDouble() > 0.8, calibrate.Out);
        Assert.InRange(report.GetProperty("inputGain").GetDouble(), 1e-4, 0.5); // the simulator's counts run far above a Myo's
        Assert.Equal(recorded, SHA256.HashData(File.ReadAllBytes(recording))); // the recording is only read

        ModelDefinition definition = ModelReader.Read(File.ReadAllBytes(model));
        Assert.Equal(8, definition.Input.Channels);

        using var board = new VirtualBoard(new VirtualDeviceOptions { Source = CuedGestureSource.Name, Channels = 8, SampleRate = 200, Seed = 11, Transport = "pty", PairingWindow = TimeSpan.FromMinutes(1), Quiet = true });
        board.Start();
        string pty = board.SlavePath!;
        Assert.Equal(0, CliRunner.Run("pair", pty).ExitCode);
        var push = CliRunner.Run("model", "push", model, "--connect", pty, "--json");
        Assert.True(push.ExitCode == 0, push.Error);
        Assert.Equal(File.ReadAllBytes(model).Length, push.Json().GetProperty("bytes").GetInt32());
    }

    [Fact]
    public void Calibrate_refuses_a_missing_from_a_float_output_and_a_shipped_model_in_one_line()
    {
        string recording = Path.Combine(_dir, "none.edf");
        File.WriteAllBytes(recording, [0]);
        string shipped = RepositoryPaths.InRepo("models", "gesture-default.wmdl");
        byte[] before = File.ReadAllBytes(shipped);

        var noFrom = CliRunner.Run("train", "--calibrate", recording, "--out", Path.Combine(_dir, "m.wmdl"));
        var floatOut = CliRunner.Run("train", "--calibrate", recording, "--from", Pretrained, "--out", Path.Combine(_dir, "m.json"));
        var overShipped = CliRunner.Run("train", "--calibrate", recording, "--from", Pretrained, "--out", shipped);
        var notEdf = CliRunner.Run("train", "--calibrate", recording, "--from", Pretrained, "--out", Path.Combine(_dir, "m.wmdl"));

        Assert.Equal(1, noFrom.ExitCode);
        Assert.Contains("--from", noFrom.Error);
        Assert.Equal(1, floatOut.ExitCode);
        Assert.Contains(".wmdl", floatOut.Error);
        Assert.Equal(1, overShipped.ExitCode);
        Assert.Contains("shipped", overShipped.Error);
        Assert.Equal(before, File.ReadAllBytes(shipped));
        Assert.Equal(1, notEdf.ExitCode);
        Assert.StartsWith("error: ", notEdf.Error);
        Assert.All(new[] { noFrom, floatOut, overShipped, notEdf }, r => Assert.DoesNotContain("   at ", r.Error));

        var adaptAlone = CliRunner.Run("train", "--adapt", "last-layer", "--out", Path.Combine(_dir, "m.json"));
        Assert.Equal(2, adaptAlone.ExitCode);
        Assert.Contains("--calibrate", adaptAlone.Error);
    }

    [Fact]
    public void Eval_protocol_calibration_reports_the_curve_as_worn_and_rotated_for_one_person()
    {
        var result = CliRunner.Run("eval", "--data", Data, "--protocol", "calibration", "--from", Pretrained, "--people", "Female1", "--reps", "1",
            "--epochs", "2", "--test-repetitions", "7", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json();
        var means = json.GetProperty("means").EnumerateArray().ToList();
        Assert.Equal(2 + 4, means.Count); // before: as worn, rotated; after 1 repetition: four conditions
        double Mean(int reps, string condition) => means.Single(m => m.GetProperty("repetitions").GetInt32() == reps && m.GetProperty("condition").GetString() == condition).GetProperty("fixedMeanAll").GetDouble();
        Assert.True(Mean(1, "as worn") > Mean(0, "as worn"), result.Out);
        Assert.True(Mean(1, "rotated, aligned") > Mean(0, "rotated"), result.Out);
        var people = json.GetProperty("people").EnumerateArray().ToList();
        int asWorn = people.Single(p => p.GetProperty("repetitions").GetInt32() == 1 && p.GetProperty("condition").GetString() == "as worn, aligned").GetProperty("shift").GetInt32();
        int rotated = people.Single(p => p.GetProperty("repetitions").GetInt32() == 1 && p.GetProperty("condition").GetString() == "rotated, aligned").GetProperty("shift").GetInt32();
        Assert.Equal((asWorn + 7) % 8, rotated); // one electrode further round, found from the calibration alone
    }

    [Fact]
    public void Eval_protocol_calibration_needs_a_pretrained_model_and_refuses_fixed()
    {
        var noFrom = CliRunner.Run("eval", "--data", Data, "--protocol", "calibration", "--people", "Female1");
        var withFixed = CliRunner.Run("eval", "--data", Data, "--protocol", "calibration", "--from", Pretrained, "--fixed");
        var badReps = CliRunner.Run("eval", "--protocol", "calibration", "--reps", "1,9");

        Assert.Equal(1, noFrom.ExitCode);
        Assert.Contains("--from", noFrom.Error);
        Assert.Equal(1, withFixed.ExitCode);
        Assert.Equal(2, badReps.ExitCode);
        Assert.Contains("--reps", badReps.Error);
    }
}
