using System.CommandLine;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Pairing;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable devices`: serial ports, running virtual devices and the devices this host paired with.</summary>
public static class DevicesCommand
{
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("devices", "List USB serial devices, running virtual devices and paired devices.") { json };
        command.SetAction(parse => Run(parse.GetValue(json)));
        return command;
    }

    private static int Run(bool json)
    {
        IReadOnlyList<DiscoveredDevice> found = DeviceDiscovery.Find();
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
            Console.Out.WriteLine("No devices found: plug a device in (/dev/ttyUSB*, /dev/ttyACM*) or start one with 'wearable simulate'.");
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
}
