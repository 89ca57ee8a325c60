namespace Wearable.Modeling.Datasets;

/// <summary>
/// Picks a reader from a file's name. EDF+/BDF go through <see cref="EdfReader"/>, by default the
/// adapter over the edge host's reader (<see cref="EdfRecordingReader"/>): one EDF reader in the
/// project, not two. Set it to another adapter (or null to refuse EDF) if needed.
/// </summary>
public static class RecordingFiles
{
    /// <summary>Adapter to the edge host's EDF+/BDF reader; null refuses EDF files.</summary>
    public static IRecordingReader? EdfReader { get; set; } = new EdfRecordingReader();

    public static IRecordingReader ReaderFor(string path)
    {
        string name = System.IO.Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".dat", StringComparison.Ordinal))
        {
            return new MyoArmbandDatReader();
        }

        if (name.EndsWith(".txt", StringComparison.Ordinal))
        {
            return new MyoReadingsReader();
        }

        if (name.EndsWith(".csv", StringComparison.Ordinal))
        {
            return new MuseCsvReader();
        }

        if (name.EndsWith(".edf", StringComparison.Ordinal) || name.EndsWith(".bdf", StringComparison.Ordinal))
        {
            return EdfReader ?? throw new NotSupportedException(
                "EDF/BDF reading is switched off (RecordingFiles.EdfReader is null): " +
                "assign an adapter such as EdfRecordingReader.");
        }

        throw new NotSupportedException(
            "Unknown recording format for " + path + ": expected .dat (Myo armband), .txt (myo-readings), " +
            ".csv (Muse) or .edf/.bdf.");
    }

    public static LabelledRecording Read(string path) => ReaderFor(path).Read(path);
}
