using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Cli.Verbs.Bench;

/// <summary>
/// Throughput of the int8 CNN kernels on one host core (the shared C# source, no SIMD) and latency
/// of the example model. Each case runs for a fixed wall-clock budget after a warm-up; the figure is
/// the median of several timed rounds.
/// </summary>
public static class CnnBenchmarks
{
    /// <summary>
    /// Per-call time on the CPU of this process (what one core delivers, unaffected by other processes
    /// competing for the cores) and on the wall clock (what a caller waited on this machine right now).
    /// </summary>
    public sealed record Result(string Name, string Shape, long MacsPerCall, double MicrosecondsPerCall, double GigaMacsPerSecond, double WallMicrosecondsPerCall, double WallGigaMacsPerSecond);

    /// <summary>The `cnn` benchmark group as a command (mounted under `wearable bench`).</summary>
    public static Command CreateCommand()
    {
        var json = CommonOptions.Json();
        var seconds = new Option<double>("--seconds") { Description = "Timed seconds per case (split over 5 rounds).", DefaultValueFactory = _ => 1.0 };
        var command = new Command("cnn", "int8 conv1d / dense MAC/s on one core and the example model's latency per inference.") { json, seconds };
        command.SetAction(parse =>
        {
            double s = parse.GetValue(seconds);
            if (s <= 0 || s > 60)
            {
                throw new CliException($"--seconds must be in (0, 60], got {s}.", "Try --seconds 1.");
            }

            IReadOnlyList<Result> results = Run(s);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { cores = 1, processorCount = Environment.ProcessorCount, runtime = Environment.Version.ToString(), results });
            }
            else
            {
                var table = new Table().AddColumns("case", "shape", "MACs/call", "CPU us/call", "GMAC/s (CPU)", "wall us/call", "GMAC/s (wall)");
                foreach (Result r in results)
                {
                    table.AddRow(r.Name, r.Shape, r.MacsPerCall.ToString("N0"), r.MicrosecondsPerCall.ToString("F2"), r.GigaMacsPerSecond.ToString("F2"),
                        r.WallMicrosecondsPerCall.ToString("F2"), r.WallGigaMacsPerSecond.ToString("F2"));
                }

                AnsiConsole.Write(table);
            }

            return 0;
        });
        return command;
    }

    public static IReadOnlyList<Result> Run(double secondsPerCase = 1.0)
    {
        var results = new List<Result>();
        var random = new Random(1);

        // conv1d: 128 frames x 32 ch -> 32 ch, k = 5, same padding (a mid-size sEMG block).
        var conv = new Conv1dParams { KernelSize = 5, InputChannels = 32, OutputChannels = 32, Padding = Padding1d.Same, InputOffset = 3, OutputOffset = -5 };
        var convQuant = Quant(random, conv.OutputChannels);
        var convIn = Bytes(random, 128 * 32);
        var convW = Bytes(random, 32 * 5 * 32);
        var convB = new int[32];
        var convOut = new sbyte[128 * 32];
        var convScratch = new int[Conv1dS8.GetBufferSize(conv)];
        results.Add(Measure("conv1d k5 same", "128x32 -> 128x32", Conv1dS8.Macs(conv, 128), secondsPerCase,
            () => Conv1dS8.Run(conv, convQuant, convIn, 0, 128, convW, 0, convB, 0, convOut, 0, convScratch)));

        // conv1d with a wide channel mix: 64 frames x 64 ch -> 64 ch, k = 3.
        var wide = new Conv1dParams { KernelSize = 3, InputChannels = 64, OutputChannels = 64, Padding = Padding1d.Causal, InputOffset = 0 };
        var wideQuant = Quant(random, 64);
        var wideIn = Bytes(random, 64 * 64);
        var wideW = Bytes(random, 64 * 3 * 64);
        var wideB = new int[64];
        var wideOut = new sbyte[64 * 64];
        var wideScratch = new int[Conv1dS8.GetBufferSize(wide)];
        results.Add(Measure("conv1d k3 causal", "64x64 -> 64x64", Conv1dS8.Macs(wide, 64), secondsPerCase,
            () => Conv1dS8.Run(wide, wideQuant, wideIn, 0, 64, wideW, 0, wideB, 0, wideOut, 0, wideScratch)));

        // dense 1024 -> 256, per-tensor.
        var dense = new DenseParams { InputSize = 1024, Units = 256, InputOffset = 1 };
        var denseQuant = Quant(random, 1);
        var denseIn = Bytes(random, 1024);
        var denseW = Bytes(random, 1024 * 256);
        var denseB = new int[256];
        var denseOut = new sbyte[256];
        var denseScratch = new int[DenseS8.GetBufferSize(dense)];
        results.Add(Measure("dense", "1024 -> 256", 1024L * 256, secondsPerCase,
            () => DenseS8.Run(dense, denseQuant, denseIn, 0, denseW, 0, denseB, 0, denseOut, 0, denseScratch)));

        // The example model: two conv layers + dense + softmax, one inference.
        var runner = ModelRunner.Load(ExampleModels.RandomEmgCnn());
        var input = Bytes(random, runner.InputBytes);
        runner.SetInput(input, 0);
        results.Add(Measure("example model inference", "32x8 -> 6 classes", runner.MacsPerInference, secondsPerCase, runner.Invoke));
        return results;
    }

    private static Result Measure(string name, string shape, long macs, double seconds, Action call)
    {
        // Warm-up: JIT tiering and caches.
        var warm = Stopwatch.StartNew();
        long calls = 0;
        while (warm.Elapsed.TotalSeconds < Math.Min(0.3, seconds / 2))
        {
            call();
            calls++;
        }

        double perRound = seconds / 5;
        var cpu = new double[5];
        var wall = new double[5];
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < cpu.Length; r++)
        {
            long n = 0;
            process.Refresh();
            TimeSpan cpuStart = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed.TotalSeconds < perRound)
            {
                call();
                n++;
            }

            double elapsed = sw.Elapsed.TotalSeconds;
            process.Refresh();
            cpu[r] = (process.TotalProcessorTime - cpuStart).TotalSeconds * 1e6 / n;
            wall[r] = elapsed * 1e6 / n;
        }

        Array.Sort(cpu);
        Array.Sort(wall);
        double us = cpu[cpu.Length / 2];
        double wallUs = wall[wall.Length / 2];
        return new Result(name, shape, macs, us, macs / (us * 1e3), wallUs, macs / (wallUs * 1e3));
    }

    private static ChannelQuantization Quant(Random random, int channels) => new(
        Enumerable.Range(0, channels).Select(_ => random.Next(1 << 30, int.MaxValue)).ToArray(),
        Enumerable.Range(0, channels).Select(_ => -random.Next(6, 10)).ToArray());

    private static sbyte[] Bytes(Random random, int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes.Select(b => unchecked((sbyte)b)).ToArray();
    }
}
