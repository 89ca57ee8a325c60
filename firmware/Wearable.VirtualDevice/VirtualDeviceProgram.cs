using Wearable.Firmware.Profiles;

namespace Wearable.VirtualDevice;

/// <summary>The program body, shared by the exe and the CLI's <c>wearable simulate</c>.</summary>
public static class VirtualDeviceProgram
{
    /// <summary>
    /// Starts the board, prints the endpoint and "ready", then serves until "q" or a kill (a closed stdin
    /// does not stop it). On stdin: "p" opens the pairing window, "q" quits (single keys on a terminal,
    /// lines on a pipe).
    /// </summary>
    /// <param name="hardwareSource">A real front end to serve instead of the simulated source (e.g. an ADS1299 on a Linux board).</param>
    public static int Run(VirtualDeviceOptions options, TextReader input, TextWriter output, Func<Wearable.Firmware.Board.IDeviceClock, Wearable.Firmware.Board.ISampleSource>? hardwareSource = null)
    {
        VirtualBoard board;
        try
        {
            board = new VirtualBoard(options, null, hardwareSource);
        }
        catch (Wearable.Firmware.Afe.AfeException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            Console.Error.WriteLine("hint: docs/boards.md has the wiring table and a bring-up checklist for each board.");
            return 1;
        }
        catch (BudgetExceededException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            Console.Error.WriteLine("hint: use fewer channels, a shorter --ring-frames or a board with more RAM (--board).");
            return 3;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or PlatformNotSupportedException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 1;
        }

        using (board)
        using (Board.DiscoveryFile.Write(board, options))
        {
            output.WriteLine(board.Endpoint);
            output.WriteLine("ready");
            output.Flush();
            board.Start();
            var quit = new ManualResetEventSlim();
            bool interactive = ReferenceEquals(input, Console.In) && !Console.IsInputRedirected;
            var keys = new Thread(() =>
            {
                // A terminal: single key presses. A pipe (tests, scripts): one command per line.
                while (true)
                {
                    string? command = interactive ? Console.ReadKey(intercept: true).KeyChar.ToString() : input.ReadLine()?.Trim();
                    if (command is null)
                    {
                        return; // stdin closed (run in the background): keep serving until killed
                    }

                    if (command == "q")
                    {
                        break;
                    }

                    if (command == "p")
                    {
                        board.PairingButton.Press(options.KeyPairingWindow);
                        Console.Error.WriteLine($"pairing window open for {options.KeyPairingWindow.TotalSeconds:F0} s");
                    }
                }

                quit.Set();
            })
            { IsBackground = true, Name = "virtual-device-keys" };
            keys.Start();
            while (!quit.Wait(200))
            {
                if (board.Fault is not null)
                {
                    return 1;
                }
            }
        }

        return 0;
    }
}
