using System.CommandLine;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable pair CONNECTION`: hands the device a new key while its pairing button window is open, and keeps the key.</summary>
public static class PairCommand
{
    public static Command Create()
    {
        var connection = DeviceArguments.Connection();
        var json = CommonOptions.Json();
        var command = new Command("pair", "Pair this host with a device (press the device's pairing button first; virtual device: 'p').") { connection, json };
        command.SetAction(parse => Run(parse.GetValue(connection)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(string connection, bool json)
    {
        HostKeyStore keys = DeviceArguments.Keys();
        DeviceSession session = CliSessions.Connect(connection, keys);
        try
        {
            PairedDevice paired = CliSessions.Guard(connection, () => session.PairAsync().GetAwaiter().GetResult());
            if (json)
            {
                JsonOutput.Write(new { deviceId = paired.DeviceId, name = paired.Name, keyStore = keys.Directory });
            }
            else
            {
                Console.Out.WriteLine($"Paired with {paired.Name} {paired.DeviceId}; key kept in {keys.Directory} (mode 0600).");
            }

            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
