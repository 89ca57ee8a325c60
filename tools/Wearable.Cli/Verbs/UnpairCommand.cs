using System.CommandLine;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Pairing;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable unpair DEVICE_ID`: forgets this host's key for a device (as listed by 'wearable devices').</summary>
public static class UnpairCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("DEVICE_ID") { Description = "The hex device id ('wearable devices' lists paired ones)." }.HexDeviceId();
        var command = new Command("unpair", "Forget this host's key for a device.") { id };
        command.SetAction(parse => Run(parse.GetValue(id)!));
        return command;
    }

    private static int Run(string id)
    {
        HostKeyStore keys = DeviceArguments.Keys();
        bool removed;
        try
        {
            removed = keys.Remove(id);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, "Run 'wearable devices' to list paired device ids.");
        }

        if (!removed)
        {
            throw new CliException("This host is not paired with " + id + ".", "Run 'wearable devices' to list paired device ids.");
        }

        Console.Out.WriteLine("Forgot the key for " + id + ". The device keeps its side until it is re-paired or reset.");
        return 0;
    }
}
