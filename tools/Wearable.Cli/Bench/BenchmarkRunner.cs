using System.Diagnostics;

namespace Wearable.Cli.Bench;

/// <summary>
/// The measured time of one case per unit: thread CPU time (median, min, max of the repeats; what
/// one core spends) and wall time (median; includes waiting for a core on a busy machine).
/// </summary>
public sealed record BenchmarkResult(string Name, string Family, string Description, string Unit,
    double CpuNanosecondsPerUnitMedian, double CpuNanosecondsPerUnitMin, double CpuNanosecondsPerUnitMax,
    double WallNanosecondsPerUnitMedian, long Calls, int Repeats, double? RealTimeStreamsPerCore,
    double? SpeedupOverBaseline, string? Baseline, string? Notes);

/// <summary>
/// In-process timing: warm up (JIT tiers, caches) for a fixed time, size a batch so one repeat takes
/// about budget / repeats, then time the repeats and keep the median. One thread, one core.
/// </summary>
public static class BenchmarkRunner
{
    public static BenchmarkResult Run(KernelBenchmark benchmark, double secondsPerCase, int repeats = 7)
    {
        Action op = benchmark.Setup();
        var watch = Stopwatch.StartNew();
        long warmCalls = 0;
        long cpuStart = Cpu();
        while (watch.Elapsed.TotalSeconds < Math.Max(0.1, secondsPerCase * 0.3))
        {
            op();
            warmCalls++;
        }

        double cpuSecondsPerCall = Math.Max(1e-9, (Cpu() - cpuStart) / 1e9 / warmCalls);
        long batch = Math.Max(1, (long)(secondsPerCase * 0.7 / repeats / cpuSecondsPerCall));
        var cpu = new double[repeats];
        var wall = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            long c0 = Cpu();
            long w0 = Stopwatch.GetTimestamp();
            for (long i = 0; i < batch; i++)
            {
                op();
            }

            wall[r] = Stopwatch.GetElapsedTime(w0).TotalNanoseconds / batch / benchmark.UnitsPerCall;
            cpu[r] = (Cpu() - c0) / (double)batch / benchmark.UnitsPerCall;
        }

        Array.Sort(cpu);
        Array.Sort(wall);
        double median = cpu[repeats / 2];
        double? streams = benchmark.RealTimeUnitsPerSecond is double rate ? 1e9 / (median * rate) : null;
        return new BenchmarkResult(benchmark.Name, benchmark.Family, benchmark.Description, benchmark.Unit, median, cpu[0], cpu[^1],
            wall[repeats / 2], batch * repeats, repeats, streams, null, benchmark.Baseline, benchmark.Notes?.Invoke());
    }

    /// <summary>Runs the cases and fills in speed-ups against their baselines.</summary>
    public static IReadOnlyList<BenchmarkResult> RunAll(IEnumerable<KernelBenchmark> cases, double secondsPerCase)
    {
        var results = cases.Select(c => Run(c, secondsPerCase)).ToList();
        for (int i = 0; i < results.Count; i++)
        {
            if (results[i].Baseline is string baseline && results.FirstOrDefault(r => r.Name == baseline) is { } b)
            {
                results[i] = results[i] with { SpeedupOverBaseline = b.CpuNanosecondsPerUnitMedian / results[i].CpuNanosecondsPerUnitMedian };
            }
        }

        return results;
    }

    private static long Cpu() => ThreadCpuClock.IsAvailable ? ThreadCpuClock.NowNanoseconds() : Stopwatch.GetTimestamp() * (1_000_000_000L / Stopwatch.Frequency);
}
