using System.Diagnostics;
using Wearable.Hil.Suites;

namespace Wearable.Hil.Running;

/// <summary>
/// Runs golden suites on a target and compares every output byte for byte. Keeps going after a
/// mismatch so one run shows every failing kernel, but remembers only the first mismatch per kernel:
/// that is where a rounding or overflow difference starts.
/// </summary>
public static class HilRunner
{
    public static HilRunReport Run(string rigName, IHilTarget target, IEnumerable<string> suitePaths, TimeSpan vectorTimeout, Action<string, int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(suitePaths);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var results = new List<KernelResult>();
        foreach (string path in suitePaths)
        {
            results.Add(RunSuite(target, path, GoldenSuite.Load(path), vectorTimeout, progress));
        }

        return new HilRunReport(rigName, target.Description, started, clock.Elapsed, results);
    }

    public static KernelResult RunSuite(IHilTarget target, string path, GoldenSuite suite, TimeSpan vectorTimeout, Action<string, int, int>? progress = null)
    {
        int passed = 0, failed = 0;
        long ticks = 0, frequency = 0;
        HilMismatch? first = null;
        for (int v = 0; v < suite.Vectors.Count; v++)
        {
            GoldenVector vector = suite.Vectors[v];
            HilOutcome outcome = target.Run(suite.Kernel, vector.Input, vectorTimeout);
            HilMismatch? mismatch = outcome.Error is not null
                ? new HilMismatch(v, -1, null, null, $"vector {v}: {outcome.Error}")
                : HilMismatch.Find(v, vector.Expected, outcome.Output);
            if (mismatch is null)
            {
                passed++;
            }
            else
            {
                failed++;
                first ??= mismatch;
            }

            ticks += outcome.ElapsedTicks;
            frequency = outcome.TickFrequencyHz != 0 ? outcome.TickFrequencyHz : frequency;
            progress?.Invoke(suite.Kernel, v + 1, suite.Vectors.Count);
        }

        return new KernelResult(suite.Kernel, Path.GetFileName(path), suite.Vectors.Count, passed, failed, first, ticks, frequency);
    }
}
