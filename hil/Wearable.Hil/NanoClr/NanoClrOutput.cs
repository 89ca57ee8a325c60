using System.Globalization;
using Wearable.Hil.Running;

namespace Wearable.Hil.NanoClr;

/// <summary>
/// Reads what the harness printed inside nanoCLR into one outcome per (suite, vector). A vector with no
/// line is a failure that says why: nanoCLR exits with status 0 after an uncaught exception, so the only
/// trustworthy sign of a complete run is the harness's own last line.
/// </summary>
public sealed class NanoClrOutput
{
    /// <summary>nanoCLR's DateTime ticks: 100 ns.</summary>
    public const long TickFrequencyHz = 10_000_000;

    private readonly Dictionary<(int Suite, int Vector), HilOutcome> _outcomes = new();

    private NanoClrOutput(bool completed, string? endReason)
    {
        Completed = completed;
        EndReason = endReason;
    }

    /// <summary>True when the harness printed its last line.</summary>
    public bool Completed { get; }

    /// <summary>Why results may be missing (crash, timeout, exit status), or null for a complete run.</summary>
    public string? EndReason { get; }

    /// <param name="stdout">Everything nanoCLR printed.</param>
    /// <param name="exitCode">Its exit status, or null when it was killed at the timeout.</param>
    /// <param name="timingRepeats">Runs per vector inside the timed loop (ticks are divided by it).</param>
    public static NanoClrOutput Parse(string stdout, int? exitCode, int timingRepeats)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        string[] lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        bool completed = lines.Any(l => l.StartsWith(NanoClrHarnessSource.DonePrefix, StringComparison.Ordinal));
        string? reason = exitCode switch
        {
            null => "nanoCLR did not finish before the timeout and was stopped",
            not 0 => "nanoCLR exited with status " + exitCode.Value.ToString(CultureInfo.InvariantCulture) + " (a crash; an int.MinValue / -1 kills it)",
            _ when !completed => "nanoCLR stopped before the harness finished (an uncaught exception ends it silently with status 0)",
            _ => null,
        };
        var output = new NanoClrOutput(completed && exitCode == 0, reason);
        foreach (string line in lines)
        {
            if (line.StartsWith(NanoClrHarnessSource.ResultPrefix, StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ');
                if (parts.Length >= 4 && TryKey(parts, out var key) && long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out long ticks))
                {
                    byte[] bytes = parts.Length > 4 ? Convert.FromHexString(parts[4]) : Array.Empty<byte>();
                    output._outcomes[key] = new HilOutcome(bytes, ticks / timingRepeats, TickFrequencyHz);
                }
            }
            else if (line.StartsWith(NanoClrHarnessSource.ErrorPrefix, StringComparison.Ordinal))
            {
                string[] parts = line.Split(' ', 4);
                if (parts.Length >= 3 && TryKey(parts, out var key))
                {
                    output._outcomes[key] = HilOutcome.Failed("on nanoCLR: " + (parts.Length > 3 ? parts[3] : "error"));
                }
            }
        }

        return output;
    }

    /// <summary>The outcome of one vector; a missing one is a failure naming why the run ended.</summary>
    public HilOutcome Outcome(int suite, int vector)
    {
        if (_outcomes.TryGetValue((suite, vector), out HilOutcome? outcome))
        {
            return outcome;
        }

        return HilOutcome.Failed("no result from nanoCLR: " + (EndReason ?? "the harness skipped this vector"));
    }

    private static bool TryKey(string[] parts, out (int Suite, int Vector) key)
    {
        bool ok = int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int suite)
            & int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out int vector);
        key = (suite, vector);
        return ok;
    }
}
