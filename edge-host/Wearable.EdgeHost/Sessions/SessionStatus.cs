namespace Wearable.EdgeHost.Sessions;

/// <summary>Where a session's connection stands.</summary>
public enum SessionState
{
    Connected,
    Authenticated,
    Streaming,
    Stopped,
    LinkLost,
    Reconnecting,
    Reconnected,
    Failed,
    Closed,
}

/// <summary>A status change with a human-readable reason (what the CLI prints) and, for a lost link, the exception that ended it.</summary>
public sealed record SessionStatus(SessionState State, string Message, DateTimeOffset At, Exception? Cause = null);
