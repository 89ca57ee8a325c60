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

    /// <summary>The baud rate is not one termios offers.</summary>
    UnsupportedBaudRate,

    /// <summary>The device went away while open (USB unplugged, peer closed the pseudo-terminal).</summary>
    Disconnected,

    /// <summary>Anything else the OS reported; the message carries its text.</summary>
    Other,
}

/// <summary>
/// A serial port problem with a message that says what happened and what to do about it
/// ("Port /dev/ttyUSB0 is busy: ... hint"), plus typed data for programs.
/// </summary>
public sealed class SerialException : IOException
{
    public SerialException(string port, SerialError error, int errno, string message, string hint)
        : base(message + " " + hint)
    {
        Port = port;
        Error = error;
        Errno = errno;
        Hint = hint;
    }

    public string Port { get; }

    public SerialError Error { get; }

    /// <summary>The errno the OS returned (0 when the failure is ours, e.g. an unsupported baud rate).</summary>
    public int Errno { get; }

    public string Hint { get; }

    /// <summary>Maps a failed open()/flock()/tcgetattr() errno to a message a user can act on.</summary>
    public static SerialException FromErrno(string port, int errno, string operation) => errno switch
    {
        LinuxTermios.ENoEnt or LinuxTermios.ENxio or LinuxTermios.ENoDev => new SerialException(
            port, SerialError.NotFound, errno,
            "Port " + port + " does not exist.",
            "Hint: plug the device in and check 'wearable devices' (or ls /dev/ttyUSB* /dev/ttyACM*) for its path."),
        LinuxTermios.EBusy or LinuxTermios.EAgain => new SerialException(
            port, SerialError.Busy, errno,
            "Port " + port + " is busy: another program has it open.",
            "Hint: close the other program using it (a serial monitor, another wearable session; see 'fuser " + port + "') or pass another port."),
        LinuxTermios.EAcces or LinuxTermios.EPerm => new SerialException(
            port, SerialError.PermissionDenied, errno,
            "Port " + port + ": permission denied.",
            "Hint: add yourself to the group owning it ('sudo usermod -aG dialout $USER', then log in again) or add a udev rule."),
        LinuxTermios.ENotTy or LinuxTermios.EIsDir => new SerialException(
            port, SerialError.NotASerialPort, errno,
            "Port " + port + " is not a serial device (" + operation + ": " + LinuxTermios.Describe(errno) + ").",
            "Hint: pass a terminal device such as /dev/ttyUSB0, /dev/ttyACM0 or a pseudo-terminal path from 'wearable simulate'."),
        LinuxTermios.EIo => new SerialException(
            port, SerialError.Disconnected, errno,
            "Port " + port + " was disconnected (" + operation + ": " + LinuxTermios.Describe(errno) + ").",
            "Hint: check the cable and reconnect; the session reconnects when the device comes back."),
        _ => new SerialException(
            port, SerialError.Other, errno,
            "Port " + port + ": " + operation + " failed: " + LinuxTermios.Describe(errno) + " (errno " + errno + ").",
            "Hint: check that the device is plugged in and not used elsewhere."),
    };
}
