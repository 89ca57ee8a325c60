using System.CommandLine;
using System.Globalization;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Eeg;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable eval --task ssvep|alpha`: the ear-EEG detectors measured pseudo-online on the real
/// recordings (Muse SSVEP; eegmmidb S001 eyes open / closed), the device's integer pipeline beside
/// its double-precision reference on the same windows (docs/eeg.md).
/// </summary>
public sealed class EegEvalOptions
{
    public Option<string> Task { get; } = new Option<string>("--task") { Description = "gesture (default), ssvep (Muse behind-the-ear SSVEP) or alpha (eyes closed, eegmmidb S001 R01/R02).", DefaultValueFactory = _ => "gesture" }.OneOf("gesture", "ssvep", "alpha");
    public Option<DirectoryInfo?> EegData { get; } = new Option<DirectoryInfo?>("--eeg-data") { Description = "ssvep: folder of Muse CSV files (searched recursively; default ../shared/data/eeg/muse-ssvep); alpha: folder with S001R01.edf and S001R02.edf (default ../shared/data/eeg/eegmmidb-S001)." }.ExistingFolder();
    public Option<string?> Windows { get; } = new Option<string?>("--windows") { Description = "Window lengths in seconds, comma separated (ssvep default 0.5,1,2,3; alpha 1,2,4)." }.Matches(@"\d{1,3}(\.\d{1,3})?(,\d{1,3}(\.\d{1,3})?){0,15}", "window lengths in seconds, comma separated (e.g. 0.5,1,2)");
    public Option<string?> Channels { get; } = new Option<string?>("--channels") { Description = "Channel names (ssvep default TP9,TP10; alpha Tp7,Tp8, e.g. O1,O2 for the occipital comparison)." }.Matches(@"[A-Za-z0-9_.-]{1,32}(,[A-Za-z0-9_.-]{1,32}){0,31}", "channel names, comma separated (e.g. TP9,TP10)");
    public Option<int> Harmonics { get; } = new Option<int>("--harmonics") { Description = "ssvep: harmonics in the CCA reference set (1..4).", DefaultValueFactory = _ => 2 }.InRange(1, 4);
    public Option<double> Mains { get; } = new Option<double>("--mains") { Description = "Mains notch in Hz (60 for these North American recordings; 0 = none).", DefaultValueFactory = _ => 60 }.InRange(0, 1000);

    public void AddTo(Command command)
    {
        command.Options.Add(Task);
        command.Options.Add(EegData);
        command.Options.Add(Windows);
        command.Options.Add(Channels);
        command.Options.Add(Harmonics);
        command.Options.Add(Mains);
    }

    /// <summary>Runs the EEG task when one was asked for; null for the gesture tasks.</summary>
    public int? TryRun(ParseResult parse, bool json)
    {
        string task = parse.GetValue(Task)!;
        if (task == "gesture")
        {
            return null;
        }

        if (task is not ("ssvep" or "alpha"))
        {
            throw new CliException("Unknown --task '" + task + "'.", "Use gesture, ssvep or alpha.");
        }

        double[]? windows = ParseWindows(parse.GetValue(Windows));
        string[]? channels = parse.GetValue(Channels)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int harmonics = parse.GetValue(Harmonics);
        if (harmonics is < 1 or > 4)
        {
            throw new CliException("--harmonics must be 1..4; got " + harmonics + ".", "Try --harmonics 2.");
        }

        try
        {
            return task == "ssvep"
                ? RunSsvep(parse.GetValue(EegData), windows, channels, harmonics, parse.GetValue(Mains), json)
                : RunAlpha(parse.GetValue(EegData), windows, channels, parse.GetValue(Mains), json);
        }
        catch (DatasetFormatException ex)
        {
            throw new CliException(ex.Message, "Check the file, or pass --eeg-data and --channels for your own recordings.");
        }
    }

    private static int RunSsvep(DirectoryInfo? folder, double[]? windows, string[]? channels, int harmonics, double mains, bool json)
    {
        string root = folder?.FullName ?? SharedEeg("muse-ssvep");
        if (!Directory.Exists(root))
        {
            throw new CliException("No folder " + root + ".", "Pass --eeg-data <folder of Muse CSV files>.");
        }

        var files = Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new CliException("No .csv files under " + root + ".", "Pass --eeg-data <folder of Muse CSV files>.");
        }

        var options = new SsvepEvaluationOptions { Harmonics = harmonics, MainsHz = mains };
        options = options with { WindowsSeconds = windows ?? options.WindowsSeconds, Channels = channels ?? options.Channels };
        // One damaged file (e.g. a timestamp that goes backwards) is reported and left out, not fatal.
        var recordings = new List<EegRecording>();
        var skipped = new List<string>();
        foreach (string file in files)
        {
            try
            {
                recordings.Add(EegRecording.Load(file, options.Channels));
            }
            catch (DatasetFormatException ex)
            {
                skipped.Add(ex.Message);
                Console.Error.WriteLine("warning: skipped " + ex.Message);
            }
        }

        if (recordings.Count == 0)
        {
            throw new CliException("None of the " + files.Count + " files under " + root + " could be read.", "See the warnings above.");
        }

        SsvepEvaluationResult result = SsvepEvaluation.Run(recordings, options);
        SsvepWindowResult primary = Primary(result.Windows, r => r.WindowSeconds, 2);
        if (json)
        {
            JsonOutput.Write(new
            {
                task = "ssvep",
                windowSeconds = primary.WindowSeconds,
                accuracy = Math.Round(primary.FixedAccuracy, 4),
                itrBitsPerMinute = Math.Round(primary.FixedItrBitsPerMinute, 2),
                floatAccuracy = Math.Round(primary.FloatAccuracy, 4),
                floatItrBitsPerMinute = Math.Round(primary.FloatItrBitsPerMinute, 2),
                falseDetectionsPerMinuteAtRest = Math.Round(primary.FalseDetectionsPerMinuteAtRest, 2),
                decisionLatencySeconds = Math.Round(primary.DecisionLatencySeconds, 3),
                protocol = "Muse " + string.Join("/", options.Channels) + ", targets 30/20 Hz, " + harmonics + " harmonics, decision every " + options.Hop + " samples; a trial's decision is the first window wholly after its marker; accuracy per file then mean; ITR (Wolpaw, 2 targets) over the decision latency; threshold leave-one-session-out",
                windows = result.Windows.Select(w => new
                {
                    windowSeconds = w.WindowSeconds,
                    trials = w.Trials,
                    rejectedTrials = w.Rejected,
                    accuracy = Math.Round(w.FixedAccuracy, 4),
                    floatAccuracy = Math.Round(w.FloatAccuracy, 4),
                    itrBitsPerMinute = Math.Round(w.FixedItrBitsPerMinute, 2),
                    floatItrBitsPerMinute = Math.Round(w.FloatItrBitsPerMinute, 2),
                    decisionLatencySeconds = Math.Round(w.DecisionLatencySeconds, 3),
                    agreement = Math.Round(w.Agreement, 4),
                    maxRhoDifference = Math.Round(w.MaxRhoDifference, 4),
                    detectionRate = Math.Round(w.DetectionRateWithThreshold, 4),
                    accuracyOfDetections = Math.Round(w.AccuracyOfDetections, 4),
                    restMinutes = Math.Round(w.RestMinutes, 2),
                    falseDetectionsPerMinuteAtRest = Math.Round(w.FalseDetectionsPerMinuteAtRest, 2),
                }),
                skippedFiles = skipped,
                files = result.Files.Select(f => new
                {
                    file = Path.GetRelativePath(root, f.File),
                    person = f.Person,
                    session = f.Session,
                    windowSeconds = f.WindowSeconds,
                    trials = f.Trials,
                    rejectedTrials = f.Rejected,
                    accuracy = Math.Round(f.FixedAccuracy, 4),
                    floatAccuracy = Math.Round(f.FloatAccuracy, 4),
                }),
            });
            return 0;
        }

        Console.WriteLine($"SSVEP (Muse {string.Join("/", options.Channels)}, 30 vs 20 Hz, {recordings.Count} files, {skipped.Count} skipped): fixed-point CCA vs double standard CCA on the same windows");
        Console.WriteLine("window  trials rejected  fixed   float   ITR fixed/float bits/min  latency  agree  detected  acc@det  false/min at rest");
        foreach (SsvepWindowResult w in result.Windows)
        {
            Console.WriteLine($"{w.WindowSeconds,5:0.0} s {w.Trials,7} {w.Rejected,8}  {w.FixedAccuracy,6:P1} {w.FloatAccuracy,6:P1}   {w.FixedItrBitsPerMinute,6:0.00} / {w.FloatItrBitsPerMinute,6:0.00}          {w.DecisionLatencySeconds,5:0.00} s  {w.Agreement,5:P0}  {w.DetectionRateWithThreshold,7:P0}  {w.AccuracyOfDetections,6:P1}  {w.FalseDetectionsPerMinuteAtRest,5:0.0} ({w.RestMinutes:0.0} min)");
        }

        return 0;
    }

    private static int RunAlpha(DirectoryInfo? folder, double[]? windows, string[]? channels, double mains, bool json)
    {
        string root = folder?.FullName ?? SharedEeg("eegmmidb-S001");
        string open = Path.Combine(root, "S001R01.edf");
        string closed = Path.Combine(root, "S001R02.edf");
        if (!File.Exists(open) || !File.Exists(closed))
        {
            throw new CliException("Need S001R01.edf (eyes open) and S001R02.edf (eyes closed) in " + root + ".", "Pass --eeg-data <eegmmidb-S001 folder>.");
        }

        var options = new AlphaEvaluationOptions { MainsHz = mains };
        options = options with { WindowsSeconds = windows ?? options.WindowsSeconds, Channels = channels ?? options.Channels };
        var results = AlphaEvaluation.Run(open, closed, options);
        AlphaWindowResult primary = Primary(results, r => r.WindowSeconds, 2);
        if (json)
        {
            JsonOutput.Write(new
            {
                task = "alpha",
                windowSeconds = primary.WindowSeconds,
                accuracy = Math.Round(primary.FixedAccuracy, 4),
                itrBitsPerMinute = Math.Round(primary.FixedItrBitsPerMinute, 2),
                floatAccuracy = Math.Round(primary.FloatAccuracy, 4),
                floatItrBitsPerMinute = Math.Round(primary.FloatItrBitsPerMinute, 2),
                falseDetectionsPerMinuteAtRest = Math.Round(primary.FixedFalseDetectionsPerMinuteAtRest, 2),
                decisionLatencySeconds = Math.Round(primary.FixedDecisionLatencySeconds, 3),
                protocol = "eegmmidb S001 R01 eyes open vs R02 eyes closed, " + string.Join("/", options.Channels) + ", decision every " + options.HopSeconds + " s; threshold trained on one half of each run, tested on the other (2 folds); balanced accuracy; ITR (Wolpaw, 2 classes) over the window; false detections = 'closed' onsets in the eyes-open test half; latency from the open->closed splice",
                windows = results.Select(w => new
                {
                    windowSeconds = w.WindowSeconds,
                    testWindows = w.TestWindows,
                    rejectedWindows = w.Rejected,
                    accuracy = Math.Round(w.FixedAccuracy, 4),
                    floatAccuracy = Math.Round(w.FloatAccuracy, 4),
                    itrBitsPerMinute = Math.Round(w.FixedItrBitsPerMinute, 2),
                    floatItrBitsPerMinute = Math.Round(w.FloatItrBitsPerMinute, 2),
                    falseDetectionsPerMinuteAtRest = Math.Round(w.FixedFalseDetectionsPerMinuteAtRest, 2),
                    floatFalseDetectionsPerMinuteAtRest = Math.Round(w.FloatFalseDetectionsPerMinuteAtRest, 2),
                    decisionLatencySeconds = Math.Round(w.FixedDecisionLatencySeconds, 3),
                    floatDecisionLatencySeconds = Math.Round(w.FloatDecisionLatencySeconds, 3),
                    agreement = Math.Round(w.Agreement, 4),
                    maxShareDifference = Math.Round(w.MaxShareDifference, 5),
                    thresholds = w.FixedThresholds,
                }),
            });
            return 0;
        }

        Console.WriteLine($"Alpha / eyes closed (eegmmidb S001, {string.Join("/", options.Channels)}): fixed-point pipeline vs double reference on the same windows");
        Console.WriteLine("window  test  fixed   float   ITR fixed/float bits/min  false/min at rest f/f  latency f/f     agree");
        foreach (AlphaWindowResult w in results)
        {
            Console.WriteLine($"{w.WindowSeconds,4:0.0} s {w.TestWindows,5}  {w.FixedAccuracy,6:P1} {w.FloatAccuracy,6:P1}   {w.FixedItrBitsPerMinute,6:0.00} / {w.FloatItrBitsPerMinute,6:0.00}          {w.FixedFalseDetectionsPerMinuteAtRest,4:0.0} / {w.FloatFalseDetectionsPerMinuteAtRest,4:0.0}          {w.FixedDecisionLatencySeconds,5:0.00} / {w.FloatDecisionLatencySeconds,5:0.00} s  {w.Agreement,5:P0}");
        }

        return 0;
    }

    private static T Primary<T>(IReadOnlyList<T> results, Func<T, double> seconds, double preferred) =>
        results.FirstOrDefault(r => seconds(r) == preferred) ?? results[^1];

    private static double[]? ParseWindows(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var values = new List<double>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v <= 0 || v > 16)
            {
                throw new CliException("--windows takes seconds between 0 and 16, comma separated; got '" + part + "'.", "Try --windows 0.5,1,2.");
            }

            values.Add(v);
        }

        return [.. values];
    }

    private static string SharedEeg(string name) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(GestureOptions.DefaultDataPath())!)!, "eeg", name);
}
