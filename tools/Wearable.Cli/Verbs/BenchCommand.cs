using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;
using Wearable.Cli.Bench;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable bench kernels [--json]`: in-process kernel timings (warm-up, repeated runs, median) for
/// docs/performance.md. Cases come from <see cref="KernelBenchmarkCatalog"/>; BenchmarkDotNet suites in
/// tests/Wearable.Benchmarks are for deeper study.
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var seconds = new Option<double>("--seconds") { Description = "Measurement budget per case in seconds.", DefaultValueFactory = _ => 2.0 }.InRange(0, 600, exclusiveMin: true);
        var filter = new Option<string?>("--filter") { Description = "Only cases whose name or family contains this text." }.ShortText();
        var plot = new Option<string?>("--plot") { Description = "Also draw the median CPU time per case as a bar chart (PNG) at this path." }.OutputFile();
        var kernels = new Command("kernels", "Time the shared kernels: DSP front end, spiking layers, and whatever other families registered.")
        {
            json,
            seconds,
            filter,
            plot,
        };
        kernels.SetAction(parse => RunKernels(parse.GetValue(json), parse.GetValue(seconds), parse.GetValue(filter), parse.GetValue(plot)));
        return new Command("bench", "Measure performance (benchmarks, not tests).") { kernels, BenchLinkCommand.Create(), BenchModelsCommand.Create(), BenchNanoClrCommand.Create() };
    }

    private static int RunKernels(bool json, double seconds, string? filter, string? plot)
    {
        var cases = KernelBenchmarkCatalog.All
            .Where(c => filter is null || c.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) || c.Family.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (cases.Count == 0)
        {
            throw new CliException($"No benchmark matches '{filter}'.", "Known: " + string.Join(", ", KernelBenchmarkCatalog.All.Select(c => c.Name)));
        }

        IReadOnlyList<BenchmarkResult> results = BenchmarkRunner.RunAll(cases, seconds);
        if (plot is not null)
        {
            Pictures.BarChartPicture.Save(plot, results.Select(r => r.Name + " (per " + r.Unit + ")").ToArray(), results.Select(r => r.CpuNanosecondsPerUnitMedian / 1000).ToArray(), "bench kernels: median CPU time per unit, one core", "µs");
        }
        var machine = new
        {
            os = RuntimeInformation.OSDescription,
            cpu = RuntimeInformation.ProcessArchitecture.ToString(),
            processors = Environment.ProcessorCount,
            runtime = RuntimeInformation.FrameworkDescription,
            clock = ThreadCpuClock.IsAvailable ? "thread CPU time" : "wall time (thread CPU clock unavailable)",
        };
        if (json)
        {
            JsonOutput.Write(new { machine, results });
            return 0;
        }

        var table = new Table().AddColumn("case").AddColumn("CPU per unit (median)").AddColumn("CPU min..max").AddColumn("wall (median)").AddColumn("derived");
        foreach (BenchmarkResult r in results)
        {
            string derived = r.RealTimeStreamsPerCore is double s ? $"{s:F0} real-time streams per core" : "";
            if (r.SpeedupOverBaseline is double x)
            {
                derived = $"{x:F1}x faster than {r.Baseline}";
            }

            if (r.Notes is { Length: > 0 })
            {
                derived += (derived.Length > 0 ? "; " : "") + r.Notes;
            }

            table.AddRow(Markup.Escape(r.Name), Format(r.CpuNanosecondsPerUnitMedian) + " / " + Markup.Escape(r.Unit),
                Format(r.CpuNanosecondsPerUnitMin) + " .. " + Format(r.CpuNanosecondsPerUnitMax), Format(r.WallNanosecondsPerUnitMedian), Markup.Escape(derived));
        }

        AnsiConsole.MarkupLine($"[bold]wearable bench kernels[/] on {Markup.Escape(machine.os)}, {machine.processors} logical CPUs, {Markup.Escape(machine.runtime)}; derived figures use {machine.clock}");
        AnsiConsole.Write(table);
        return 0;
    }

    private static string Format(double ns) => ns >= 1000 ? $"{ns / 1000:F2} µs" : $"{ns:F1} ns";
}
