namespace Wearable.Cli.Recordings;

/// <summary>
/// Where free markers typed during a recording come from: the keyboard on a terminal, lines on a
/// redirected standard input, or a test's script. Never blocks.
/// </summary>
public interface IMarkerKeys
{
    /// <summary>The next marker text typed since the last call, or null when there is none.</summary>
    string? TryRead();
}
