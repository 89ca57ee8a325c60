using System.Collections.Concurrent;

namespace Wearable.Cli.Recordings;

/// <summary>
/// Free markers from the person at the console: on a terminal every key press is a marker ("key a",
/// "key 1", "key space"); with standard input redirected every line is a marker with that text, so a
/// script can pipe markers in. Lines are read on a background thread so the recording never waits.
/// </summary>
public sealed class ConsoleMarkerKeys : IMarkerKeys
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly bool _terminal;

    private ConsoleMarkerKeys(bool terminal)
    {
        _terminal = terminal;
    }

    public static ConsoleMarkerKeys Start()
    {
        if (!Console.IsInputRedirected)
        {
            return new ConsoleMarkerKeys(true);
        }

        var keys = new ConsoleMarkerKeys(false);
        var reader = new Thread(() =>
        {
            string? line;
            while ((line = Console.In.ReadLine()) is not null)
            {
                if (line.Trim().Length > 0)
                {
                    keys._lines.Enqueue(line.Trim());
                }
            }
        }) { IsBackground = true, Name = "marker-lines" };
        reader.Start();
        return keys;
    }

    public string? TryRead()
    {
        if (!_terminal)
        {
            return _lines.TryDequeue(out string? line) ? line : null;
        }

        if (!Console.KeyAvailable)
        {
            return null;
        }

        ConsoleKeyInfo key = Console.ReadKey(intercept: true);
        return "key " + (key.KeyChar is > ' ' and < (char)127 ? key.KeyChar.ToString() : key.Key.ToString().ToLowerInvariant());
    }
}
