using System.CommandLine;
using Wearable.Cli.Simulation;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable simulate`: runs the virtual device (the firmware core on a simulated board) on a
/// pseudo-terminal or TCP port, or with --measure streams through it and reports the link's numbers.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "synthetic, or a Myo .dat / Muse .csv recording to play back.", DefaultValueFactory = _ => "synthetic" }.ExistingFileOr("synthetic");
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic signal.", DefaultValueFactory = _ => 1 }.InRange(0, int.MaxValue);
        var channels = new Option<int>("--channels") { Description = "Synthetic channels (1..32).", DefaultValueFactory = _ => 16 }.InRange(1, 32);
        var rate = new Option<int>("--rate") { Description = "Synthetic sample rate, Hz (1..64000).", DefaultValueFactory = _ => 2000 }.InRange(1, 64000);
        var transport = new Option<string>("--transport") { Description = "pty (prints /dev/pts/N) or tcp.", DefaultValueFactory = _ => "pty" }.OneOf("pty", "tcp");
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 = any free one)." }.InRange(0, 65535);
        var fast = new Option<bool>("--fast") { Description = "Device time runs as fast as the link allows instead of real time." };
        var baud = new Option<int>("--baud") { Description = "Cap the link like a UART at this baud rate (10 bits per byte; 0 = no cap)." }.InRange(0, 100_000_000);
        var ble = new Option<string?>("--ble") { Description = "Cap the link like BLE: esp32, 1m or 2m." }.OneOf("esp32", "1m", "2m");
        var latency = new Option<int>("--latency-ms") { Description = "One-way link delay (0..10000 ms)." }.InRange(0, 10_000);
        var drop = new Option<double>("--drop-rate") { Description = "Probability that a device-to-host byte is lost." }.InRange(0, 1);
        var corrupt = new Option<double>("--corrupt-rate") { Description = "Probability that a device-to-host byte is corrupted." }.InRange(0, 1);
        var impairSeed = new Option<int>("--impair-seed") { Description = "Seed of drops and corruption.", DefaultValueFactory = _ => 1 }.InRange(0, int.MaxValue);
        var flash = new Option<string?>("--flash-file") { Description = "File that keeps model slots, pairing and calibration across restarts." }.OutputFile();
        var pairing = new Option<int>("--pairing-window") { Description = "Seconds the pairing window stays open after start ('p' + Enter opens it later)." }.InRange(0, 86_400);
        var board = new Option<string>("--board") { Description = "RAM budget to enforce: esp32, esp32s3, meadow, linux-sbc, virtual.", DefaultValueFactory = _ => "virtual" }.OneOf("esp32", "esp32s3", "meadow", "linux-sbc", "virtual");
        var afe = new Option<string>("--afe") { Description = "none, or ads1299: read the source through a simulated ADS1299 and the firmware's real driver (rate 250..16000 SPS).", DefaultValueFactory = _ => "none" }.OneOf("none", "ads1299");
        var ring = new Option<int>("--ring-frames") { Description = "Acquisition ring size in frames (checked against the board's RAM).", DefaultValueFactory = _ => 256 }.InRange(16, 65_536);
        var measure = new Option<double>("--measure") { Description = "Instead of serving: pair, stream this many seconds of device time through the link and report (0 = serve)." }.InRange(0, 3600);
        var block = new Option<int>("--block-samples") { Description = "Samples per channel per block when measuring.", DefaultValueFactory = _ => 25 }.InRange(1, 512);
        var json = CommonOptions.Json();
        var command = new Command("simulate", "Run the virtual device: the firmware core on a simulated board, over a pseudo-terminal or TCP.")
        {
            source, seed, channels, rate, transport, port, fast, baud, ble, latency, drop, corrupt, impairSeed, flash, pairing, board, afe, ring, measure, block, json,
        };
        command.SetAction(parse =>
        {
            var args = new List<string>
            {
                "--source", parse.GetValue(source)!, "--seed", Text(parse.GetValue(seed)), "--channels", Text(parse.GetValue(channels)),
                "--rate", Text(parse.GetValue(rate)), "--transport", parse.GetValue(transport)!, "--port", Text(parse.GetValue(port)),
                "--latency-ms", Text(parse.GetValue(latency)), "--drop-rate", Text(parse.GetValue(drop)), "--corrupt-rate", Text(parse.GetValue(corrupt)),
                "--impair-seed", Text(parse.GetValue(impairSeed)), "--pairing-window", Text(parse.GetValue(pairing)), "--board", parse.GetValue(board)!,
                "--ring-frames", Text(parse.GetValue(ring)), "--afe", parse.GetValue(afe)!,
            };
            if (parse.GetValue(fast))
            {
                args.Add("--fast");
            }

            if (parse.GetValue(baud) > 0)
            {
                args.AddRange(["--baud", Text(parse.GetValue(baud))]);
            }

            if (parse.GetValue(ble) is { } bleProfile)
            {
                args.AddRange(["--ble", bleProfile]);
            }

            if (parse.GetValue(flash) is { } flashFile)
            {
                args.AddRange(["--flash-file", flashFile]);
            }

            VirtualDeviceOptions options;
            try
            {
                options = VirtualDeviceOptions.Parse(args.ToArray());
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message, "Run 'wearable simulate --help' for the options.");
            }

            double seconds = parse.GetValue(measure);
            if (seconds > 0)
            {
                return StreamMeasurement.Run(options, seconds, parse.GetValue(block), parse.GetValue(json));
            }

            return VirtualDeviceProgram.Run(options, Console.In, Console.Out);
        });
        return command;
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
