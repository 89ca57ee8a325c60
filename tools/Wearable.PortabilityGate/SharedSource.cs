namespace Wearable.PortabilityGate;

/// <summary>A shared source file to check: its repository-relative path and its text.</summary>
public sealed record SharedSource(string Path, string Text)
{
    /// <summary>
    /// Every .cs file of every shared project (a folder holding a .projitems) under shared-kernels/ and
    /// firmware/: exactly the files the nanoFramework projects import.
    /// </summary>
    public static IReadOnlyList<SharedSource> FromRepository(string root)
    {
        var sources = new List<SharedSource>();
        foreach (string area in new[] { "shared-kernels", "firmware" })
        {
            string areaPath = System.IO.Path.Combine(root, area);
            if (!Directory.Exists(areaPath))
            {
                continue;
            }

            foreach (string projitems in Directory.EnumerateFiles(areaPath, "*.projitems", SearchOption.AllDirectories))
            {
                string folder = System.IO.Path.GetDirectoryName(projitems)!;
                foreach (string file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
                {
                    string relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
                    if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    sources.Add(new SharedSource(relative, File.ReadAllText(file)));
                }
            }
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return sources;
    }
}
