namespace Wearable.Modeling.Typing;

/// <summary>
/// Real typing sessions from disk, one path for both kinds: emg2qwerty's HDF5 session files and our own
/// EDF+/BDF+ typing recordings, told apart by their first bytes (a file named .hdf5 without them is reported as not HDF5).
/// </summary>
public static class TypingSessionFiles
{
    private static readonly string[] Extensions = [".hdf5", ".h5", ".edf", ".bdf"];

    /// <summary>The session files of a folder (sorted by name, so runs are repeatable), or the one file given.</summary>
    public static IReadOnlyList<string> Find(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException("The typing data " + path + " does not exist.", path);
        }

        var files = Directory.EnumerateFiles(path)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new FileNotFoundException("The folder " + path + " has no typing sessions (*.hdf5 from emg2qwerty, *.edf or *.bdf from record).", path);
        }

        return files;
    }

    public static TypingSession Read(string path) =>
        Emg2QwertySessionFile.LooksLikeHdf5(path) || Path.GetExtension(path).ToLowerInvariant() is ".hdf5" or ".h5"
            ? Emg2QwertySessionFile.Read(path)
            : TypingRecordingFile.Read(path);

    public static IEnumerable<TypingSession> ReadAll(string path) => Find(path).Select(Read);
}
