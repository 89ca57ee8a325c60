using System.CommandLine;
using Wearable.EdgeHost.Recording;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable play FILE`: a virtual device that plays a recording (EDF/EDF+/BDF, Myo .dat, Muse .csv) as
/// its ADC, served on a pty like a USB device, so any host tool can connect to real data. Serves for
/// --seconds (0 = until 'q' or Ctrl-C).
/// </summary>
public static class PlayCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "Recording to play: .edf, .bdf, Myo .dat or Muse .csv." }.ExistingFile();
        var seconds = new Option<double>("--seconds") { Description = "Serve this long (0 = until 'q' + Enter or Ctrl-C).", DefaultValueFactory = _ => 0 }.InRange(0, 86_400);
        var pairing = new Option<int>("--pairing-window") { Description = "Seconds the pairing window stays open.", DefaultValueFactory = _ => 60 }.InRange(0, 86_400);
        var command = new Command("play", "Play a recording into a virtual device on a pty (connect with the printed path).") { file, seconds, pairing };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(seconds), parse.GetValue(pairing)));
        return command;
    }

    /// <summary>Loads any supported recording as the virtual device's int16 frames.</summary>
    public static Recording Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException("Recording " + path + " does not exist.", "Play .edf/.bdf, Myo .dat or Muse .csv files.");
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension is ".edf" or ".bdf" ? FromEdf(path) : Recording.Load(path);
        }
        catch (EdfFormatException ex)
        {
            throw new CliException(path + ": " + ex.Message, ex.Hint ?? "Play .edf/.bdf, Myo .dat (8 ch int16) or Muse .csv (TP9, AF7, AF8, TP10) files.");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new CliException(path + ": " + ex.Message, "Play .edf/.bdf, Myo .dat (8 ch int16) or Muse .csv (TP9, AF7, AF8, TP10) files.");
        }
    }

    /// <summary>The virtual device's limits: a 32-bit channel mask on the link, a 64 kHz simulated ADC.</summary>
    public const int MaxChannels = 32;

    public const int MaxRate = 64000;

    // Every data signal on one common scale that keeps its physical value (the link has one nV per count).
    private static Recording FromEdf(string path)
    {
        using EdfReader reader = EdfReader.Open(path);
        PlayableRecording playable = PlayableRecording.FromEdf(reader, MaxChannels, MaxRate);
        return new Recording(playable.Samples, playable.Channels, playable.SampleRate) { NanovoltsPerLsb = playable.NanovoltsPerLsb, Labels = playable.Labels };
    }

    private static int Run(string path, double seconds, int pairingWindow)
    {
        Recording recording = Load(path);
        var options = new VirtualDeviceOptions
        {
            Preloaded = recording,
            Source = path,
            Channels = recording.Channels,
            SampleRate = recording.SampleRate,
            Transport = "pty",
            PairingWindow = TimeSpan.FromSeconds(pairingWindow),
            Quiet = true,
        };
        using var board = new VirtualBoard(options);
        using DiscoveryFile? announced = DiscoveryFile.Write(board, options);
        board.Start();
        Console.Out.WriteLine($"playing {Path.GetFileName(path)} ({recording.Channels} ch x {recording.SampleRate} Hz, {recording.Frames / (double)recording.SampleRate:F1} s, looping) on {board.SlavePath}");
        if (recording.Labels.Count == recording.Channels)
        {
            Console.Out.WriteLine("channels: " + string.Join(", ", recording.Labels.Select((label, i) => "EXG" + (i + 1) + " = " + label)) + $" ({recording.NanovoltsPerLsb} nV per count)");
        }

        Console.Out.WriteLine($"connect with: wearable stream {board.SlavePath}   (pairing window open {pairingWindow} s; 'q' + Enter quits)");
        Console.Out.Flush();
        var quit = new ManualResetEventSlim();
        if (seconds <= 0)
        {
            var keys = new Thread(() =>
            {
                while (Console.In.ReadLine() is { } line)
                {
                    if (line.Trim() == "q")
                    {
                        quit.Set();
                        return;
                    }
                }
            })
            { IsBackground = true };
            keys.Start();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                quit.Set();
            };
            quit.Wait();
        }
        else
        {
            quit.Wait(TimeSpan.FromSeconds(seconds));
        }

        return board.Fault is null ? 0 : 1;
    }
}
