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

    /// <summary>The device reported that its sample ring overflowed (the lost blocks show as a counter gap).</summary>
    DeviceOverflow,

    /// <summary>The block counter jumped without the matching time step; counting started over.</summary>
    Resynchronised,
}

/// <summary>A status change with a human-readable reason (what the CLI prints) and, for a lost link, the exception that ended it.</summary>
public sealed record SessionStatus(SessionState State, string Message, DateTimeOffset At, Exception? Cause = null);
