using System.CommandLine;
using Wearable.EdgeHost.Recording;

namespace Wearable.Cli.Verbs;

/// <summary>
/// <c>wearable record</c>: <c>--connect ... --out FILE.edf</c> records a device (<see cref="RecordStreaming"/>);
/// <c>repair</c> makes a recording left by a crash (record count -1 or too high, partial last record)
/// readable by every EDF reader again.
/// </summary>
public static class RecordCommand
{
    public static Command Create()
    {
        var command = new Command("record", "Record EDF+/BDF files and look after them.");
        command.Subcommands.Add(CreateRepair());
        RecordStreaming.AddTo(command);
        return command;
    }

    private static Command CreateRepair()
    {
        var file = new Argument<string>("FILE") { Description = "The EDF/EDF+/BDF recording to repair in place." }.ExistingFile();
        var json = CommonOptions.Json();
        var repair = new Command("repair", "Recompute the record count from the file size and cut a partial last record.")
        {
            file,
            json,
        };
        repair.SetAction(parse => Repair(parse.GetValue(file)!, parse.GetValue(json)));
        return repair;
    }

    private static int Repair(string path, bool json)
    {
        RepairResult result;
        try
        {
            result = RecordingRepair.Repair(path);
        }
        catch (FileNotFoundException)
        {
            throw new CliException("Recording " + path + " does not exist.", "Check the path; recordings end in .edf or .bdf.");
        }
        catch (EdfFormatException ex)
        {
            throw new CliException(
                path + ": " + ex.Message,
                ex.Hint ?? "Repair only fixes the record count and a partial last record; this file's header itself is damaged.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException("Cannot write " + path + ": permission denied.", "Repair changes the file in place; copy it somewhere writable first.");
        }

        if (json)
        {
            JsonOutput.Write(result);
            return 0;
        }

        if (!result.Changed)
        {
            Console.WriteLine(path + " is intact: " + result.Records + " data records; nothing changed.");
            return 0;
        }

        string before = result.HeaderRecordsBefore == -1 ? "unknown (-1)" : result.HeaderRecordsBefore.ToString();
        Console.WriteLine(
            "Repaired " + path + ": header said " + before + " data records, the file holds " + result.Records
            + " complete records of " + result.RecordBytes + " bytes" + (result.TruncatedBytes > 0 ? "; cut " + result.TruncatedBytes + " bytes of a partial record." : "."));
        return 0;
    }
}
