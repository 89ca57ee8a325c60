using Tmds.DBus;
using Wearable.EdgeHost.Ble.BlueZ;

namespace Wearable.EdgeHost.Ble;

/// <summary>
/// Lists Wearable devices in range: BlueZ discovery filtered to LE and our service UUID. Devices BlueZ
/// already knows are reported at once; new ones as they are found, until the token is cancelled.
/// </summary>
public static class BleScanner
{
    /// <summary>Scans until <paramref name="cancellationToken"/> is cancelled; <paramref name="found"/> sees each device once.</summary>
    public static async Task ScanAsync(Action<BleAdvertisement> found, string adapterName = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(found);
        using BlueZBus bus = await BlueZBus.OpenAsync().ConfigureAwait(false);
        var objects = await bus.ManagedObjectsAsync().ConfigureAwait(false);
        ObjectPath adapterPath = BlueZBus.FindAdapter(objects, adapterName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Report(ObjectPath path, IDictionary<string, IDictionary<string, object>> interfaces)
        {
            if (path.ToString().StartsWith(adapterPath + "/", StringComparison.Ordinal)
                && interfaces.TryGetValue(BlueZNames.Device, out var device) && BlueZBus.AdvertisesWearable(device))
            {
                BleAdvertisement advertisement = BlueZBus.Describe(device);
                bool isNew;
                lock (seen)
                {
                    isNew = seen.Add(advertisement.Address);
                }

                if (isNew)
                {
                    found(advertisement);
                }
            }
        }

        using IDisposable added = await bus.Objects.WatchInterfacesAddedAsync(change => Report(change.@object, change.interfaces)).ConfigureAwait(false);
        foreach (var entry in objects)
        {
            Report(entry.Key, entry.Value);
        }

        var adapter = bus.Connection.CreateProxy<IAdapter1>(BlueZNames.Service, adapterPath);
        await adapter.SetDiscoveryFilterAsync(DiscoveryFilter()).ConfigureAwait(false);
        await adapter.StartDiscoveryAsync().ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await StopQuietlyAsync(adapter).ConfigureAwait(false);
        }
    }

    internal static Dictionary<string, object> DiscoveryFilter() => new()
    {
        ["Transport"] = "le",
        ["UUIDs"] = new[] { BleGattProfile.ServiceUuid },
    };

    internal static async Task StopQuietlyAsync(IAdapter1 adapter)
    {
        try
        {
            await adapter.StopDiscoveryAsync().ConfigureAwait(false);
        }
        catch (DBusException)
        {
            // Already stopped (or BlueZ went away): nothing left to undo.
        }
    }
}
