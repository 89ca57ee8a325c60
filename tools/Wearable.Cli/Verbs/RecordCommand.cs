using System.CommandLine;
using Wearable.EdgeHost.Recording;

namespace Wearable.Cli.Verbs;

/// <summary>
/// <c>wearable record</c>: <c>--connect ... --out FILE.edf</c> records a device (<see cref="RecordStreaming"/>);
/// <c>repair</c> makes a recording left by a crash (record count -1 or one short, partial last record)
/// readable by every EDF reader again, keeping the original as a backup.
/// </summary>
public static class RecordCommand
{
    public static Command Create()
    {
        var command = new Command("record", "Record EDF+/BDF files and look after them.");
        command.Subcommands.Add(CreateRepair());
        command.Subcommands.Add(RecordFuzz.Create());
        command.Subcommands.Add(RecordExport.Create());
        RecordStreaming.AddTo(command);
        return command;
    }

    private static Command CreateRepair()
    {
        var file = new Argument<string>("FILE") { Description = "The EDF/EDF+/BDF recording to repair (the original is kept as FILE.before-repair)." }.ExistingFile();
        var dryRun = new Option<bool>("--dry-run") { Description = "Only say what a repair would do; change nothing." };
        var json = CommonOptions.Json();
        var repair = new Command("repair", "Fix what a crash leaves (record count, a torn last record), keeping the original as a backup.")
        {
            file,
            dryRun,
            json,
        };
        repair.SetAction(parse => Repair(parse.GetValue(file)!, parse.GetValue(dryRun), parse.GetValue(json)));
        return repair;
    }

    private static int Repair(string path, bool dryRun, bool json)
    {
        RepairResult result;
        try
        {
            result = RecordingRepair.Repair(path, dryRun);
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
            throw new CliException("Cannot write " + path + " or its backup: permission denied.", "Repair keeps a backup beside the file; copy it somewhere writable first.");
        }

        if (json)
        {
            JsonOutput.Write(result);
            return 0;
        }

        string kept = result.TrailingBytesKept > 0 ? " " + result.TrailingBytesKept + " bytes after the stated records are not data and were left as they are." : "";
        if (!result.Changed)
        {
            Console.WriteLine(path + " is intact: " + result.Records + " data records; nothing changed." + kept);
            return 0;
        }

        string before = result.HeaderRecordsBefore == -1 ? "unknown (-1)" : result.HeaderRecordsBefore.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string what = "header said " + before + " data records, the file holds " + result.Records
            + " complete records of " + result.RecordBytes + " bytes" + (result.TruncatedBytes > 0 ? "; cut " + result.TruncatedBytes + " bytes of a partial record" : "");
        Console.WriteLine(result.DryRun
            ? "Would repair " + path + ": " + what + ". Nothing changed (--dry-run)." + kept
            : "Repaired " + path + ": " + what + ". The original is kept as " + result.BackupPath + "." + kept);
        return 0;
    }
}
