using Wearable.Firmware.Profiles;

namespace Wearable.VirtualDevice;

/// <summary>The program body, shared by the exe and the CLI's <c>wearable simulate</c>.</summary>
public static class VirtualDeviceProgram
{
    /// <summary>
    /// Starts the board, prints the endpoint and "ready", then serves until stdin closes with "q" or the
    /// process is killed. Lines on stdin: "p" opens the pairing window, "q" quits.
    /// </summary>
    public static int Run(VirtualDeviceOptions options, TextReader input, TextWriter output)
    {
        VirtualBoard board;
        try
        {
            board = new VirtualBoard(options);
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
        {
            output.WriteLine(board.Endpoint);
            output.WriteLine("ready");
            output.Flush();
            board.Start();
            var quit = new ManualResetEventSlim();
            var keys = new Thread(() =>
            {
                string? line;
                while ((line = input.ReadLine()) is not null)
                {
                    line = line.Trim();
                    if (line == "p")
                    {
                        board.PairingButton.Press(options.KeyPairingWindow);
                        Console.Error.WriteLine($"pairing window open for {options.KeyPairingWindow.TotalSeconds:F0} s");
                    }
                    else if (line == "q")
                    {
                        break;
                    }
                }

                // stdin closed (or "q"): an interactive user is gone; a supervising process kills us instead.
                if (line == "q")
                {
                    quit.Set();
                }
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
