using System.Globalization;
using System.Runtime.InteropServices;
using Spectre.Console;
using Wearable.Hil.NanoClr;
using Wearable.Hil.Running;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable bench nanoclr --memory [--repeats N] [--filter TEXT] [--models DIR] [--json]`: per model file,
/// the managed heap inside the memstats build of nanoCLR ($WEARABLE_NANOCLR_MEMSTATS) at the baseline,
/// after loading, and around the steady-state loop (<see cref="NanoClrMemoryBench"/>).
/// </summary>
internal static class BenchNanoClrMemory
{
    internal static int Run(bool json, System.IO.DirectoryInfo? modelFolder, int iterations, string? filter)
    {
        if (NanoClrToolchain.MissingReason(NanoClrToolchain.MemoryStatsInterpreterVariable) is string missing)
        {
            throw new CliException(missing + ".", "Build nf-interpreter's POSIX nanoCLR with -DNANOCLR_TRACE_MEMORY_STATS and set " + NanoClrToolchain.MemoryStatsInterpreterVariable + " and " + NanoClrToolchain.MetadataProcessorVariable + " (docs/nanoframework.md).");
        }

        string[] all = BenchNanoClrCommand.ModelFiles(modelFolder);
        var models = all.Where(p => filter is null || Path.GetFileNameWithoutExtension(p).Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        if (models.Count == 0)
        {
            throw new CliException(all.Length == 0 ? "No .wmdl model file to measure." : $"No model matches '{filter}'.", all.Length == 0
                ? "Run from the repository or pass --models with a folder of .wmdl files."
                : "Models: " + string.Join(", ", all.Select(Path.GetFileNameWithoutExtension)) + ".");
        }

        IReadOnlyList<NanoClrMemoryRow> rows;
        try
        {
            // A model call takes up to seconds interpreted; the budget grows with the loop.
            TimeSpan timeout = TimeSpan.FromSeconds(120) + (TimeSpan.FromSeconds(10) * iterations);
            rows = NanoClrMemoryBench.Run(models, iterations, timeout, json ? null : name => Console.Error.WriteLine("measuring " + name + " inside nanoCLR..."));
        }
        catch (Exception ex) when (ex is HilTargetException or IOException or InvalidDataException)
        {
            throw new CliException(ex.Message, "Check " + NanoClrToolchain.MemoryStatsInterpreterVariable + " (a nanoCLR built with NANOCLR_TRACE_MEMORY_STATS) and " + NanoClrToolchain.MetadataProcessorVariable + " (docs/nanoframework.md).");
        }

        string interpreter = Path.GetFileName(Environment.GetEnvironmentVariable(NanoClrToolchain.MemoryStatsInterpreterVariable)!);
        if (json)
        {
            JsonOutput.Write(new
            {
                machine = new { os = RuntimeInformation.OSDescription, processors = Environment.ProcessorCount },
                nanoClr = interpreter,
                iterations,
                junkBytes = NanoClrMemoryHarnessSource.JunkBytes,
                heapBytes = rows[0].HeapBytes,
                rows = rows.Select(r => new
                {
                    name = r.Name,
                    fileBytes = r.FileBytes,
                    baselineBytes = r.BaselineBytes,
                    residentBytes = r.ResidentBytes,
                    steadyGrowthBytes = r.SteadyGrowthBytes,
                    loopGarbageBytes = r.LoopGarbageBytes,
                    phases = r.Reports.Select(p => new { phase = p.Phase, usedBytes = p.UsedBytes, availableBytes = p.AvailableBytes, junkArrays = p.JunkArrays }),
                }),
            });
            return 0;
        }

        var table = new Table().AddColumn("model").AddColumn("file").AddColumn("live at baseline").AddColumn("resident (loaded)").AddColumn("kept by the loop").AddColumn($"dropped per {iterations} calls");
        foreach (NanoClrMemoryRow r in rows)
        {
            string growth = r.SteadyGrowthBytes == 0 ? "0 B" : $"[red]{Bytes(r.SteadyGrowthBytes)}[/]";
            table.AddRow(Markup.Escape(r.Name), Bytes(r.FileBytes), Bytes(r.BaselineBytes), Bytes(r.ResidentBytes), growth, Math.Abs(r.LoopGarbageBytes) <= LayoutNoiseBytes ? Bytes(r.LoopGarbageBytes) + " (noise)" : $"[red]{Bytes(r.LoopGarbageBytes)}[/]");
        }

        AnsiConsole.MarkupLine($"[bold]wearable bench nanoclr --memory[/]: {Markup.Escape(interpreter)}, {Bytes(rows[0].HeapBytes)} managed heap, two loops of {iterations} model calls; live bytes after forced collections");
        AnsiConsole.Write(table);
        return 0;
    }

    // The count of throw-away arrays moves by up to two with the heap's layout, whatever the loop's length.
    private const long LayoutNoiseBytes = 2 * NanoClrMemoryHarnessSource.JunkBytes;

    private static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";
}
