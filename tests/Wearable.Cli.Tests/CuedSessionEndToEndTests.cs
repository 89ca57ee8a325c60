using System.Collections.Concurrent;
using System.Text.Json;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Tests;

/// <summary>
/// Issue 20's "done when": record a cued session from a virtual device whose simulated wearer holds each
/// cued gesture, train on it, quantize, push the model to a device and see the device recognise the cued
/// gestures above chance. Kept small (3 classes, 6 cues of 1.2 s, a tiny CNN, 20 epochs) to fit a unit test.
/// </summary>
public sealed class CuedSessionEndToEndTests : IDisposable
{
    private const string Protocol = """{ "leadIn": 0.5, "repetitions": 2, "steps": [ { "label": "rest", "seconds": 1.2 }, { "label": "fist", "seconds": 1.2 }, { "label": "open", "seconds": 1.2 } ] }""";
    private readonly string _dir = Directory.CreateTempSubdirectory("wearable-cued-").FullName;
    private readonly string? _previous = Environment.GetEnvironmentVariable("WEARABLE_CONFIG_DIR");

    public CuedSessionEndToEndTests()
    {
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", Path.Combine(_dir, "config"));
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("WEARABLE_CONFIG_DIR", _previous);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_cued_recording_trains_a_model_the_device_then_runs_above_chance()
    {
        string protocol = Path.Combine(_dir, "protocol.json");
        File.WriteAllText(protocol, Protocol);
        string recording = Path.Combine(_dir, "data", "subject1", "session1.edf");
        Directory.CreateDirectory(Path.GetDirectoryName(recording)!);

        var record = CliRunner.Run("record", "--connect", "sim://?transport=inproc&source=gestures&channels=8&rate=200&seed=3", "--protocol", protocol, "--out", recording, "--json");
        Assert.True(record.ExitCode == 0, record.Error);
        Assert.Equal(6, record.Json().GetProperty("cues").GetInt32());
        PictureAssert.IsNonTrivialPng(Path.ChangeExtension(recording, ".png"));
        using (var reader = EdfReader.Open(recording))
        {
            var cues = reader.ReadAnnotations().Where(a => a.Duration is > 0 && !a.Text.StartsWith("BAD", StringComparison.Ordinal)).ToList();
            Assert.Equal(["rest", "fist", "open", "rest", "fist", "open"], cues.Select(c => c.Text));
            Assert.InRange(cues[0].Onset, 0.5, 0.7);
        }

        string floatModel = Path.Combine(_dir, "model.json");
        var train = CliRunner.Run("train", "--data", Path.Combine(_dir, "data"), "--out", floatModel, "--epochs", "20", "--spec", "conv:8:5,relu,maxpool:2,pw:8,relu,maxpool:2", "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        JsonElement trained = train.Json();
        Assert.Equal(3, trained.GetProperty("classes").GetArrayLength());
        Assert.Contains("warning:", train.Error); // a few seconds per class is flagged as too little data

        string model = Path.Combine(_dir, "model.wmdl");
        var quantize = CliRunner.Run("quantize", "--model", floatModel, "--out", model, "--json");
        Assert.True(quantize.ExitCode == 0, quantize.Error);
        string[] labels = quantize.Json().GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();

        // eval on the folder: a JSON report and its confusion-matrix picture beside it.
        string report = Path.Combine(_dir, "eval.json");
        var eval = CliRunner.Run("eval", "--data", Path.Combine(_dir, "data"), "--model", model, "--report", report, "--json");
        Assert.True(eval.ExitCode == 0, eval.Error);
        Assert.True(eval.Json().GetProperty("accuracy").GetDouble() > 0.9, eval.Out);
        Assert.Equal(3, eval.Json().GetProperty("confusion").GetArrayLength());
        Assert.True(File.Exists(report));
        PictureAssert.IsNonTrivialPng(Path.ChangeExtension(report, ".png"));

        using var board = new VirtualBoard(new VirtualDeviceOptions { Source = CuedGestureSource.Name, Channels = 8, SampleRate = 200, Seed = 11, Transport = "pty", PairingWindow = TimeSpan.FromMinutes(1), Quiet = true });
        board.Start();
        string pty = board.SlavePath!;
        Assert.Equal(0, CliRunner.Run("pair", pty).ExitCode);
        var push = CliRunner.Run("model", "push", model, "--connect", pty);
        Assert.True(push.ExitCode == 0, push.Error);

        var wearer = (CuedGestureSource)board.Source;
        var decisions = new BlockingCollection<InferenceEvent>();
        await using DeviceSession session = CliSessions.OpenPrepared(pty, DeviceArguments.Keys(), DeviceArguments.OptionsFor(pty));
        session.InferenceReceived += decisions.Add;
        await session.StartStreamAsync(new StreamSelection { WithInferenceEvents = true });

        // Hold each gesture and score the decisions made once the gesture has settled (window + contraction).
        string[] gestures = ["rest", "fist", "open"];
        int correct = 0, scored = 0;
        var seen = new List<string>();
        for (int g = 0; g < gestures.Length; g++)
        {
            wearer.Hold(g);
            long settled = -1;
            int judged = 0;
            while (judged < 8)
            {
                Assert.True(decisions.TryTake(out InferenceEvent? decision, TimeSpan.FromSeconds(10)), "the device stopped deciding");
                settled = settled < 0 ? decision!.DeviceTimestampMicros + 400_000 : settled;
                if (decision!.DeviceTimestampMicros < settled || wearer.GestureAt(decision.DeviceTimestampMicros - 400_000) != g)
                {
                    continue;
                }

                judged++;
                scored++;
                correct += labels[decision.ClassId] == gestures[g] ? 1 : 0;
                seen.Add(gestures[g] + "->" + labels[decision.ClassId]);
            }
        }

        double accuracy = correct / (double)scored;
        Assert.True(accuracy > 2.0 / 3, "device accuracy " + accuracy.ToString("P0") + " over " + scored + " decisions (chance is 33 %): " + string.Join(" ", seen));
    }
}
