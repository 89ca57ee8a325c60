namespace Wearable.View;

/// <summary>Whether the view is recording, to which file, how long and how many markers went in; the last finished file too.</summary>
public sealed record RecordingStatus(bool Active, string? Path, double Seconds, int Markers, string? LastFile)
{
    public static RecordingStatus Idle { get; } = new(false, null, 0, 0, null);
}
