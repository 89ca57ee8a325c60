using Wearable.EdgeHost.Connections;

namespace Wearable.EdgeHost.Sessions;

/// <summary>How a <see cref="DeviceSession"/> behaves.</summary>
public sealed record DeviceSessionOptions
{
    public static DeviceSessionOptions Default { get; } = new();

    /// <summary>Starts devices for sim:// connections (null: <see cref="DeviceLaunchers.Simulated"/>).</summary>
    public IDeviceLauncher? Launcher { get; init; }

    /// <summary>Seconds of samples the session keeps for GetCurrentData/GetAllData.</summary>
    public double BufferSeconds { get; init; } = 60;

    /// <summary>How often a running session re-synchronises the device clock.</summary>
    public TimeSpan TimeSyncInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a request waits for the device's reply.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnection attempts after the link is lost (0 = give up at once).</summary>
    public int ReconnectAttempts { get; init; } = 5;

    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// When this host has no (valid) key for the device, pair on the spot: only works while the device's
    /// pairing window is open (the virtual device in the demo opens one at start).
    /// </summary>
    public bool PairAutomatically { get; init; }

    /// <summary>Blocks buffered for a slow <see cref="DeviceSession.ReadBlocksAsync"/> reader before the oldest are dropped.</summary>
    public int ReaderQueueBlocks { get; init; } = 4096;
}
