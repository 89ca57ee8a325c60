using System.Globalization;

namespace Wearable.Hil.NanoClr.Replay;

/// <summary>
/// What the replay harness printed inside nanoCLR: each pass's bytes and whether it ran to its last line. nanoCLR exits with status 0
/// after an uncaught exception, so only the harness's own last line makes a run complete.
/// </summary>
public sealed class ReplayOutput
{
    private readonly Dictionary<int, byte[]> _passes = new();

    private ReplayOutput(string? endReason)
    {
        EndReason = endReason;
    }

    /// <summary>Why the run is incomplete (crash, timeout, exception, missing last line), or null.</summary>
    public string? EndReason { get; }

    public bool Completed => EndReason is null;

    public byte[] Output(int pass) => _passes.TryGetValue(pass, out byte[]? bytes) ? bytes : Array.Empty<byte>();

    /// <param name="exitCode">nanoCLR's exit status, or null when it was stopped at the timeout.</param>
    public static ReplayOutput Parse(string stdout, int? exitCode)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        string[] lines = stdout.Split('\n', StringSplitOptions.TrimEntries);
        string? error = lines.FirstOrDefault(l => l.StartsWith(ReplayHarnessSource.ErrorPrefix, StringComparison.Ordinal));
        bool done = lines.Any(l => l.StartsWith(ReplayHarnessSource.DonePrefix, StringComparison.Ordinal));
        string? reason = exitCode switch
        {
            null => "nanoCLR did not finish the replay before the timeout and was stopped",
            not 0 => "nanoCLR exited with status " + exitCode.Value.ToString(CultureInfo.InvariantCulture) + " (a crash; an int.MinValue / -1 kills it)",
            _ when error is not null => "the firmware core threw inside nanoCLR: " + error[ReplayHarnessSource.ErrorPrefix.Length..],
            _ when !done => "nanoCLR stopped before the replay finished (an uncaught exception ends it silently with status 0)",
            _ => null,
        };
        var output = new ReplayOutput(reason);
        foreach (string line in lines)
        {
            if (!line.StartsWith(ReplayHarnessSource.OutputPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string[] parts = line.Split(' ');
            if (parts.Length == 3 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int pass))
            {
                output._passes[pass] = Convert.FromHexString(parts[2]);
            }
        }

        return output;
    }
}
