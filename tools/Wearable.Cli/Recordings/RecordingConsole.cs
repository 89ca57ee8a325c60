using System.Globalization;
using Wearable.EdgeHost.Recording;

namespace Wearable.Cli.Recordings;

/// <summary>
/// The person's side of a recording on the console: shows each cue of a protocol when the recording
/// reaches it (what to do, for how long, what comes next) and turns typed keys or lines into markers.
/// Everything it needs is passed in (markers, key source, output, the recorded seconds), so a test
/// drives it step by step with scripted keys and a counted clock; the verb calls <see cref="Poll"/>
/// a few times a second.
/// </summary>
public sealed class RecordingConsole
{
    private readonly IMarkerSink _markers;
    private readonly IMarkerKeys _keys;
    private readonly TextWriter _output;
    private readonly Func<double> _recordedSeconds;
    private readonly CuedProtocolRunner? _runner;

    public RecordingConsole(IMarkerSink markers, IMarkerKeys keys, TextWriter output, Func<double> recordedSeconds, CueProtocol? protocol = null)
    {
        _markers = markers;
        _keys = keys;
        _output = output;
        _recordedSeconds = recordedSeconds;
        if (protocol is not null)
        {
            _runner = new CuedProtocolRunner(protocol, markers);
            _runner.CueStarted += Show;
        }
    }

    /// <summary>The protocol's runner (null without --protocol): subscribe to its cues, e.g. to let a simulated wearer follow them.</summary>
    public CuedProtocolRunner? Runner => _runner;

    /// <summary>Markers typed so far.</summary>
    public int MarkersWritten { get; private set; }

    /// <summary>True once a protocol has run to its end (never without one).</summary>
    public bool ProtocolFinished => _runner?.IsFinished ?? false;

    /// <summary>Writes the typed markers, then starts the cues that are due.</summary>
    public void Poll()
    {
        while (_keys.TryRead() is { } text)
        {
            try
            {
                EdfAnnotation marker = _markers.AddMarker(text);
                MarkersWritten++;
                _output.WriteLine("marker '" + marker.Text + "' at " + marker.Onset.ToString("F2", CultureInfo.InvariantCulture) + " s");
            }
            catch (ArgumentException ex)
            {
                _output.WriteLine("marker not written: " + ex.Message.Split(" (Parameter")[0]);
            }
        }

        _runner?.Advance(_recordedSeconds());
    }

    private void Show(ScheduledCue cue)
    {
        IReadOnlyList<ScheduledCue> schedule = _runner!.Protocol.Schedule();
        string next = cue.Index + 1 < schedule.Count ? ", then " + schedule[cue.Index + 1].Label : ", then the end";
        _output.WriteLine(
            ">>> " + cue.Label.ToUpperInvariant() + " for " + cue.Seconds.ToString("0.#", CultureInfo.InvariantCulture) + " s   (cue " + (cue.Index + 1) + "/" + schedule.Count +
            ", repetition " + cue.Repetition + "/" + _runner.Protocol.Repetitions + next + ")");
    }
}
