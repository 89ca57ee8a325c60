using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console;
using Wearable.Hil.NanoClr;
using Wearable.Hil.Rigs;
using Wearable.Hil.Running;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable bench nanoclr [--json]`: the nanoclr rig's golden suites and every model file in models/, timed
/// on the in-process .NET adapters and inside nanoCLR in one invocation (<see cref="NanoClrBench"/>): time
/// per call on each side, the ratio, and the geometric mean, for docs/performance.md's "what fits on the device".
/// With --memory, instead, each model's managed heap in steady state from nanoCLR's own GC reports
/// (<see cref="BenchNanoClrMemory"/>).
/// </summary>
public static class BenchNanoClrCommand
{
    private const int DefaultRepeats = 20;

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var rig = new Option<FileInfo?>("--rig") { Description = "Rig file whose suites are timed (default hil/rigs/nanoclr.json)." }.ExistingFile();
        var models = new Option<DirectoryInfo?>("--models") { Description = "Folder of .wmdl files timed one by one (default: the repository's models/)." }.ExistingFolder();
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per vector inside nanoCLR (.NET runs 100 times as many); with --memory, model calls in the steady-state loop.", DefaultValueFactory = _ => DefaultRepeats }.InRange(1, 10_000);
        var filter = new Option<string?>("--filter") { Description = "Only kernels and models whose name contains this text." }.ShortText();
        var memory = new Option<bool>("--memory") { Description = "Measure each model's managed heap in steady state instead, from nanoCLR's GC reports (needs $" + NanoClrToolchain.MemoryStatsInterpreterVariable + ")." };
        var command = new Command("nanoclr", "Time per call of every kernel suite and model on .NET and inside nanoCLR in one run, and the ratio (needs $WEARABLE_NANOCLR).")
        {
            json,
            rig,
            models,
            repeats,
            filter,
            memory,
        };
        command.SetAction(parse => parse.GetValue(memory)
            ? BenchNanoClrMemory.Run(parse.GetValue(json), parse.GetValue(models), parse.GetValue(repeats), parse.GetValue(filter))
            : Run(parse.GetValue(json), parse.GetValue(rig), parse.GetValue(models), parse.GetValue(repeats), parse.GetValue(filter)));
        return command;
    }

    private static int Run(bool json, FileInfo? rigFile, DirectoryInfo? modelFolder, int repeats, string? filter)
    {
        // Checked first: without an interpreter nothing below can run, and the user needs to know what to set.
        if (NanoClrToolchain.MissingReason() is string missing)
        {
            throw new CliException(missing + ".", "Build nf-interpreter's POSIX nanoCLR or install the nanoclr tool and set " + NanoClrToolchain.InterpreterVariable + " and " + NanoClrToolchain.MetadataProcessorVariable + " (docs/hil.md).");
        }

        string root = BenchModelsCommand.RepositoryRoot();
        RigDescription rig;
        try
        {
            rig = RigDescription.Load(rigFile?.FullName ?? Path.Combine(root, "hil", "rigs", "nanoclr.json"));
        }
        catch (Exception ex) when (ex is RigFileException or IOException)
        {
            throw new CliException(ex.Message, "Run from the repository or pass --rig with a rig file (docs/hil.md).");
        }

        string[] modelFiles = ModelFiles(modelFolder);
        var suites = rig.SuitePaths()
            .Where(p => filter is null || Path.GetFileNameWithoutExtension(p).Contains(filter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var models = modelFiles
            .Where(p => filter is null || Path.GetFileNameWithoutExtension(p).Contains(filter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (suites.Count + models.Count == 0)
        {
            throw new CliException($"No kernel suite or model matches '{filter}'.", "Kernels: " + string.Join(", ", rig.SuitePaths().Select(Path.GetFileNameWithoutExtension)) + "; models: " + string.Join(", ", modelFiles.Select(Path.GetFileNameWithoutExtension)) + ".");
        }

        string resolved = RigRun.ResolveModelPath(rig.Target, rig.BaseDirectory);
        string? exampleModel = ModelOption(resolved);
        NanoClrBenchReport report;
        try
        {
            report = NanoClrBench.Run(suites, exampleModel, models, repeats, TimeSpan.FromMilliseconds(rig.VectorTimeoutMs), json ? null : what => Console.Error.WriteLine("timing " + what + " on .NET and nanoCLR..."));
        }
        catch (Exception ex) when (ex is HilTargetException or IOException or InvalidDataException)
        {
            throw new CliException(ex.Message, "Check " + NanoClrToolchain.InterpreterVariable + ", " + NanoClrToolchain.MetadataProcessorVariable + " and the rig's suites; `wearable hil run --rig hil/rigs/nanoclr.json` shows per-vector failures (docs/hil.md).");
        }

        if (json)
        {
            JsonOutput.Write(new
            {
                machine = new { os = RuntimeInformation.OSDescription, processors = Environment.ProcessorCount, runtime = RuntimeInformation.FrameworkDescription },
                nanoClr = report.NanoClr,
                dotNet = report.DotNet,
                nanoClrRepeats = report.NanoClrRepeats,
                dotNetRepeats = report.DotNetRepeats,
                success = report.Success,
                geometricMeanRatio = Finite(report.GeometricMeanRatio, 1),
                rows = report.Rows.Select(r => new
                {
                    name = r.Name,
                    kind = r.Kind,
                    vectors = r.Vectors,
                    passed = r.Passed,
                    dotNetMicroseconds = Finite(r.DotNetMicroseconds, 3),
                    nanoClrMicroseconds = Finite(r.NanoClrMicroseconds, 1),
                    ratio = Finite(r.Ratio, 1),
                }),
            });
        }
        else
        {
            var table = new Table().AddColumn("kernel / model").AddColumn("vectors").AddColumn(".NET per call").AddColumn("nanoCLR per call").AddColumn("nanoCLR / .NET");
            foreach (NanoClrBenchRow r in report.Rows)
            {
                string vectors = r.Success ? r.Vectors.ToString(CultureInfo.InvariantCulture) : $"[red]{r.Passed}/{r.Vectors} match[/]";
                table.AddRow(Markup.Escape(r.Kind == "model" ? "model " + r.Name : r.Name), vectors, Time(r.DotNetMicroseconds), Time(r.NanoClrMicroseconds), double.IsNaN(r.Ratio) ? "-" : $"{r.Ratio:F0}x");
            }

            AnsiConsole.MarkupLine($"[bold]wearable bench nanoclr[/]: {Markup.Escape(report.NanoClr)}, {report.NanoClrRepeats} timed runs per vector, against {Markup.Escape(report.DotNet)}, {report.DotNetRepeats} runs; wall time per call");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"geometric mean of nanoCLR / .NET: [bold]{report.GeometricMeanRatio:F0}x[/]");
        }

        if (!report.Success)
        {
            var bad = report.Rows.Where(r => !r.Success).Select(r => r.Name);
            throw new CliException("nanoCLR did not reproduce .NET's output for " + string.Join(", ", bad) + ", so their times are not comparable.", "Run `wearable hil run --rig hil/rigs/nanoclr.json` for the first mismatch of each (docs/hil.md).");
        }

        return 0;
    }

    /// <summary>The .wmdl files under --models (default: the repository's models/), in a stable order.</summary>
    internal static string[] ModelFiles(DirectoryInfo? modelFolder)
    {
        string modelRoot = modelFolder?.FullName ?? Path.Combine(BenchModelsCommand.RepositoryRoot(), "models");
        return Directory.Exists(modelRoot)
            ? Directory.GetFiles(modelRoot, "*.wmdl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
    }

    private static double? Finite(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : null;

    private static string Time(double microseconds) => double.IsNaN(microseconds) ? "-"
        : microseconds >= 1000 ? $"{microseconds / 1000:F1} ms" : microseconds >= 10 ? $"{microseconds:F1} µs" : $"{microseconds:F2} µs";

    private static string? ModelOption(string target)
    {
        const string key = "model=";
        int at = target.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        int start = at + key.Length;
        int end = target.IndexOf('&', start);
        return end < 0 ? target[start..] : target[start..end];
    }
}
