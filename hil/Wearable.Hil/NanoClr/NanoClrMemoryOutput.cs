using System.Globalization;
using System.Text.RegularExpressions;

namespace Wearable.Hil.NanoClr;

/// <summary>One forced collection: the live heap after it and the throw-away arrays it took to trigger.</summary>
public sealed record NanoClrHeapReport(string Phase, long UsedBytes, long AvailableBytes, int JunkArrays);

/// <summary>
/// Reads what the memory harness (<see cref="NanoClrMemoryHarnessSource"/>) and a nanoCLR built with
/// NANOCLR_TRACE_MEMORY_STATS printed: for each phase, the runtime's <c>GC: N bytes used, M bytes available</c>
/// line of the collection the harness forced between its MEM-MARK and MEM-COLLECTED lines. Anything short
/// of a complete run with exactly one report per phase is an error that says why, never a figure.
/// </summary>
public static partial class NanoClrMemoryOutput
{
    /// <returns>One report per phase, in the harness's order.</returns>
    /// <exception cref="InvalidDataException">The run is incomplete or a phase has no (or an ambiguous) GC report.</exception>
    public static IReadOnlyList<NanoClrHeapReport> Parse(string stdout, int? exitCode)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        string[] lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        string? error = lines.FirstOrDefault(l => l.StartsWith(NanoClrMemoryHarnessSource.ErrorPrefix, StringComparison.Ordinal));
        if (error is not null)
        {
            throw new InvalidDataException("on nanoCLR: " + error[NanoClrMemoryHarnessSource.ErrorPrefix.Length..]);
        }

        bool completed = lines.Any(l => l.StartsWith(NanoClrMemoryHarnessSource.DonePrefix, StringComparison.Ordinal));
        if (exitCode is null)
        {
            throw new InvalidDataException("nanoCLR did not finish the memory harness before the timeout and was stopped");
        }

        if (exitCode != 0 || !completed)
        {
            throw new InvalidDataException(exitCode != 0
                ? "nanoCLR exited with status " + exitCode.Value.ToString(CultureInfo.InvariantCulture) + " during the memory harness (a crash)"
                : "nanoCLR stopped before the memory harness finished (an uncaught exception ends it silently with status 0)");
        }

        var reports = new List<NanoClrHeapReport>();
        string? phase = null;
        var collections = new List<(long Used, long Available)>();
        foreach (string line in lines)
        {
            if (line.StartsWith(NanoClrMemoryHarnessSource.MarkPrefix, StringComparison.Ordinal))
            {
                phase = line[NanoClrMemoryHarnessSource.MarkPrefix.Length..];
                collections.Clear();
            }
            else if (GcLine().Match(line) is { Success: true } gc)
            {
                collections.Add((Number(gc.Groups["used"].Value), Number(gc.Groups["available"].Value)));
            }
            else if (line.StartsWith(NanoClrMemoryHarnessSource.CollectedPrefix, StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ');
                if (phase is null || parts.Length != 3 || parts[1] != phase)
                {
                    throw new InvalidDataException("the memory harness's output is garbled near '" + line + "'");
                }

                if (collections.Count != 1)
                {
                    throw new InvalidDataException(collections.Count == 0
                        ? "nanoCLR printed no GC report for phase '" + phase + "': the interpreter must be built with NANOCLR_TRACE_MEMORY_STATS (docs/nanoframework.md)"
                        : "nanoCLR collected " + collections.Count.ToString(CultureInfo.InvariantCulture) + " times in phase '" + phase + "' where the harness forced one, so no report is that phase's");
                }

                reports.Add(new NanoClrHeapReport(phase, collections[0].Used, collections[0].Available, (int)Number(parts[2])));
                phase = null;
            }
        }

        var missing = NanoClrMemoryHarnessSource.Phases.Where(p => reports.All(r => r.Phase != p)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException("the memory harness did not report phase " + string.Join(", ", missing));
        }

        return reports;
    }

    private static long Number(string text) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    // nanoCLR (GarbageCollector.cpp): "GC: %dmsec %d bytes used, %d bytes available".
    [GeneratedRegex(@"^GC: \d+msec (?<used>\d+) bytes used, (?<available>\d+) bytes available$", RegexOptions.CultureInvariant)]
    private static partial Regex GcLine();
}
