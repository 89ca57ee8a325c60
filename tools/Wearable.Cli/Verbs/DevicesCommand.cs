using System.CommandLine;
using Wearable.EdgeHost.Ble;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Pairing;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable devices`: serial ports, running virtual devices and the devices this host paired with.</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var ble = new Option<bool>("--ble") { Description = $"Also scan {BleScanSeconds} s for Wearable devices advertising over Bluetooth LE (through BlueZ)." };
        var command = new Command("devices", "List USB serial devices, running virtual devices and paired devices.") { json, ble };
        command.SetAction(parse => Run(parse.GetValue(json), parse.GetValue(ble)));
        return command;
    }

    /// <summary>How long --ble scans: a device advertising every 100..1000 ms is seen several times.</summary>
    public const int BleScanSeconds = 5;

    private static int Run(bool json, bool ble)
    {
        var found = new List<DiscoveredDevice>(DeviceDiscovery.Find());
        if (ble)
        {
            found.AddRange(ScanBle());
        }

        HostKeyStore keys = HostKeyStore.ForCurrentUser();
        IReadOnlyList<PairedDevice> paired = keys.List();
        if (json)
        {
            JsonOutput.Write(new
            {
                devices = found,
                paired = paired.Select(p => new { deviceId = p.DeviceId, name = p.Name, pairedAt = p.PairedAt }),
                keyStore = keys.Directory,
            });
            return 0;
        }

        if (found.Count == 0)
        {
            Console.Out.WriteLine("No devices found: plug a device in (/dev/ttyUSB*, /dev/ttyACM*), start one with 'wearable simulate'" + (ble ? ", or bring a BLE device in range." : " or scan Bluetooth with --ble."));
        }

        foreach (DiscoveredDevice device in found)
        {
            Console.Out.WriteLine($"{device.Connection,-40} {device.Description}");
        }

        Console.Out.WriteLine(paired.Count == 0 ? "No paired devices (keys in " + keys.Directory + ")." : "Paired (keys in " + keys.Directory + "):");
        foreach (PairedDevice device in paired)
        {
            Console.Out.WriteLine($"  {device.DeviceId} {device.Name} paired {device.PairedAt:yyyy-MM-dd HH:mm}");
        }

        return 0;
    }

    private static IEnumerable<DiscoveredDevice> ScanBle()
    {
        var seen = new List<DiscoveredDevice>();
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(BleScanSeconds));
        try
        {
            BleScanner.ScanAsync(
                advertisement =>
                {
                    lock (seen)
                    {
                        seen.Add(new DiscoveredDevice(advertisement.Connection, "ble", "BLE " + (advertisement.Name.Length > 0 ? advertisement.Name : "(no name)") + (advertisement.Rssi is { } rssi ? ", RSSI " + rssi + " dBm" : string.Empty)));
                    }
                },
                cancellationToken: window.Token).GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            throw new CliException("cannot scan for BLE devices: " + ex.Message, "'wearable devices' without --ble lists serial and virtual devices.");
        }

        lock (seen)
        {
            return seen.ToArray();
        }
    }
}
