using System.Net.Sockets;
using Tmds.DBus;
using Wearable.EdgeHost.Ble.BlueZ;

namespace Wearable.EdgeHost.Ble;

/// <summary>
/// Opens the byte link to one device through BlueZ: find it (scanning if BlueZ has not seen it), connect,
/// wait for ServicesResolved, then AcquireNotify/AcquireWrite (a socket per direction, one datagram per
/// ATT value) or, where BlueZ refuses, StartNotify + PropertiesChanged and WriteValue. A disconnect, the
/// device object going away or the notify socket hanging up all become one link loss with its cause.
/// </summary>
public static class BleLinkOpener
{
    public static async Task<BleLinkStream> OpenAsync(BleLinkOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string address = options.Address;
        BlueZBus bus = await BlueZBus.OpenAsync().ConfigureAwait(false);
        var cleanup = new List<IDisposable> { bus };
        try
        {
            var objects = await bus.ManagedObjectsAsync().ConfigureAwait(false);
            ObjectPath adapterPath = BlueZBus.FindAdapter(objects, options.Adapter);
            ObjectPath devicePath = BlueZNames.DevicePath(adapterPath, address);

            var gone = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var appeared = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            BleLinkStream? stream = null;
            cleanup.Add(await bus.Objects.WatchInterfacesRemovedAsync(change =>
            {
                if (change.@object == devicePath && change.interfaces.Contains(BlueZNames.Device))
                {
                    string why = $"BLE link to {address} lost: the device went away (out of range or powered off).";
                    gone.TrySetResult(why);
                    stream?.Lose(why);
                }
            }).ConfigureAwait(false));
            cleanup.Add(await bus.Objects.WatchInterfacesAddedAsync(change =>
            {
                if (change.@object == devicePath)
                {
                    appeared.TrySetResult();
                }
            }).ConfigureAwait(false));

            if (!objects.ContainsKey(devicePath))
            {
                await DiscoverAsync(bus, adapterPath, appeared.Task, options, cancellationToken).ConfigureAwait(false);
            }

            var device = bus.Connection.CreateProxy<IDevice1>(BlueZNames.Service, devicePath);
            var resolved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cleanup.Add(await device.WatchPropertiesAsync(changes =>
            {
                foreach (var change in changes.Changed)
                {
                    if (change.Key == "ServicesResolved" && change.Value is true)
                    {
                        resolved.TrySetResult();
                    }
                    else if (change.Key == "Connected" && change.Value is false)
                    {
                        string why = $"BLE link to {address} lost: the device disconnected.";
                        gone.TrySetResult(why);
                        stream?.Lose(why);
                    }
                }
            }).ConfigureAwait(false));

            try
            {
                await device.ConnectAsync().ConfigureAwait(false);
            }
            catch (DBusException ex)
            {
                throw new IOException($"Cannot connect to {address}: {ex.ErrorName} ({ex.ErrorMessage}). Is it in range and not connected to another host?", ex);
            }

            cleanup.Add(new Disconnecter(device));
            if (await ServicesResolvedAsync(device).ConfigureAwait(false))
            {
                resolved.TrySetResult();
            }

            Task finished = await Task.WhenAny(resolved.Task, gone.Task, Task.Delay(options.ResolveTimeout, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (finished == gone.Task)
            {
                throw new IOException($"{address} went away while its services were being resolved: {gone.Task.Result} Move closer and retry.");
            }

            if (finished != resolved.Task)
            {
                throw new IOException($"{address} connected but its services were not resolved within {options.ResolveTimeout.TotalSeconds:0} s; retry, or raise ?resolve=.");
            }

            objects = await bus.ManagedObjectsAsync().ConfigureAwait(false);
            ObjectPath streamPath = FindCharacteristic(objects, devicePath, BleGattProfile.StreamUuid, address);
            ObjectPath commandPath = FindCharacteristic(objects, devicePath, BleGattProfile.CommandUuid, address);
            var notifier = bus.Connection.CreateProxy<IGattCharacteristic1>(BlueZNames.Service, streamPath);
            var commander = bus.Connection.CreateProxy<IGattCharacteristic1>(BlueZNames.Service, commandPath);

            (Socket? writeSocket, int writeMtu) = await TryAcquireAsync(() => commander.AcquireWriteAsync(new Dictionary<string, object>())).ConfigureAwait(false);
            if (writeSocket is not null)
            {
                cleanup.Add(writeSocket);
            }
            else
            {
                writeMtu = await MtuAsync(commander).ConfigureAwait(false);
            }

            NotificationSplitter.SpanAction send = writeSocket is not null
                ? value => SendDatagram(writeSocket, value, address)
                : value => WriteValue(commander, value, address);
            var disposables = cleanup;
            stream = new BleLinkStream(writeMtu, send, () => DisposeAll(disposables));
            if (gone.Task.IsCompleted)
            {
                stream.Lose(gone.Task.Result);
            }

            (Socket? notifySocket, int notifyMtu) = await TryAcquireAsync(() => notifier.AcquireNotifyAsync(new Dictionary<string, object>())).ConfigureAwait(false);
            if (notifySocket is not null)
            {
                cleanup.Add(notifySocket);
                StartReceiving(notifySocket, notifyMtu, stream, address);
            }
            else
            {
                BleLinkStream receiving = stream;
                cleanup.Add(await notifier.WatchPropertiesAsync(changes =>
                {
                    foreach (var change in changes.Changed)
                    {
                        if (change.Key == "Value" && change.Value is byte[] value)
                        {
                            receiving.Deliver(value);
                        }
                    }
                }).ConfigureAwait(false));
                await notifier.StartNotifyAsync().ConfigureAwait(false);
            }

            return stream;
        }
        catch (DBusException ex)
        {
            DisposeAll(cleanup);
            throw new IOException($"BLE link to {address} failed: {ex.ErrorName} ({ex.ErrorMessage}).", ex);
        }
        catch
        {
            DisposeAll(cleanup);
            throw;
        }
    }

    /// <summary>Whether BlueZ already resolved the services (the signal may have come before we asked); false once the device is gone.</summary>
    private static async Task<bool> ServicesResolvedAsync(IDevice1 device)
    {
        try
        {
            return await device.GetAsync("ServicesResolved").ConfigureAwait(false) is true;
        }
        catch (DBusException)
        {
            return false; // the object went away: the InterfacesRemoved watch reports why
        }
    }

    private static async Task DiscoverAsync(BlueZBus bus, ObjectPath adapterPath, Task appeared, BleLinkOptions options, CancellationToken cancellationToken)
    {
        var adapter = bus.Connection.CreateProxy<IAdapter1>(BlueZNames.Service, adapterPath);
        await adapter.SetDiscoveryFilterAsync(BleScanner.DiscoveryFilter()).ConfigureAwait(false);
        await adapter.StartDiscoveryAsync().ConfigureAwait(false);
        try
        {
            Task finished = await Task.WhenAny(appeared, Task.Delay(options.ScanTimeout, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (finished != appeared)
            {
                throw new IOException($"{options.Address} was not found in {options.ScanTimeout.TotalSeconds:0} s of scanning: is it powered, advertising and in range? 'wearable devices --ble' lists what is.");
            }
        }
        finally
        {
            await BleScanner.StopQuietlyAsync(adapter).ConfigureAwait(false);
        }
    }

    private static ObjectPath FindCharacteristic(IDictionary<ObjectPath, IDictionary<string, IDictionary<string, object>>> objects, ObjectPath device, string uuid, string address)
    {
        foreach (var entry in objects)
        {
            if (entry.Key.ToString().StartsWith(device + "/", StringComparison.Ordinal)
                && entry.Value.TryGetValue(BlueZNames.GattCharacteristic, out var properties)
                && properties.TryGetValue("UUID", out object? found) && string.Equals((string)found, uuid, StringComparison.OrdinalIgnoreCase))
            {
                return entry.Key;
            }
        }

        throw new IOException($"{address} is not a Wearable device: it has no characteristic {uuid} of service {BleGattProfile.ServiceUuid} (docs/ble.md).");
    }

    /// <summary>Acquires a characteristic's socket, or (null, 0) where BlueZ refuses so the caller falls back to D-Bus calls.</summary>
    private static async Task<(Socket? Socket, int Mtu)> TryAcquireAsync(Func<Task<(CloseSafeHandle fd, ushort mtu)>> acquire)
    {
        try
        {
            (CloseSafeHandle fd, ushort mtu) = await acquire().ConfigureAwait(false);
            IntPtr raw = fd.DangerousGetHandle();
            fd.SetHandleAsInvalid();
            var socket = new Socket(new SafeSocketHandle(raw, ownsHandle: true)) { Blocking = true };
            return (socket, mtu);
        }
        catch (DBusException ex) when (ex.ErrorName is "org.bluez.Error.NotSupported" or "org.bluez.Error.NotPermitted" or "org.bluez.Error.Failed" or "org.freedesktop.DBus.Error.UnknownMethod")
        {
            return (null, 0);
        }
    }

    private static async Task<int> MtuAsync(IGattCharacteristic1 characteristic)
    {
        try
        {
            return await characteristic.GetAsync("MTU").ConfigureAwait(false) is ushort mtu ? mtu : BleGattProfile.MinimumAttMtu;
        }
        catch (DBusException)
        {
            // BlueZ before 5.62 has no MTU property: the smallest MTU is always safe.
            return BleGattProfile.MinimumAttMtu;
        }
    }

    private static void StartReceiving(Socket socket, int attMtu, BleLinkStream stream, string address)
    {
        var thread = new Thread(() =>
        {
            byte[] datagram = new byte[Math.Max(attMtu, BleGattProfile.MinimumAttMtu)];
            try
            {
                while (true)
                {
                    int n = socket.Receive(datagram);
                    if (n == 0)
                    {
                        break;
                    }

                    stream.Deliver(datagram.AsSpan(0, n));
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
            }

            stream.Lose($"BLE link to {address} lost: BlueZ closed the notification socket (the device disconnected).");
        })
        { IsBackground = true, Name = "ble-notify-rx" };
        thread.Start();
    }

    private static void SendDatagram(Socket socket, ReadOnlySpan<byte> value, string address)
    {
        try
        {
            socket.Send(value);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            throw new IOException($"BLE link to {address} lost while writing: {ex.Message}", ex);
        }
    }

    private static void WriteValue(IGattCharacteristic1 characteristic, ReadOnlySpan<byte> value, string address)
    {
        try
        {
            // "request": each value is acknowledged at ATT level, which paces the writer on this slower path.
            characteristic.WriteValueAsync(value.ToArray(), new Dictionary<string, object> { ["type"] = "request" }).GetAwaiter().GetResult();
        }
        catch (DBusException ex)
        {
            throw new IOException($"BLE link to {address} lost while writing: {ex.ErrorName} ({ex.ErrorMessage}).", ex);
        }
    }

    private static void DisposeAll(List<IDisposable> disposables)
    {
        // Reverse order: sockets and subscriptions before the Disconnect call, the bus connection last.
        for (int i = disposables.Count - 1; i >= 0; i--)
        {
            try
            {
                if (disposables[i] is Socket socket)
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
            }
            catch (SocketException)
            {
            }

            disposables[i].Dispose();
        }

        disposables.Clear();
    }

    /// <summary>Asks BlueZ to drop the connection when the link is closed; the device may already be gone.</summary>
    private sealed class Disconnecter(IDevice1 device) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                device.DisconnectAsync().Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
            }
        }
    }
}
