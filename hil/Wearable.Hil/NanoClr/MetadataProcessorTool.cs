using System.Globalization;
using Wearable.Hil.Running;

namespace Wearable.Hil.NanoClr;

/// <summary>
/// nanoFramework's metadata processor (nanoFramework.Tools.MetaDataProcessor), which turns a compiled
/// assembly into the .pe image a nanoFramework device loads; found through $WEARABLE_METADATA_PROCESSOR
/// (an executable, or a .dll run with dotnet).
/// </summary>
public sealed class MetadataProcessorTool
{
    public const string Variable = "WEARABLE_METADATA_PROCESSOR";

    private MetadataProcessorTool(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The tool, or null when the variable is unset or names no file.</summary>
    public static MetadataProcessorTool? Find()
    {
        string? path = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(path) || !File.Exists(path) ? null : new MetadataProcessorTool(path);
    }

    /// <summary>Makes <paramref name="assembly"/>'s .pe in <paramref name="folder"/>, resolving references through mscorlib and <paramref name="dependencies"/>.</summary>
    public string ToPe(string mscorlibDll, string assembly, string folder, params string[] dependencies)
    {
        string pe = System.IO.Path.Combine(folder, System.IO.Path.GetFileNameWithoutExtension(assembly) + ".pe");
        var arguments = new List<string> { "-loadHints", "mscorlib", mscorlibDll };
        foreach (string dependency in dependencies)
        {
            arguments.AddRange(new[] { "-loadHints", System.IO.Path.GetFileNameWithoutExtension(dependency), dependency });
        }

        arguments.AddRange(new[] { "-parse", assembly, "-compile", pe, "false" });
        bool viaDotnet = Path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        if (viaDotnet)
        {
            arguments.Insert(0, Path);
        }

        ProcessResult result = ProcessRunner.Run(viaDotnet ? "dotnet" : Path, arguments, TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0 || !File.Exists(pe))
        {
            string output = (result.StandardError + result.StandardOutput).Trim();
            throw new HilTargetException("the metadata processor could not make " + System.IO.Path.GetFileName(pe) + " (exit "
                + (result.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "timeout") + "): " + (output.Length <= 300 ? output : output[^300..]));
        }

        return pe;
    }
}
