using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable eval --protocol cross-session|cross-person`: the protocol variants, printed or as one JSON object.</summary>
internal static class ProtocolVariants
{
    public static int CrossSession(MyoArmbandDataset data, MyoProtocolOptions options, string selection, string? from, string? sessions, bool json)
    {
        var pretrained = from is null ? null : TrainCommand.LoadModels(from);
        if (pretrained is null)
        {
            TrainCommand.NewNetwork(options); // validates --spec before the long run
        }

        string[]? trainSessions = sessions?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = trainSessions?.Where(s => !CrossSessionExperiment.Sessions.Contains(s)).ToList();
        if (unknown is { Count: > 0 })
        {
            throw new CliException("Unknown session " + string.Join(", ", unknown) + ".", "Use --train-sessions with " + string.Join(", ", CrossSessionExperiment.Sessions) + ".");
        }

        var result = CrossSessionExperiment.Run(data, GestureOptions.People(data, selection), options, pretrained, trainSessions, json ? null : Console.Out.WriteLine);
        if (json)
        {
            JsonOutput.Write(new
            {
                protocol = "MyoArmband cross-session: per person train on one session (its last " + options.ValidationRepetitions + " repetitions held out for early stopping), test on each other session; 52-sample windows, hop " + options.TestHop,
                arithmetic = "float32",
                spec = pretrained?.Spec ?? options.Spec,
                pretrained = from,
                people = result.People.Select(p => new
                {
                    person = p.Person,
                    paperSubset = p.InPaperSubset,
                    meanAccuracy = Round(p.MeanAccuracy),
                    pairs = p.Pairs.Select(x => new { train = x.TrainSession, test = x.TestSession, accuracy = Round(x.Accuracy), testWindows = x.TestWindows, trainWindows = x.TrainWindows }),
                    trainSeconds = Math.Round(p.TrainSeconds, 1),
                }),
                pairs = result.Pairs.Select(x => new { train = x.TrainSession, test = x.TestSession, meanPaper17 = Round(x.MeanPaper17), meanAll = Round(x.MeanAll) }),
                meanPaper17 = Round(result.MeanPaper17),
                meanAll = Round(result.MeanAll),
                seconds = Math.Round(result.Seconds, 1),
            });
        }
        else
        {
            foreach (var pair in result.Pairs)
            {
                Console.Out.WriteLine(pair.TrainSession + " -> " + pair.TestSession + ": mean over the paper's people " + Percent(pair.MeanPaper17) + "; over all evaluated " + Percent(pair.MeanAll));
            }

            Console.Out.WriteLine("mean of all pairs over the paper's people: " + Percent(result.MeanPaper17) + "; over all evaluated: " + Percent(result.MeanAll) + " (" + result.Seconds.ToString("F0") + " s)");
        }

        return 0;
    }

    /// <summary>A float model (--from, or pre-trained here on the PreTrainingDataset) and / or an int8 file (--model, or --fixed: the float model quantized on PreTrainingDataset windows).</summary>
    public static int CrossPerson(MyoArmbandDataset data, MyoProtocolOptions options, string selection, string? from, FileInfo? modelFile, bool fixedPoint, bool json)
    {
        IClassifierModel? floatModel = from is null ? null : TrainCommand.LoadModels(from);
        byte[]? fixedModel = null;
        string source = from ?? "";
        double pretrainSeconds = 0;
        if (modelFile is not null)
        {
            if (!modelFile.Exists)
            {
                throw new CliException("No model file at " + modelFile.FullName + ".", "Make one with `wearable quantize --model float.json --out model.wmdl`.");
            }

            fixedModel = File.ReadAllBytes(modelFile.FullName);
            source = (from is null ? "" : from + " + ") + modelFile.FullName;
        }

        if (floatModel is null && fixedModel is null)
        {
            TrainCommand.NewNetwork(options);
            var (network, fit) = MyoProtocolExperiment.Pretrain(data, options, json ? null : Console.Out.WriteLine);
            floatModel = network;
            pretrainSeconds = fit.Elapsed.TotalSeconds;
            source = "pre-trained here on the PreTrainingDataset (" + fit.Epochs + " epochs)";
        }

        if (fixedPoint && fixedModel is null && floatModel is not null)
        {
            try
            {
                fixedModel = PostTrainingQuantizer.Quantize(floatModel, FixedPointEvaluation.Subsample(MyoArmbandProtocol.PreTrainingWindows(data, 25), 2000), MyoArmbandProtocol.QuantizationOptions()).File;
            }
            catch (NotSupportedException ex)
            {
                throw new CliException(ex.Message, "--fixed needs a CNN; drop --fixed for spiking models and ensembles.");
            }
        }

        CrossPersonResult result;
        try
        {
            result = CrossPersonExperiment.Run(data, GestureOptions.People(data, selection), options, floatModel, fixedModel, json ? null : Console.Out.WriteLine);
        }
        catch (Exception ex) when (ex is Wearable.Kernels.Model.ModelFormatException or InvalidOperationException)
        {
            throw new CliException("The model file is not runnable: " + ex.Message, "Check it with `wearable model inspect`.");
        }

        if (json)
        {
            JsonOutput.Write(new
            {
                protocol = "MyoArmband cross-person: one model trained on the PreTrainingDataset (22 other people), tested on each evaluation person's Test0+Test1 with no per-person data; 52-sample windows, hop " + options.TestHop,
                arithmetic = (floatModel is null ? "" : "float32 (floatAccuracy)") + (floatModel is not null && fixedModel is not null ? " and " : "") + (fixedModel is null ? "" : "int8 on the shared ModelRunner (fixedAccuracy)"),
                model = source,
                people = result.People.Select(p => new { person = p.Person, paperSubset = p.InPaperSubset, floatAccuracy = Round(p.FloatAccuracy), fixedAccuracy = Round(p.FixedAccuracy), testWindows = p.TestWindows }),
                floatMeanPaper17 = Round(result.FloatMeanPaper17),
                floatMeanAll = Round(result.FloatMeanAll),
                fixedMeanPaper17 = Round(result.FixedMeanPaper17),
                fixedMeanAll = Round(result.FixedMeanAll),
                pretrainSeconds = Math.Round(pretrainSeconds, 1),
                seconds = Math.Round(result.Seconds, 1),
            });
        }
        else
        {
            Console.Out.WriteLine("cross-person mean over the paper's people: float " + Percent(result.FloatMeanPaper17) + ", int8 " + Percent(result.FixedMeanPaper17)
                + "; over all evaluated: float " + Percent(result.FloatMeanAll) + ", int8 " + Percent(result.FixedMeanAll) + " (" + result.Seconds.ToString("F0") + " s)");
        }

        return 0;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 5);

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("F2") + " %";
}
