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
            DeviceInfoMessage info = CliSessions.Guard(connection, () => session.Link.Hello());
            string id = Convert.ToHexString(info.DeviceId).ToLowerInvariant();
            var result = new
            {
                deviceId = id,
                board = info.GetBoardName(),
                firmware = info.FirmwareMajor + "." + info.FirmwareMinor + "." + info.FirmwarePatch,
                protocol = (int)info.ProtocolVersion,
                channels = (int)info.ChannelCount,
                sampleRate = info.SampleRateHz,
                adcBits = (int)info.AdcBits,
                microvoltsPerCount = info.NanovoltsPerLsb / 1000.0,
                activeModelSlot = info.ActiveModelSlot == DeviceInfoMessage.NoActiveModel ? (int?)null : info.ActiveModelSlot,
                pairingWindowOpen = (info.Status & LinkDeviceStatus.PairingArmed) != 0,
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
