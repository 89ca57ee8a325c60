namespace Wearable.Modeling.Datasets;

/// <summary>
/// Picks a reader from a file's name. The one seam for EDF+/BDF: whoever has the edge host's reader
/// (tools may reference edge-host) assigns <see cref="EdfReader"/> with an adapter; until then EDF
/// files are refused with a message saying so, instead of being parsed by a second reader.
/// </summary>
public static class RecordingFiles
{
    /// <summary>Adapter to the edge host's EDF+/BDF reader; null until wired.</summary>
    public static IRecordingReader? EdfReader { get; set; }

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
                "EDF/BDF files are read by the edge host's reader, which is not wired into the tools yet: " +
                "assign RecordingFiles.EdfReader with an adapter over Wearable.EdgeHost's EDF reader.");
        }

        throw new NotSupportedException(
            "Unknown recording format for " + path + ": expected .dat (Myo armband), .txt (myo-readings), " +
            ".csv (Muse) or .edf/.bdf.");
    }

    public static Recording Read(string path) => ReaderFor(path).Read(path);
}
