namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Walks a recording through a <see cref="CueProtocol"/> on the recording's own clock: each
/// <see cref="Advance"/> with the recorded seconds so far starts every cue that became due, writes it
/// as an annotation spanning the cue (label as text, the cue's length as duration) and raises
/// <see cref="CueStarted"/> so a console or a page shows it. Driven by recorded samples, not wall time,
/// so the cues sit where the signal is and tests need no clock of their own.
/// </summary>
public sealed class CuedProtocolRunner
{
    private readonly IMarkerSink _markers;
    private readonly IReadOnlyList<ScheduledCue> _schedule;
    private int _next;

    public CuedProtocolRunner(CueProtocol protocol, IMarkerSink markers)
    {
        Protocol = protocol ?? throw new ArgumentNullException(nameof(protocol));
        _markers = markers ?? throw new ArgumentNullException(nameof(markers));
        _schedule = protocol.Schedule();
    }

    public CueProtocol Protocol { get; }

    /// <summary>A cue became due and was written; called on the thread that calls <see cref="Advance"/>.</summary>
    public event Action<ScheduledCue>? CueStarted;

    /// <summary>The protocol is over: the recording passed the end of its last cue.</summary>
    public event Action? Finished;

    /// <summary>The cue in force, or null in the lead-in and after the end.</summary>
    public ScheduledCue? Current { get; private set; }

    public int CuesStarted => _next;

    public bool IsFinished { get; private set; }

    /// <summary>Starts the cues due at <paramref name="recordedSeconds"/>; returns how many started.</summary>
    public int Advance(double recordedSeconds)
    {
        int started = 0;
        while (_next < _schedule.Count && _schedule[_next].Onset <= recordedSeconds)
        {
            ScheduledCue cue = _schedule[_next++];
            double remaining = cue.Onset + cue.Seconds - recordedSeconds;
            // The annotation starts where the recording is now (at most one poll after the due time) and ends when the cue ends.
            _markers.AddMarker(cue.Label, Math.Max(0, Math.Round(remaining, 6)));
            Current = cue;
            started++;
            CueStarted?.Invoke(cue);
        }

        if (!IsFinished && recordedSeconds >= Protocol.TotalSeconds)
        {
            IsFinished = true;
            Current = null;
            Finished?.Invoke();
        }

        return started;
    }
}
