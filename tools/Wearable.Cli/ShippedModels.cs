namespace Wearable.Cli;

/// <summary>
/// The models shipped in a repository's models/ folder (a folder holding Wearable.sln): documented
/// results are reproduced from them, so a verb that writes model files never writes into it.
/// </summary>
public static class ShippedModels
{
    /// <summary>True when <paramref name="file"/> lies in the models/ folder of the repository that contains it.</summary>
    public static bool Contains(FileInfo file)
    {
        string full = Path.GetFullPath(file.FullName);
        string? dir = Path.GetDirectoryName(full);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Wearable.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        if (dir is null)
        {
            return false;
        }

        string models = Path.Combine(dir, "models") + Path.DirectorySeparatorChar;
        return full.StartsWith(models, StringComparison.Ordinal);
    }
}
