namespace Wearable.EdgeHost.Connections;

/// <summary>
/// Transports that live outside this library (BLE, which needs a D-Bus library the core does not carry):
/// the application registers them once at start-up and every <see cref="DeviceConnector"/> made afterwards
/// uses them, so a new connection string works in every verb, session and HIL rig.
/// </summary>
public static class DeviceTransports
{
    private static IDeviceTransport[] _registered = [];

    /// <summary>The transports registered so far, in registration order.</summary>
    public static IReadOnlyList<IDeviceTransport> Registered => Volatile.Read(ref _registered);

    /// <summary>Adds <paramref name="transport"/>, replacing one registered earlier for the same kind.</summary>
    public static void Register(IDeviceTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        IDeviceTransport[] current, updated;
        do
        {
            current = Volatile.Read(ref _registered);
            updated = [.. current.Where(t => t.Kind != transport.Kind), transport];
        }
        while (Interlocked.CompareExchange(ref _registered, updated, current) != current);
    }
}
