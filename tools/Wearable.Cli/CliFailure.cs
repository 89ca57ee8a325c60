using System.Net.Sockets;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;
using Wearable.EdgeHost.Transports;
using Wearable.Firmware.Profiles;
using Wearable.Hil.Rigs;
using Wearable.Hil.Running;
using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;

namespace Wearable.Cli;

/// <summary>
/// What the user reads when a verb fails: one line saying what is wrong, one saying what to do, and an
/// exit code (1 for a failure, 2 for a usage error). Every exception a verb lets through is mapped here,
/// in one place, so no verb needs its own catch to avoid printing a stack trace.
/// </summary>
public sealed record CliFailure(string Message, string? Hint, int ExitCode = CliFailure.Failed, bool Unexpected = false)
{
    /// <summary>Exit code of a failed run.</summary>
    public const int Failed = 1;

    /// <summary>Exit code of a command line the verb cannot accept.</summary>
    public const int Usage = 2;

    public static CliFailure From(Exception exception) => exception switch
    {
        CliException e => new(e.Message, e.Hint, e.ExitCode),
        AggregateException { InnerExceptions.Count: 1 } e => From(e.InnerExceptions[0]),
        DeviceNotPairedException e => new(e.Message, "Pair it first: 'wearable pair CONNECTION' while its pairing window is open."),
        DeviceLinkException e => new(e.Message, "Check that the device is on, runs the Wearable firmware, and that the connection string is right."),
        SerialException e => new(e.Message[..Math.Max(0, e.Message.Length - e.Hint.Length)].TrimEnd(), e.Hint.StartsWith("Hint: ", StringComparison.Ordinal) ? e.Hint[6..] : e.Hint),
        ModelFormatException e => new("Not a valid model file: " + e.Message, "The file is corrupt, truncated or from a newer format: re-export it ('wearable model inspect FILE' shows what is wrong)."),
        EdfFormatException e => new(e.Message, e.Hint ?? "The recording is not EDF/EDF+/BDF as written by 'wearable record'; 'wearable record repair FILE' fixes a file a crash cut short."),
        DatasetFormatException e => new(e.Message, "Pass --data with the dataset folder described in ../shared/data/README.md."),
        RigFileException e => new(e.Message, "See docs/hil.md for the rig file format."),
        HilTargetException e => new(e.Message, "Check the rig's target (or --target) and that the device runs the Wearable firmware; see docs/hil.md."),
        BudgetExceededException e => new(e.Message, "Pick a smaller model or a board with more RAM (--board); docs/firmware.md lists the budgets."),
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } e => new("The TCP port is already in use (" + e.Message + ").", "Pick another --port, or 0 for any free one."),
        SocketException e => new("Network error: " + e.Message, "Check the host and port of the connection string."),
        UnauthorizedAccessException e => new(e.Message, "Check the file's permissions (serial ports: add yourself to the dialout group and log in again)."),
        DirectoryNotFoundException e => new(e.Message, "Check the path; create missing folders first."),
        FileNotFoundException e => new(e.Message, "Check the path."),
        InvalidDataException e => new(e.Message, "The file is not in a format this verb reads; see the verb's --help."),
        IOException e => new(e.Message, "Check the path, free disk space and that no other program holds the file or port."),
        OperationCanceledException => new("Cancelled.", null),
        _ => new(
            "Unexpected " + exception.GetType().Name + ": " + exception.Message,
            "This is a bug in wearable: run the same command with --verbose and report the output.",
            Failed,
            Unexpected: true),
    };

    public void Print(TextWriter error)
    {
        error.WriteLine("error: " + OneLine(Message));
        if (Hint is not null)
        {
            error.WriteLine("hint: " + OneLine(Hint));
        }
    }

    // A wrapped message (e.g. from the OS) can hold new lines; the contract is one line per part.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
