namespace Wearable.Cli;

/// <summary>
/// An error a user can act on: printed as one line plus a hint, never as a stack trace.
/// </summary>
public sealed class CliException : Exception
{
    public CliException(string message, string? hint = null, int exitCode = 1)
        : base(message)
    {
        Hint = hint;
        ExitCode = exitCode;
    }

    public string? Hint { get; }

    public int ExitCode { get; }
}
