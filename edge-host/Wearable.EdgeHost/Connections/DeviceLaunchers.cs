namespace Wearable.EdgeHost.Connections;

/// <summary>
/// The process-wide launcher for <c>sim://</c> connections when the session options name none. The
/// CLI registers its in-process virtual device here at start-up; a library user may register their own.
/// </summary>
public static class DeviceLaunchers
{
    private static IDeviceLauncher? _simulated;

    /// <summary>The launcher used for sim:// connections, or null when nobody registered one.</summary>
    public static IDeviceLauncher? Simulated
    {
        get => Volatile.Read(ref _simulated);
        set => Volatile.Write(ref _simulated, value);
    }
}
