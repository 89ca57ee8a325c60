namespace Wearable.EdgeHost.Transports;

/// <summary>Why a serial operation failed, for programs that react differently (retry when busy, reconnect when disconnected).</summary>
public enum SerialError
{
    /// <summary>No such device node (unplugged, or a wrong path).</summary>
    NotFound,

    /// <summary>Another program holds the port.</summary>
    Busy,

    /// <summary>The user may not open the device node.</summary>
    PermissionDenied,

    /// <summary>The path exists but is not a terminal device (a regular file, a directory).</summary>
    NotASerialPort,

    /// <summary>The driver would not take the baud rate.</summary>
    UnsupportedBaudRate,

    /// <summary>The device went away while open (USB unplugged, peer closed the pseudo-terminal).</summary>
    Disconnected,

    /// <summary>Anything else the OS reported; the message carries its text.</summary>
    Other,
}
