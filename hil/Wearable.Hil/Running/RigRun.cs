using Wearable.Hil.Rigs;

namespace Wearable.Hil.Running;

/// <summary>Connects to a rig's target (or an override), runs its suites and disconnects.</summary>
public static class RigRun
{
    /// <param name="targetOverride">Replaces the rig's connection string; "inproc://" runs the desktop adapters.</param>
    /// <param name="launcher">Starts sim:// devices (the CLI's virtual-board launcher).</param>
    public static HilRunReport Execute(RigDescription rig, string? targetOverride = null, SimulatedDeviceLauncher? launcher = null, Action<string, int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(rig);
        string target = targetOverride ?? rig.Target;
        using IHilTarget device = target == "inproc://"
            ? new InProcessHilTarget()
            : LinkHilTarget.Connect(target, TimeSpan.FromMilliseconds(rig.ConnectTimeoutMs), launcher);
        return HilRunner.Run(rig.Name, device, rig.SuitePaths(), TimeSpan.FromMilliseconds(rig.VectorTimeoutMs), progress);
    }
}
