namespace Wearable.TestSupport;

/// <summary>
/// Locates the repository root and the shared recordings (<c>../shared/data</c> beside the clone)
/// from wherever the test runner put the test assembly.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder holding Wearable.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The shared recordings folder; tests that need it fail with a hint when it is missing.</summary>
    public static string SharedData
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException(
                    $"Shared recordings not found at {path}: clone the project beside the 'shared' folder " +
                    "(../shared/data) as CI does.");
            }

            return path;
        }
    }

    /// <summary>A path under ../shared/data that must exist.</summary>
    public static string SharedDataFile(params string[] parts)
    {
        string path = Path.Combine(SharedData, Path.Combine(parts));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"Expected shared recording {path} is missing.", path);
        }

        return path;
    }

    /// <summary>A path under the repository root.</summary>
    public static string InRepo(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    private static string FindRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir, "Wearable.sln")))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new InvalidOperationException(
            $"Could not find Wearable.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
    }
}
