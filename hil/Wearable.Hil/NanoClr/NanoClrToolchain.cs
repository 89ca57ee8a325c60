using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wearable.Hil.Running;

namespace Wearable.Hil.NanoClr;

/// <summary>
/// What running code inside nanoFramework's interpreter takes on this machine: the interpreter
/// ($WEARABLE_NANOCLR), nanoFramework's metadata processor to turn assemblies into .pe images
/// ($WEARABLE_METADATA_PROCESSOR), and the device build of our kernels plus nanoFramework's mscorlib, which
/// the build copies beside this assembly (nanoFramework/). docs/hil.md says how to get the two tools.
/// </summary>
public sealed class NanoClrToolchain
{
    public const string InterpreterVariable = "WEARABLE_NANOCLR";
    public const string MetadataProcessorVariable = MetadataProcessorTool.Variable;

    private NanoClrToolchain(string interpreter, string metadataProcessor, string deviceFolder)
    {
        Interpreter = interpreter;
        MetadataProcessor = metadataProcessor;
        DeviceFolder = deviceFolder;
    }

    /// <summary>nanoCLR: nf-interpreter's POSIX host (nanoFramework.nanoCLR.test) or the `nanoclr` .NET tool.</summary>
    public string Interpreter { get; }

    /// <summary>nanoFramework.Tools.MetaDataProcessor (an executable, or a .dll run with dotnet).</summary>
    public string MetadataProcessor { get; }

    /// <summary>Folder holding mscorlib.dll, mscorlib.pe and the device build of Wearable.Kernels.dll.</summary>
    public string DeviceFolder { get; }

    /// <summary>The memstats build of nanoCLR (NANOCLR_TRACE_MEMORY_STATS), used by `wearable bench nanoclr --memory`.</summary>
    public const string MemoryStatsInterpreterVariable = "WEARABLE_NANOCLR_MEMSTATS";

    /// <summary>Why no nanoCLR run is possible here, or null when it is.</summary>
    /// <param name="interpreterVariable">The variable naming the interpreter: <see cref="InterpreterVariable"/> or <see cref="MemoryStatsInterpreterVariable"/>.</param>
    public static string? MissingReason(string interpreterVariable = InterpreterVariable)
    {
        string? interpreter = Environment.GetEnvironmentVariable(interpreterVariable);
        string? processor = Environment.GetEnvironmentVariable(MetadataProcessorVariable);
        if (string.IsNullOrWhiteSpace(interpreter) || !File.Exists(interpreter))
        {
            return "no nanoCLR: set " + interpreterVariable + (interpreterVariable == InterpreterVariable
                    ? " to nanoFramework's interpreter (see docs/hil.md)"
                    : " to a nanoCLR built with NANOCLR_TRACE_MEMORY_STATS (see docs/nanoframework.md)")
                + (string.IsNullOrWhiteSpace(interpreter) ? string.Empty : "; '" + interpreter + "' does not exist");
        }

        if (string.IsNullOrWhiteSpace(processor) || !File.Exists(processor))
        {
            return "no metadata processor: set " + MetadataProcessorVariable + " to nanoFramework.Tools.MetaDataProcessor (see docs/hil.md)"
                + (string.IsNullOrWhiteSpace(processor) ? string.Empty : "; '" + processor + "' does not exist");
        }

        return File.Exists(Path.Combine(DefaultDeviceFolder, "Wearable.Kernels.dll"))
            ? null
            : "the device build is missing from " + DefaultDeviceFolder + ": build hil/Wearable.Hil (it builds shared-kernels/Wearable.Kernels.NanoBuild)";
    }

    /// <summary>The toolchain, or a <see cref="HilTargetException"/> saying what is missing and how to get it.</summary>
    public static NanoClrToolchain Locate() => Locate(InterpreterVariable);

    /// <summary>The toolchain with the interpreter named by <paramref name="interpreterVariable"/>.</summary>
    public static NanoClrToolchain Locate(string interpreterVariable)
    {
        string? missing = MissingReason(interpreterVariable);
        if (missing is not null)
        {
            throw new HilTargetException(missing);
        }

        return new NanoClrToolchain(
            Environment.GetEnvironmentVariable(interpreterVariable)!,
            Environment.GetEnvironmentVariable(MetadataProcessorVariable)!,
            DefaultDeviceFolder);
    }

    private static string DefaultDeviceFolder => Path.Combine(AppContext.BaseDirectory, "nanoFramework");

    /// <summary>
    /// Compiles C# source for nanoFramework (C# 9, mscorlib, the device kernels and the given device
    /// assemblies, e.g. DeviceFolder/Wearable.Firmware.Core.dll) into an executable assembly.
    /// </summary>
    public string CompileProgram(string source, string assemblyName, string folder, params string[] moreReferences) =>
        Compile(source, assemblyName, folder, OutputKind.ConsoleApplication, new[] { Path.Combine(DeviceFolder, "Wearable.Kernels.dll") }.Concat(moreReferences));

    /// <summary>Compiles C# source for nanoFramework against mscorlib alone into a class library.</summary>
    public string CompileLibrary(string source, string assemblyName, string folder) =>
        Compile(source, assemblyName, folder, OutputKind.DynamicallyLinkedLibrary, Array.Empty<string>());

    private string Compile(string source, string assemblyName, string folder, OutputKind kind, IEnumerable<string> references)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, parse, path: assemblyName + ".cs") },
            new[] { Path.Combine(DeviceFolder, "mscorlib.dll") }.Concat(references).Select(path => MetadataReference.CreateFromFile(path)),
            new CSharpCompilationOptions(kind, optimizationLevel: OptimizationLevel.Release, deterministic: true));
        // The source goes beside the assembly so a failing batch can be rebuilt and read by hand.
        File.WriteAllText(Path.Combine(folder, assemblyName + ".cs"), source);
        string path = Path.Combine(folder, assemblyName + ".dll");
        using (FileStream file = File.Create(path))
        {
            var result = compilation.Emit(file);
            if (!result.Success)
            {
                throw new HilTargetException("the nanoCLR harness does not compile for nanoFramework: "
                    + string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            }
        }

        return path;
    }

    /// <summary>Turns an assembly into its .pe image with the metadata processor; returns the .pe path.</summary>
    public string ToPe(string assembly, string folder, params string[] dependencies) =>
        MetadataProcessorTool.Find()!.ToPe(Path.Combine(DeviceFolder, "mscorlib.dll"), assembly, folder, dependencies);

    /// <summary>Runs the .pe images (mscorlib first) in nanoCLR; a null exit code means it was stopped at the timeout.</summary>
    public ProcessResult Run(IReadOnlyList<string> peFiles, TimeSpan timeout)
    {
        // The nf-interpreter POSIX host takes the images as arguments; the `nanoclr` tool wants `run --assemblies`.
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(Interpreter).Equals("nanoclr", StringComparison.OrdinalIgnoreCase))
        {
            arguments.AddRange(new[] { "run", "--assemblies" });
        }

        arguments.AddRange(peFiles);
        return ProcessRunner.Run(Interpreter, arguments, timeout);
    }
}
