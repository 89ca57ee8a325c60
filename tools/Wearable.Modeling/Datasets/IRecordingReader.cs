namespace Wearable.Modeling.Datasets;

/// <summary>
/// Reads one file into a <see cref="Recording"/>. The formats this project reads itself implement it;
/// EDF/BDF is read by the edge host's reader (branch host-recording) and plugged in through
/// <see cref="RecordingFiles.EdfReader"/> rather than duplicated here.
/// </summary>
public interface IRecordingReader
{
    /// <summary>Short format name for messages, e.g. "Myo .dat".</summary>
    string FormatName { get; }

    LabelledRecording Read(string path);
}
