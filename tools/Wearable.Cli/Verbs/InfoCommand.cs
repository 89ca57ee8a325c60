using System.CommandLine;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable info CONNECTION`: what the device says about itself (Hello needs no pairing).</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var connection = DeviceArguments.Connection();
        var json = CommonOptions.Json();
        var command = new Command("info", "Show a device's id, board, firmware, channels, rate and status.") { connection, json };
        command.SetAction(parse => Run(parse.GetValue(connection)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(string connection, bool json)
    {
        var keys = DeviceArguments.Keys();
        DeviceSession session = CliSessions.Connect(connection, keys);
        try
        {
            DeviceInfo info = CliSessions.Guard(connection, () => session.IdentifyAsync().GetAwaiter().GetResult());
            string id = info.DeviceId;
            var result = new
            {
                deviceId = id,
                board = info.Board,
                firmware = info.Firmware,
                protocol = info.ProtocolVersion,
                channels = info.ChannelCount,
                sampleRate = info.SampleRateHz,
                adcBits = info.AdcBits,
                microvoltsPerCount = info.MicrovoltsPerCount,
                activeModelSlot = info.ActiveModelSlot,
                pairingWindowOpen = info.PairingWindowOpen,
                pairedWithThisHost = keys.Find(id) is not null,
                capabilities = "0x" + info.Capabilities.ToString("X8"),
            };
            if (json)
            {
                JsonOutput.Write(result);
                return 0;
            }

            Console.Out.WriteLine($"{result.board} {id}, firmware {result.firmware}, protocol {result.protocol}");
            Console.Out.WriteLine($"{result.channels} ch x {result.sampleRate} Hz, {result.adcBits}-bit ADC, {result.microvoltsPerCount:G4} uV per count");
            Console.Out.WriteLine("active model slot: " + (result.activeModelSlot?.ToString() ?? "none") + "; capabilities " + result.capabilities);
            Console.Out.WriteLine(result.pairedWithThisHost ? "paired with this host" : "not paired with this host: run 'wearable pair " + connection + "' while pressing the pairing button");
            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
