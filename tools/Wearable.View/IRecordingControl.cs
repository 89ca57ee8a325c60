namespace Wearable.View;

/// <summary>
/// What the page's record and marker buttons do. The view only talks to this, so the recording side can
/// change (cued recording, a marker API) by giving the view another implementation.
/// </summary>
public interface IRecordingControl
{
    RecordingStatus Status { get; }

    /// <summary>Starts a new recording file; refused (with a message) while one is running.</summary>
    RecordingStatus Start();

    /// <summary>Finishes the running recording; the file is complete when this returns.</summary>
    RecordingStatus Stop();

    /// <summary>Places marker <paramref name="number"/> on the next sample (and in the recording when one is running).</summary>
    void Mark(int number);
}
