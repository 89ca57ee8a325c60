namespace Wearable.Hil.Rigs;

/// <summary>A rig file that cannot be used, with the file and the reason.</summary>
public sealed class RigFileException : Exception
{
    public RigFileException(string path, string reason)
        : base($"Rig file {path}: {reason}.")
    {
        Path = path;
    }

    public string Path { get; }
}
