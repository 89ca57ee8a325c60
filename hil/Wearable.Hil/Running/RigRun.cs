using Wearable.EdgeHost.Connections;
using Wearable.Hil.Rigs;

namespace Wearable.Hil.Running;

/// <summary>Connects to a rig's target (or an override), runs its suites and disconnects.</summary>
public static class RigRun
{
    /// <param name="targetOverride">Replaces the rig's connection string; "inproc://[?model=FILE]" runs the desktop adapters.</param>
    /// <param name="launcher">Starts sim:// devices (the CLI's virtual-board launcher).</param>
    public static HilRunReport Execute(RigDescription rig, string? targetOverride = null, IDeviceLauncher? launcher = null, Action<string, int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rig);
        string target = ResolveModelPath(targetOverride ?? rig.Target, rig.BaseDirectory);
        using IHilTarget device = target.StartsWith("inproc://", StringComparison.OrdinalIgnoreCase)
            ? new InProcessHilTarget(ModelOption(target), RepeatsOption(target))
            : QemuM7HilTarget.Handles(target)
                ? QemuM7HilTarget.Start(target, rig.BaseDirectory, TimeSpan.FromMilliseconds(rig.ConnectTimeoutMs))
            : target.StartsWith("nanoclr://", StringComparison.OrdinalIgnoreCase)
                ? NanoClr.NanoClrHilTarget.Start(target, rig.SuitePaths(), NanoClrBatchTimeout(rig))
                : LinkHilTarget.Connect(target, TimeSpan.FromMilliseconds(rig.ConnectTimeoutMs), launcher);
        RigBoardCheck.Verify(rig, device);
        return HilRunner.Run(rig.Name, device, rig.SuitePaths(), TimeSpan.FromMilliseconds(rig.VectorTimeoutMs), progress);
    }

    // nanoCLR runs every suite in one batch: the connect time plus each vector's timeout, in total.
    private static TimeSpan NanoClrBatchTimeout(RigDescription rig) =>
        TimeSpan.FromMilliseconds(rig.ConnectTimeoutMs + ((long)rig.VectorTimeoutMs * rig.SuitePaths().Sum(p => Suites.GoldenSuite.Load(p).Vectors.Count)));

    // inproc://?repeats=N: timed runs per vector after a warm-up (see InProcessHilTarget).
    private static int RepeatsOption(string target)
    {
        const string key = "repeats=";
        int at = target.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return 1;
        }

        int start = at + key.Length;
        int end = target.IndexOf('&', start);
        return int.TryParse(end < 0 ? target[start..] : target[start..end], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int repeats) && repeats > 0 ? repeats : 1;
    }

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

    /// <summary>A sim:// or inproc:// target's model=PATH is relative to the rig file, like its suites.</summary>
    public static string ResolveModelPath(string target, string rigDirectory)
    {
        const string key = "model=";
        int at = target.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        bool local = target.StartsWith("sim://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("inproc://", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("nanoclr://", StringComparison.OrdinalIgnoreCase);
        if (!local || at < 0)
        {
            return target;
        }

        int start = at + key.Length;
        int end = target.IndexOf('&', start);
        string path = end < 0 ? target[start..] : target[start..end];
        if (Path.IsPathRooted(path))
        {
            return target;
        }

        string absolute = Path.GetFullPath(Path.Combine(rigDirectory, path));
        return target[..start] + absolute + (end < 0 ? string.Empty : target[end..]);
    }
}
