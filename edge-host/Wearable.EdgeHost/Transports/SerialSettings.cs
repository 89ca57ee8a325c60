namespace Wearable.EdgeHost.Transports;

/// <summary>
/// How <see cref="SerialTransport"/> opens a port. The line is always 8 data bits, no parity, 1 stop bit,
/// no flow control, raw mode: the link protocol frames and checks its own bytes.
/// </summary>
public sealed record SerialSettings
{
    /// <summary>The UART rate the firmware uses (the link budget's rate).</summary>
    public const int DefaultBaudRate = 921600;

    /// <summary>Bits per second; any rate the driver accepts (921600 by default).</summary>
    public int BaudRate { get; init; } = DefaultBaudRate;

    /// <summary>Take an advisory exclusive lock (flock), so a second program opening the port gets "busy" instead of stolen bytes.</summary>
    public bool Exclusive { get; init; } = true;

    /// <summary>Discard bytes the driver buffered before we opened (stale halves of old frames).</summary>
    public bool DiscardOnOpen { get; init; } = true;

    /// <summary>Default read timeout; <see cref="Timeout.InfiniteTimeSpan"/> waits for data.</summary>
    public TimeSpan ReadTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Default write timeout; a device that stops reading must not hang the host forever.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
