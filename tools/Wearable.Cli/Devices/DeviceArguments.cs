using System.CommandLine;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;

namespace Wearable.Cli.Devices;

/// <summary>The arguments and defaults every device verb shares.</summary>
public static class DeviceArguments
{
    public static Argument<string> Connection() => new Argument<string>("CONNECTION")
    {
        Description = "serial:///dev/ttyUSB0?baud=921600, /dev/pts/N, tcp://host:port or sim://?seed=1&channels=16&rate=2000 (see 'wearable devices').",
    }.ConnectionString();

    public static Option<double> Seconds(double fallback) => new Option<double>("--seconds") { Description = "How long to run (at most a day).", DefaultValueFactory = _ => fallback }.InRange(0, 86_400, exclusiveMin: true);

    /// <summary>
    /// Session options for a verb: a sim:// device is started by this very command with its pairing
    /// window open, so pairing it on the spot is the user's own consent; real devices need 'wearable pair'.
    /// </summary>
    public static DeviceSessionOptions OptionsFor(string connection) => new()
    {
        PairAutomatically = CliSessions.Parse(connection).Kind == ConnectionKind.Simulated,
    };

    public static HostKeyStore Keys() => HostKeyStore.ForCurrentUser();

    public static void CheckSeconds(double seconds)
    {
        if (!(seconds > 0) || seconds > 86400)
        {
            throw new CliException($"--seconds must be in (0, 86400], got {seconds}.", "Try --seconds 10.");
        }
    }
}
