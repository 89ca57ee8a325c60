using System.CommandLine;
using Wearable.Kernels.Gesture;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
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

    public void AddTo(Command command) => command.Options.Add(Decision);

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

            start = () => TrainCommand.LoadModels(from);
        }
        else
        {
            TrainCommand.NewNetwork(options); // validates --spec before the long run
        }

        var results = DeviceStreamingExperiment.Run(
            data, options, streaming, participants, start, source, source == DecisionSource.Given ? GestureDecisionDefaults.MyoReadings : null, json ? null : Console.Out.WriteLine);
        WriteDevice(results.Select(r => (r.Participant, r.TestSession, r.Int8)).ToList(), json, "int8 post-training quantized per participant, run on the shared ModelPipeline (front end, ModelRunner every " + streaming.Hop + " frames, gesture_decision: " + which + ")", extra: new
        {
            spec = options.Spec,
            pretrained = from,
            floatAccuracy = Math.Round(results.Average(r => r.Float.Accuracy), 4),
            floatNmcc = Math.Round(results.Average(r => r.Float.NormalizedMcc), 4),
            floatFalseActivationsPerMinute = Math.Round(results.Average(r => r.Float.FalseActivationsPerMinute), 2),
            int8ArgmaxAccuracy = Math.Round(results.Average(r => r.Int8Argmax.Accuracy), 4),
            int8ArgmaxNmcc = Math.Round(results.Average(r => r.Int8Argmax.NormalizedMcc), 4),
            int8ArgmaxFalseActivationsPerMinute = Math.Round(results.Average(r => r.Int8Argmax.FalseActivationsPerMinute), 2),
            int8ArgmaxOnsetLatencyMsMedian = StreamScorer.Median(results.SelectMany(r => r.Int8Argmax.LatenciesMs).Order().ToList()),
            decisions = results.Select(r => new { participant = r.Participant, decision = r.Decision is null ? null : DeviceStreamingExperiment.DescribeDecision(r.Decision) }),
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
        foreach (string participant in participants)
        {
            var test = data.Sessions.Where(s => s.Participant == participant).ToList()[^1];
            StreamingResult result;
            try
            {
                result = DeviceStreamingEvaluation.Run(bytes, data.Load(test), streaming);
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

        WriteDevice(rows, json, "the model file as is on the shared ModelPipeline (its hop and gesture_decision section), no training", new { model = file.FullName });
        return 0;
    }

    private static void WriteDevice(IReadOnlyList<(string Participant, string Session, StreamingResult Result)> rows, bool json, string arithmetic, object extra)
    {
        var pooled = rows.SelectMany(r => r.Result.LatenciesMs).Order().ToList();
        double Mean(Func<StreamingResult, double> f) => rows.Count == 0 ? double.NaN : Math.Round(rows.Average(r => f(r.Result)), 4);
        if (json)
        {
            JsonOutput.Write(new
            {
                protocol = "myo-readings pseudo-online: per participant stream session 3 (8 classes with rest); accuracy, nMCC and false activations are means over participants, latencies pooled over their onsets",
                arithmetic,
                accuracy = Mean(r => r.Accuracy),
                nmcc = Mean(r => r.NormalizedMcc),
                falseActivationsPerMinute = Mean(r => r.FalseActivationsPerMinute),
                onsetLatencyMsMedian = StreamScorer.Median(pooled),
                onsetLatencyMsP90 = StreamScorer.Percentile(pooled, 0.9),
                participants = rows.Select(r => Participant(r.Participant, r.Session, r.Result)),
                details = extra,
            });
        }
        else
        {
            Console.Out.WriteLine("int8 mean: " + Summary(rows.Select(r => r.Result).ToList()));
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
    };

    private static string Summary(IReadOnlyList<StreamingResult> results)
    {
        var pooled = results.SelectMany(r => r.LatenciesMs).Order().ToList();
        return "accuracy " + (results.Average(r => r.Accuracy) * 100).ToString("F1") + " %, normalised MCC " + results.Average(r => r.NormalizedMcc).ToString("F3") +
            ", false activations/min " + results.Average(r => r.FalseActivationsPerMinute).ToString("F2") + ", onset latency " + StreamScorer.Median(pooled).ToString("F0") +
            " ms median / " + StreamScorer.Percentile(pooled, 0.9).ToString("F0") + " ms p90 (pooled onsets)";
    }
}
