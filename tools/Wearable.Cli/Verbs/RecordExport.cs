using System.CommandLine;
using Wearable.EdgeHost.Recording;

namespace Wearable.Cli.Verbs;

/// <summary>
/// <c>wearable record export FILE --format csv|npy|npz [--out PATH] [--force]</c>: a recording as CSV or
/// NumPy files with channel names, units, rate and annotations (<see cref="RecordingExport"/>). The
/// recording itself is only read.
/// </summary>
public static class RecordExport
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The EDF/EDF+/BDF recording to export (read only)." }.ExistingFile();
        var format = new Option<string>("--format") { Description = "csv (plus FILE.annotations.csv), npy (plus a .json of names, units, rate, annotations) or npz (one NumPy zip of all of it).", DefaultValueFactory = _ => "npz" }.OneOf("csv", "npy", "npz");
        var output = new Option<string?>("--out") { Description = "Output path (default: FILE with the format's extension)." }.OutputFile();
        var force = new Option<bool>("--force") { Description = "Replace existing output files." };
        var json = CommonOptions.Json();
        var export = new Command("export", "Export a recording to CSV or NumPy .npy/.npz with channel names, units, rate and annotations.")
        {
            file,
            format,
            output,
            force,
            json,
        };
        export.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(force), parse.GetValue(json)));
        return export;
    }

    private static int Run(string path, string formatName, string? output, bool force, bool json)
    {
        ExportFormat format = formatName switch
        {
            "csv" => ExportFormat.Csv,
            "npy" => ExportFormat.Npy,
            _ => ExportFormat.Npz,
        };
        output ??= Path.ChangeExtension(path, "." + formatName);
        ExportResult result;
        try
        {
            result = RecordingExport.Export(path, output, format, force);
        }
        catch (EdfFormatException ex)
        {
            throw new CliException(path + ": " + ex.Message, ex.Hint ?? "Export reads EDF, EDF+ and BDF files; 'wearable record repair' fixes one a crash cut short.");
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, "Export needs data signals at one rate; pass another --out if it names the recording.");
        }
        catch (IOException ex)
        {
            throw new CliException(ex.Message, "Pass --force to replace the files, or another --out.");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new CliException("Cannot write " + output + ": " + ex.Message, "Pick a writable --out.");
        }

        if (json)
        {
            JsonOutput.Write(result);
        }
        else
        {
            Console.Out.WriteLine("exported " + result.Channels + " channels x " + result.Samples + " samples at " + result.SampleRate + " Hz and " + result.Annotations + " annotations to " + string.Join(" and ", result.Files));
        }

        return 0;
    }
}
