using Wearable.Cli.Recordings;
using Wearable.Cli.Verbs;
using Wearable.EdgeHost.Recording;

namespace Wearable.Cli.Tests;

/// <summary>The console side of a cued recording, driven with scripted keys and a counted clock (no device, no waiting).</summary>
public sealed class RecordingConsoleTests
{
    private sealed class CollectingSink : IMarkerSink
    {
        public double Now { get; set; }

        public List<EdfAnnotation> Written { get; } = [];

        public EdfAnnotation AddMarker(string text, double? durationSeconds = null)
        {
            MarkerText.Check(text, durationSeconds);
            var annotation = new EdfAnnotation(Now, durationSeconds, text);
            Written.Add(annotation);
            return annotation;
        }
    }

    private sealed class ScriptedKeys : IMarkerKeys
    {
        public Queue<string> Pending { get; } = new();

        public string? TryRead() => Pending.Count > 0 ? Pending.Dequeue() : null;
    }

    [Fact]
    public void Cues_start_when_the_recording_reaches_them_and_typed_markers_are_written_between()
    {
        var protocol = CueProtocol.Parse("""{ "leadIn": 1, "repetitions": 2, "steps": [ { "label": "rest", "seconds": 2 }, { "label": "fist", "seconds": 1.5 } ] }""");
        var sink = new CollectingSink();
        var keys = new ScriptedKeys();
        var output = new StringWriter();
        var console = new RecordingConsole(sink, keys, output, () => sink.Now, protocol);

        // Lead-in: nothing is cued yet, but a key press is a marker.
        sink.Now = 0.5;
        keys.Pending.Enqueue("key a");
        console.Poll();
        Assert.Equal([new EdfAnnotation(0.5, null, "key a")], sink.Written);

        // The recording reaches the first cue a little late: the cue spans what is left of it.
        sink.Now = 1.1;
        console.Poll();
        Assert.Equal(new EdfAnnotation(1.1, 1.9, "rest"), sink.Written[^1]);
        Assert.Contains(">>> REST for 2 s", output.ToString());
        Assert.Contains("then fist", output.ToString());

        // A long gap between polls starts every cue that fell due, in order.
        sink.Now = 6.6;
        console.Poll();
        Assert.Equal(["key a", "rest", "fist", "rest", "fist"], sink.Written.Select(a => a.Text));
        Assert.False(console.ProtocolFinished);

        sink.Now = protocol.TotalSeconds;
        console.Poll();
        Assert.True(console.ProtocolFinished);
        Assert.Equal(1, console.MarkersWritten);
        Assert.Equal(8.0, protocol.TotalSeconds, 9);
    }

    [Fact]
    public void A_marker_that_cannot_be_written_is_reported_and_the_recording_goes_on()
    {
        var sink = new CollectingSink();
        var keys = new ScriptedKeys();
        var output = new StringWriter();
        var console = new RecordingConsole(sink, keys, output, () => 0);
        keys.Pending.Enqueue("bad\u0001key");
        keys.Pending.Enqueue("good");
        console.Poll();
        Assert.Equal(["good"], sink.Written.Select(a => a.Text));
        Assert.Contains("marker not written: A marker text must not contain control characters", output.ToString());
    }

    [Theory]
    [InlineData("{", "not valid protocol JSON")]
    [InlineData("""{ "repetitions": 2 }""", "no \"steps\" list")]
    [InlineData("""{ "steps": [ { "label": "fist", "seconds": 0 } ] }""", "Step 1 ('fist') lasts 0 s")]
    [InlineData("""{ "steps": [ { "label": "", "seconds": 2 } ] }""", "A marker needs a text")]
    [InlineData("""{ "repetitions": 0, "steps": [ { "label": "fist", "seconds": 2 } ] }""", "\"repetitions\" is 0")]
    public void A_bad_protocol_is_refused_with_what_is_wrong(string json, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => CueProtocol.Parse(json));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void A_bad_protocol_file_is_a_usage_error_naming_the_problem()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{ "steps": [] }""");
            var result = CliRunner.Run("record", "--connect", "sim://?transport=inproc", "--out", Path.ChangeExtension(path, ".edf"), "--protocol", path);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("at least one step", result.Error);
            Assert.Contains("hint:", result.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_simulated_wearer_maps_rest_to_gesture_zero_and_other_labels_in_protocol_order()
    {
        var protocol = CueProtocol.Parse("""{ "steps": [ { "label": "fist", "seconds": 1 }, { "label": "Rest", "seconds": 1 }, { "label": "pinch", "seconds": 1 } ] }""");
        Assert.Equal(0, RecordStreaming.GestureIndex(protocol, "Rest"));
        Assert.Equal(1, RecordStreaming.GestureIndex(protocol, "fist"));
        Assert.Equal(2, RecordStreaming.GestureIndex(protocol, "pinch"));
    }
}
