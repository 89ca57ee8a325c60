using System.CommandLine;
using Wearable.Board.LinuxSbc;
using Wearable.Firmware.Afe.Ads1299;
using Wearable.VirtualDevice;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable device run`: runs the real firmware core on this machine against a real analog front end
/// (today: an ADS1299 on a Linux board's spidev and a DRDY GPIO) and serves it over TCP or a
/// pseudo-terminal, so every host verb talks to it as to any device.
/// </summary>
public static class DeviceCommand
{
    public const string LinuxAds1299 = "linux-ads1299";

    public static Command Create()
    {
        var board = new Option<string>("--board") { Description = "The board this machine is: linux-ads1299 (an ADS1299 on spidev). ESP32 and Meadow boards are flashed instead (docs/boards.md).", Required = true }.OneOf(LinuxAds1299);
        var spi = new Option<string>("--spi") { Description = "spidev bus and chip select, as in /dev/spidevBUS.CS.", DefaultValueFactory = _ => "0.0" }.Matches(@"\d{1,3}\.\d{1,3}", "BUS.CS as in /dev/spidevBUS.CS (e.g. 0.0)");
        var drdy = new Option<int>("--drdy-pin") { Description = "BCM GPIO number of the ADS1299's DRDY line.", DefaultValueFactory = _ => 25 }.InRange(0, 63);
        var clock = new Option<int>("--spi-clock") { Description = "SPI clock in Hz (at most 4 MHz).", DefaultValueFactory = _ => 2_000_000 }.InRange(100_000, 4_000_000);
        var chips = new Option<int>("--chips") { Description = "1 ADS1299 (8 channels) or 2 in daisy chain (16).", DefaultValueFactory = _ => 1 }.InRange(1, 2);
        var rate = new Option<int>("--rate") { Description = "Data rate: 250, 500, 1000, 2000, 4000, 8000 or 16000 SPS.", DefaultValueFactory = _ => 250 }.OneOfNumbers(250, 500, 1000, 2000, 4000, 8000, 16000);
        var gain = new Option<int>("--gain") { Description = "Amplifier gain of every channel: 1, 2, 4, 6, 8, 12 or 24.", DefaultValueFactory = _ => 24 }.OneOfNumbers(1, 2, 4, 6, 8, 12, 24);
        var leadOff = new Option<bool>("--lead-off") { Description = "Enable lead-off detection (6 nA DC)." };
        var tcp = new Option<int>("--tcp") { Description = "Serve the link on this TCP port on 127.0.0.1 (0 = a pseudo-terminal instead).", DefaultValueFactory = _ => 7800 }.InRange(0, 65_535);
        var flash = new Option<string?>("--flash-file") { Description = "File that keeps model slots, pairing and calibration across restarts." }.OutputFile();
        var pairing = new Option<int>("--pairing-window") { Description = "Seconds the pairing window stays open after start." }.InRange(0, 86_400);
        var run = new Command("run", "Run the firmware core on this machine against a real front end and serve its link.")
        {
            board, spi, drdy, clock, chips, rate, gain, leadOff, tcp, flash, pairing,
        };
        run.SetAction(parse =>
        {
            string name = parse.GetValue(board)!;
            if (name != LinuxAds1299)
            {
                throw new CliException($"device run knows the board '{LinuxAds1299}', not '{name}'.", "ESP32 and Meadow boards run the firmware themselves: see docs/boards.md to build and flash it.");
            }

            LinuxAds1299Wiring wiring;
            var config = new Ads1299Config(ChainLength(parse.GetValue(chips))) { SampleRate = parse.GetValue(rate), LeadOffDetection = parse.GetValue(leadOff), SpiClockHz = parse.GetValue(clock) };
            config.Gains.AsSpan().Fill(parse.GetValue(gain));
            VirtualDeviceOptions options;
            try
            {
                wiring = LinuxAds1299Wiring.Parse(parse.GetValue(spi)!, parse.GetValue(drdy), parse.GetValue(clock));
                config.Validate();
                int port = parse.GetValue(tcp);
                options = new VirtualDeviceOptions
                {
                    Board = "linux-sbc",
                    Transport = port == 0 ? "pty" : "tcp",
                    TcpPort = port,
                    Channels = config.Channels,
                    SampleRate = config.SampleRate,
                    FlashFile = parse.GetValue(flash),
                    PairingWindow = TimeSpan.FromSeconds(parse.GetValue(pairing)),
                };
                options.Validate();
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message, "Run 'wearable device run --help' for the options.");
            }

            LinuxAds1299Source? source = null;
            try
            {
                return VirtualDeviceProgram.Run(options, Console.In, Console.Out, deviceClock => source = new LinuxAds1299Source(wiring, config, deviceClock));
            }
            finally
            {
                source?.Dispose();
            }
        });

        var command = new Command("device", "Run the firmware on this machine's own hardware.") { run };
        return command;
    }

    private static int ChainLength(int chips) =>
        chips is 1 or 2 ? chips : throw new CliException($"--chips must be 1 or 2, not {chips}.", "One ADS1299 reads 8 channels; two in daisy chain read 16.");
}
