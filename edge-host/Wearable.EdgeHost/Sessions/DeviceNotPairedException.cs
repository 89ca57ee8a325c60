namespace Wearable.EdgeHost.Sessions;

/// <summary>This host holds no key the device accepts: the user has to pair first.</summary>
public sealed class DeviceNotPairedException : Exception
{
    public DeviceNotPairedException(string connection, string deviceId, string why)
        : base($"not paired: run 'wearable pair {connection}' while pressing the device's pairing button ({why}; device {deviceId}).")
    {
        DeviceId = deviceId;
    }

    public string DeviceId { get; }
}
