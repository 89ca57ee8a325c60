namespace Wearable.EdgeHost.Transports;

/// <summary>
/// A serial port problem with a message that says what happened and what to do about it
/// ("Port /dev/ttyUSB0 is busy: ... Hint: ..."), plus typed data for programs.
/// </summary>
public sealed class SerialException : IOException
{
    public SerialException(string port, SerialError error, string message, string hint)
        : base(message + " " + hint)
    {
        Port = port;
        Error = error;
        Hint = hint;
    }

    public string Port { get; }

    public SerialError Error { get; }

    public string Hint { get; }

    public static SerialException NotFound(string port) => new(
        port, SerialError.NotFound,
        "Port " + port + " does not exist.",
        "Hint: plug the device in and check 'wearable devices' (or ls /dev/ttyUSB* /dev/ttyACM*) for its path.");

    public static SerialException Busy(string port) => new(
        port, SerialError.Busy,
        "Port " + port + " is busy: another program has it open.",
        "Hint: close the other program using it (a serial monitor, another wearable session; see 'fuser " + port + "') or pass another port.");

    public static SerialException PermissionDenied(string port) => new(
        port, SerialError.PermissionDenied,
        "Port " + port + ": permission denied.",
        "Hint: add yourself to the group owning it ('sudo usermod -aG dialout $USER', then log in again) or add a udev rule.");

    public static SerialException NotASerialPort(string port, string why) => new(
        port, SerialError.NotASerialPort,
        "Port " + port + " is not a serial device (" + why + ").",
        "Hint: pass a terminal device such as /dev/ttyUSB0, /dev/ttyACM0 or a pseudo-terminal path from 'wearable simulate'.");

    public static SerialException UnsupportedBaudRate(string port, int baud) => new(
        port, SerialError.UnsupportedBaudRate,
        "Port " + port + ": baud rate " + baud + " is not a positive number of bits per second.",
        "Hint: use the rate the device runs at (the firmware uses " + SerialSettings.DefaultBaudRate + ").");

    public static SerialException Disconnected(string port) => new(
        port, SerialError.Disconnected,
        "Port " + port + " was disconnected (the device hung up).",
        "Hint: check the cable and reconnect; the session reconnects when the device comes back.");

    /// <summary>SerialPort.Open failed on a node that is a terminal we may open: the driver refused the settings.</summary>
    public static SerialException OpenFailed(string port, int baud, string detail) => new(
        port, SerialError.Other,
        "Port " + port + " could not be opened at " + baud + " baud: " + detail + ".",
        "Hint: check that the device is plugged in, not used elsewhere, and supports this baud rate.");
}
