using Spectre.Console;

namespace Wearable.Cli.Devices;

/// <summary>
/// Progress bars only on a real terminal; a console built for the current <see cref="Console.Out"/>
/// rather than Spectre's static one, which would keep writing to whatever Console.Out was first.
/// </summary>
public static class ProgressConsole
{
    /// <summary>A console for a progress bar, or null when output is not a terminal (CI, pipes, tests).</summary>
    public static IAnsiConsole? TryCreate()
    {
        if (Console.IsOutputRedirected || Console.Out is StringWriter)
        {
            return null;
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        return console.Profile.Capabilities.Interactive ? console : null;
    }
}
