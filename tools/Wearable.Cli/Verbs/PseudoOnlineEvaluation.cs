using System.CommandLine;
using Wearable.Kernels.Gesture;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.ModelFiles;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable eval --dataset myo-readings`: pseudo-online per participant (train on sessions 1-2, stream
/// session 3). Float by default; with --fixed the int8 file the device would run, replayed through the
/// shared ModelPipeline with its gesture_decision logic; with --model one given file, no training.
/// </summary>
internal sealed class PseudoOnlineEvaluation
{
    public Option<string> Decision { get; } = new Option<string>("--decision")
    {
        Description = "myo-readings --fixed: tuned (gesture_decision tuned on the other participants), default (the documented defaults) or none (argmax every hop).",
        DefaultValueFactory = _ => "tuned",
    }.OneOf("tuned", "default", "none");

    public Option<string> Labels { get; } = new Option<string>("--labels")
    {
        Description = "myo-readings --fixed: which labels train the network and tune the decision: prompt (as recorded, a gesture starts at its prompt) or activity (realigned to the muscle onset and release found in the recording's envelope). Both scorings are reported either way.",
        DefaultValueFactory = _ => "prompt",
    }.OneOf("prompt", "activity");

    public Option<string> Windows { get; } = new Option<string>("--windows")
    {
        Description = "myo-readings: training windows that span a label change: skip (only windows inside one label) or last-frame (kept, labelled by their newest frame, as each decision is scored).",
        DefaultValueFactory = _ => "skip",
    }.OneOf("skip", "last-frame");

    public Option<int> Window { get; } = new Option<int>("--window")
    {
        Description = "myo-readings: frames (at 200 Hz) each decision sees; the protocol's 52 (260 ms) by default. A shorter window fills with a new gesture sooner, so decisions follow the muscle onset sooner, at some cost in accuracy.",
        DefaultValueFactory = _ => MyoArmbandProtocol.WindowLength,
    }.InRange(16, 200);

    public Option<int> CalibrateRepetitions { get; } = new Option<int>("--calibrate-reps")
    {
        Description = "myo-readings --fixed: the band is put on again for the test session, so calibrate each participant's model on the session's first N cued repetitions (10 s of every file each; band alignment + full fine-tuning, as `train --calibrate`; with --tune-gates the envelope gate may also be set relative to the wearer's rest measured there) and score only the rest of the session. 0 = no calibration.",
        DefaultValueFactory = _ => 0,
    }.InRange(0, 3);

    public Option<string> Pretrain { get; } = new Option<string>("--pretrain")
    {
        Description = "myo-readings --fixed: pooled (first train one network on the training sessions of every participant in --people, never a test session, then fine-tune it per participant) or none.",
        DefaultValueFactory = _ => "none",
    }.OneOf("none", "pooled");

    public Option<bool> TuneGates { get; } = new Option<bool>("--tune-gates")
    {
        Description = "myo-readings --decision tuned: also try envelope gates (absolute levels, and for calibrated wearers multiples of their own rest level). Off by default: gates tuned on other people rejected a held-out wearer's weak gestures.",
    };

    public Option<FileInfo?> DecisionOut { get; } = new Option<FileInfo?>("--decision-out")
    {
        Description = "myo-readings --fixed: also tune gesture_decision on every participant (for a new wearer; not a held-out figure) and write it as JSON for `wearable model decision --decision FILE`.",
    }.OutputFile();

    public void AddTo(Command command)
    {
        command.Options.Add(Decision);
        command.Options.Add(Labels);
        command.Options.Add(Pretrain);
        command.Options.Add(Windows);
        command.Options.Add(Window);
        command.Options.Add(CalibrateRepetitions);
        command.Options.Add(TuneGates);
        command.Options.Add(DecisionOut);
    }

    public static MyoReadingsDataset Dataset(DirectoryInfo? folder)
    {
        string path = folder?.FullName ?? Path.Combine(Path.GetDirectoryName(GestureOptions.DefaultDataPath())!, "myo-readings");
        try
        {
            return new MyoReadingsDataset(path);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message, "Pass --readings <path to emg/myo-readings>.");
        }
    }

    /// <summary>"paper" and "all" mean every participant; otherwise a comma list of participant ids.</summary>
    public static IReadOnlyList<string> Participants(MyoReadingsDataset data, string selection)
    {
        var all = data.Participants.ToList();
        if (selection is "all" or "paper")
        {
            return all;
        }

        var names = selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !all.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliException("Unknown myo-readings participant " + string.Join(", ", unknown) + ".", "Use all, or ids from: " + string.Join(", ", all) + ".");
        }

        return all.Where(names.Contains).ToList();
    }

    public static int RunFloat(MyoReadingsDataset data, IReadOnlyList<string> participants, MyoProtocolOptions options, StreamingOptions streaming, bool json)
    {
        TrainCommand.NewNetwork(options, options.StreamWindowLength, MyoReadingsReader.Channels, MyoReadingsExperiment.Classes); // validates --spec and --window before the long run
        var results = MyoReadingsExperiment.Run(data, options, streaming, participants, json ? null : Console.Out.WriteLine);
        double Mean(Func<StreamingResult, double> f) => results.Count == 0 ? double.NaN : Math.Round(results.Average(r => f(r.Result)), 4);
        var pooled = results.SelectMany(r => r.Result.LatenciesMs).Order().ToList();
        if (json)
        {
            JsonOutput.Write(new
            {
                protocol = "myo-readings pseudo-online: per participant train on sessions 1-2, stream session 3; decision every " + streaming.Hop + " frames, vote " + streaming.Vote,
                arithmetic = "float32",
                spec = options.Spec,
                accuracy = Mean(r => r.Accuracy),
                nmcc = Mean(r => r.NormalizedMcc),
                falseActivationsPerMinute = Mean(r => r.FalseActivationsPerMinute),
                onsetLatencyMsMedian = StreamScorer.Median(pooled),
                onsetLatencyMsP90 = StreamScorer.Percentile(pooled, 0.9),
                participants = results.Select(r => Participant(r.Participant, r.TestSession, r.Result)),
            });
        }
        else
        {
            Console.Out.WriteLine("mean: " + Summary(results.Select(r => r.Result).ToList()));
        }

        return 0;
    }

    public int RunDevice(ParseResult parse, MyoReadingsDataset data, IReadOnlyList<string> participants, MyoProtocolOptions options, StreamingOptions streaming, string? from, bool json)
    {
        bool pretrainPooled = parse.GetValue(Pretrain) == "pooled";
        if (pretrainPooled && from is not null)
        {
            throw new CliException("--pretrain pooled and --from both choose where training starts.", "Keep one of them.", exitCode: 2);
        }

        string which = parse.GetValue(Decision)!;
        var source = which switch { "tuned" => DecisionSource.TunedOnOthers, "default" => DecisionSource.Given, _ => DecisionSource.None };
        if (source == DecisionSource.TunedOnOthers && participants.Count < 2)
        {
            throw new CliException("--decision tuned tunes on the other participants and needs at least two in --people.", "Add participants, or use --decision default.");
        }

        Func<IClassifierModel>? start = null;
        if (from is not null)
        {
            var probe = TrainCommand.LoadModels(from);
            if (probe.Classes != MyoReadingsExperiment.Classes || probe.InputChannels != MyoReadingsReader.Channels)
            {
                throw new CliException(
                    from + " decides " + probe.Classes + " classes from " + probe.InputChannels + " channels; myo-readings has " + MyoReadingsExperiment.Classes + " classes (rest + 7) and " + MyoReadingsReader.Channels + " channels.",
                    "Fine-tune a model trained on myo-readings-style data, or drop --from.");
            }

            if (parse.GetResult(Window) is { Implicit: false } && probe.InputLength != options.StreamWindowLength)
            {
                throw new CliException(
                    from + " decides from windows of " + probe.InputLength + " frames; --window asks for " + options.StreamWindowLength + ".",
                    "Drop --window (fine-tuning keeps the start model's window), or drop --from.", exitCode: 2);
            }

            start = () => TrainCommand.LoadModels(from);
        }
        else
        {
            TrainCommand.NewNetwork(options, options.StreamWindowLength, MyoReadingsReader.Channels, MyoReadingsExperiment.Classes); // validates --spec and --window before the long run
        }

        string labels = parse.GetValue(Labels)!;
        FileInfo? decisionOut = parse.GetValue(DecisionOut);
        if (decisionOut is not null && source != DecisionSource.TunedOnOthers)
        {
            throw new CliException("--decision-out writes a tuned decision and needs --decision tuned.", "Add --decision tuned, or drop --decision-out.", exitCode: 2);
        }

        if (decisionOut is not null && parse.GetValue(CalibrateRepetitions) > 0 && parse.GetValue(TuneGates))
        {
            throw new CliException("--decision-out writes one setting for every wearer; with --calibrate-reps and --tune-gates the envelope gate may be set per wearer from the calibration.", "Drop --tune-gates or --calibrate-reps to write a decision file.", exitCode: 2);
        }

        TunedDecision? onAll = null;
        var results = DeviceStreamingExperiment.Run(
            data, options, streaming, participants, start, source, source == DecisionSource.Given ? GestureDecisionDefaults.MyoReadings : null, json ? null : Console.Out.WriteLine,
            labels == "activity" ? LabelAlignment.Activity : LabelAlignment.Prompt, decisionOut is null ? null : t => onAll = t, pretrainPooled, parse.GetValue(CalibrateRepetitions), parse.GetValue(TuneGates));
        if (decisionOut is not null && onAll is not null)
        {
            try
            {
                File.WriteAllText(decisionOut.FullName, GestureDecisionFile.Serialize(onAll.Parameters) + Environment.NewLine);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException("Cannot write " + decisionOut.FullName + ": " + ex.Message, "Choose another path with --decision-out.");
            }

            if (!json)
            {
                Console.Out.WriteLine("wrote " + decisionOut.FullName + ": gesture_decision tuned on all participants, " + DeviceStreamingExperiment.DescribeDecision(onAll.Parameters));
            }
        }

        WriteDevice(
            results.Select(r => (r.Participant, r.TestSession, r.Int8)).ToList(),
            results.Select(r => (r.Participant, r.TestSession, r.Int8FromMuscleOnset!)).ToList(),
            results.SelectMany(r => r.Onsets).ToList(),
            json,
            "int8 post-training quantized per participant (trained and decision tuned on " + labels + " labels), run on the shared ModelPipeline (front end, ModelRunner every " + streaming.Hop + " frames, gesture_decision: " + which + ")",
            extra: new
        {
            spec = options.Spec,
            pretrained = pretrainPooled ? "pooled: the training sessions of every participant in --people" : from,
            calibrationRepetitions = parse.GetValue(CalibrateRepetitions),
            trainingWindows = parse.GetValue(Windows),
            windowFrames = options.StreamWindowLength,
            decisionTuning = source == DecisionSource.TunedOnOthers
                ? "per participant, the grid setting whose worst other participant scores best: nMCC - 0.2 x (false activations/min above 0.5) - 0.003 x (median onset ms above 190)" + (parse.GetValue(TuneGates) ? ", envelope gates tried" : ", no envelope gate")
                : null,
            floatAccuracy = Math.Round(results.Average(r => r.Float.Accuracy), 4),
            floatNmcc = Math.Round(results.Average(r => r.Float.NormalizedMcc), 4),
            floatFalseActivationsPerMinute = Math.Round(results.Average(r => r.Float.FalseActivationsPerMinute), 2),
            int8ArgmaxAccuracy = Math.Round(results.Average(r => r.Int8Argmax.Accuracy), 4),
            int8ArgmaxNmcc = Math.Round(results.Average(r => r.Int8Argmax.NormalizedMcc), 4),
            int8ArgmaxFalseActivationsPerMinute = Math.Round(results.Average(r => r.Int8Argmax.FalseActivationsPerMinute), 2),
            int8ArgmaxOnsetLatencyMsMedian = StreamScorer.Median(results.SelectMany(r => r.Int8Argmax.LatenciesMs).Order().ToList()),
            decisionTunedOnAll = onAll is null ? null : GestureDecisionFile.ToJson(onAll.Parameters),
            decisions = results.Select(r => new { participant = r.Participant, decision = r.Decision is null ? null : DeviceStreamingExperiment.DescribeDecision(r.Decision), parameters = r.Decision is null ? null : GestureDecisionFile.ToJson(r.Decision) }),
        });
        if (!json)
        {
            Console.Out.WriteLine("float mean: " + Summary(results.Select(r => r.Float).ToList()));
            Console.Out.WriteLine("int8 argmax mean: " + Summary(results.Select(r => r.Int8Argmax).ToList()));
        }

        return 0;
    }

    public static int RunModelFile(MyoReadingsDataset data, IReadOnlyList<string> participants, FileInfo file, StreamingOptions streaming, bool json)
    {
        byte[] bytes = File.ReadAllBytes(file.FullName);
        int classes;
        try
        {
            var model = Wearable.Kernels.Model.ModelReader.Read(bytes);
            classes = model.HasCnn ? model.Tensors[model.GraphOutput].Channels : model.Labels.Length;
        }
        catch (Wearable.Kernels.Model.ModelFormatException ex)
        {
            throw new CliException(file.Name + " is not a model file: " + ex.Message, "Check it with `wearable model inspect " + file.Name + "`.");
        }

        if (classes != MyoReadingsExperiment.Classes)
        {
            throw new CliException(
                file.Name + " decides " + classes + " classes; myo-readings has " + MyoReadingsExperiment.Classes + " (rest + 7 gestures).",
                "Score it on its own dataset, or make a myo-readings model with `wearable eval --dataset myo-readings --fixed`.");
        }

        var rows = new List<(string, string, StreamingResult)>();
        var aligned = new List<(string, string, StreamingResult)>();
        var onsets = new List<GestureOnset>();
        foreach (string participant in participants)
        {
            var test = data.Sessions.Where(s => s.Participant == participant).ToList()[^1];
            StreamingResult result;
            try
            {
                var recordings = data.Load(test);
                var found = recordings.Select(r => MuscleOnsetReference.Find(r, streaming.RestLabel)).ToList();
                onsets.AddRange(found.SelectMany(o => o));
                result = DeviceStreamingEvaluation.Run(bytes, recordings, streaming);
                aligned.Add((participant, test.Session, DeviceStreamingEvaluation.Run(bytes, recordings.Select((r, i) => MuscleOnsetReference.AlignToActivity(r, found[i], streaming.RestLabel)), streaming)));
            }
            catch (Exception ex) when (ex is Wearable.Kernels.Model.ModelFormatException or ArgumentException or InvalidOperationException)
            {
                throw new CliException(file.Name + " cannot run on myo-readings: " + ex.Message, "Check it with `wearable model inspect " + file.Name + "`.");
            }

            rows.Add((participant, test.Session, result));
            if (!json)
            {
                Console.Out.WriteLine(participant + " (session " + test.Session + "): " + DeviceStreamingExperiment.Describe(result));
            }
        }

        WriteDevice(rows, aligned, onsets, json, "the model file as is on the shared ModelPipeline (its hop and gesture_decision section), no training", new { model = file.FullName });
        return 0;
    }

    private static void WriteDevice(
        IReadOnlyList<(string Participant, string Session, StreamingResult Result)> rows, IReadOnlyList<(string Participant, string Session, StreamingResult Result)> fromOnset,
        IReadOnlyList<GestureOnset> onsets, bool json, string arithmetic, object extra)
    {
        var pooled = rows.SelectMany(r => r.Result.LatenciesMs).Order().ToList();
        double Mean(Func<StreamingResult, double> f) => rows.Count == 0 ? double.NaN : Math.Round(rows.Average(r => f(r.Result)), 4);
        var reactions = onsets.Where(o => o.Found).Select(o => o.ReactionFrames * 1000.0 / MyoReadingsReader.SampleRate).Order().ToList();
        var releaseLags = onsets.Where(o => o.ReleaseFound).Select(o => o.ReleaseLagFrames * 1000.0 / MyoReadingsReader.SampleRate).Order().ToList();
        if (json)
        {
            var alignedPooled = fromOnset.SelectMany(r => r.Result.LatenciesMs).Order().ToList();
            double AlignedMean(Func<StreamingResult, double> f) => fromOnset.Count == 0 ? double.NaN : Math.Round(fromOnset.Average(r => f(r.Result)), 4);
            JsonOutput.Write(new
            {
                protocol = "myo-readings pseudo-online: per participant stream session 3 (8 classes with rest); accuracy, nMCC and false activations are means over participants, latencies pooled over their onsets. Top level: scored against the recorded labels, latency from the prompt; fromMuscleOnset: the same decisions scored against labels realigned to the muscle onset, latency from that onset",
                arithmetic,
                accuracy = Mean(r => r.Accuracy),
                nmcc = Mean(r => r.NormalizedMcc),
                falseActivationsPerMinute = Mean(r => r.FalseActivationsPerMinute),
                onsetLatencyMsMedian = StreamScorer.Median(pooled),
                onsetLatencyMsP90 = StreamScorer.Percentile(pooled, 0.9),
                fromMuscleOnset = new
                {
                    reference = "per prompted gesture the first frame from 500 ms before the prompt where the envelope (sum of |sample|, centred 55 ms mean) rises above the clean-rest median + 3 robust SD for 50 ms (the prompt when none); the label ends where the envelope falls below that level for 50 ms, searched from 500 ms before the label's end to 2.5 s after it (the label's end when none)",
                    accuracy = AlignedMean(r => r.Accuracy),
                    nmcc = AlignedMean(r => r.NormalizedMcc),
                    falseActivationsPerMinute = AlignedMean(r => r.FalseActivationsPerMinute),
                    onsetLatencyMsMedian = StreamScorer.Median(alignedPooled),
                    onsetLatencyMsP90 = StreamScorer.Percentile(alignedPooled, 0.9),
                    muscleOnsetsFound = onsets.Count(o => o.Found),
                    promptedGestures = onsets.Count,
                    reactionMsMedian = StreamScorer.Median(reactions),
                    reactionMsP10 = StreamScorer.Percentile(reactions, 0.1),
                    reactionMsP90 = StreamScorer.Percentile(reactions, 0.9),
                    releasesFound = onsets.Count(o => o.ReleaseFound),
                    releaseLagMsMedian = StreamScorer.Median(releaseLags),
                    participants = fromOnset.Select(r => Participant(r.Participant, r.Session, r.Result)),
                },
                participants = rows.Select(r => Participant(r.Participant, r.Session, r.Result)),
                details = extra,
            });
        }
        else
        {
            Console.Out.WriteLine("int8 mean (recorded labels, latency from the prompt): " + Summary(rows.Select(r => r.Result).ToList()));
            Console.Out.WriteLine("int8 mean (labels aligned to the muscle onset and release, latency from the onset): " + Summary(fromOnset.Select(r => r.Result).ToList()));
            Console.Out.WriteLine("muscle onset found for " + onsets.Count(o => o.Found) + " of " + onsets.Count + " prompted gestures; reaction (prompt to onset) median " + StreamScorer.Median(reactions).ToString("F0") + " ms; release found for " + onsets.Count(o => o.ReleaseFound) + ", lag (label end to release) median " + StreamScorer.Median(releaseLags).ToString("F0") + " ms");
        }
    }

    private static object Participant(string participant, string session, StreamingResult r) => new
    {
        participant,
        testSession = session,
        accuracy = Math.Round(r.Accuracy, 4),
        nmcc = Math.Round(r.NormalizedMcc, 4),
        falseActivationsPerMinute = Math.Round(r.FalseActivationsPerMinute, 2),
        onsetLatencyMsMedian = r.MedianLatencyMs,
        onsetLatencyMsP90 = r.P90LatencyMs,
        detectedOnsets = r.DetectedOnsets,
        onsets = r.Onsets,
        confusion = Enumerable.Range(0, r.Confusion.GetLength(0)).Select(truth => Enumerable.Range(0, r.Confusion.GetLength(1)).Select(decided => r.Confusion[truth, decided])),
    };

    private static string Summary(IReadOnlyList<StreamingResult> results)
    {
        var pooled = results.SelectMany(r => r.LatenciesMs).Order().ToList();
        return "accuracy " + (results.Average(r => r.Accuracy) * 100).ToString("F1") + " %, normalised MCC " + results.Average(r => r.NormalizedMcc).ToString("F3") +
            ", false activations/min " + results.Average(r => r.FalseActivationsPerMinute).ToString("F2") + ", onset latency " + StreamScorer.Median(pooled).ToString("F0") +
            " ms median / " + StreamScorer.Percentile(pooled, 0.9).ToString("F0") + " ms p90 (pooled onsets)";
    }
}
