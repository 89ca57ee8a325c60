namespace Wearable.EdgeHost.Recording;

/// <summary>One cue of a protocol's schedule: its position, repetition (1-based), label, onset and length in recording seconds.</summary>
public sealed record ScheduledCue(int Index, int Repetition, string Label, double Onset, double Seconds);
