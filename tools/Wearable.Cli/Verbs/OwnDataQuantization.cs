using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable quantize` for a float model trained on one's own recordings: the rate, hop, labels and
/// device units per count come from the model's card, calibration windows from its data folder.
/// </summary>
internal static class OwnDataQuantization
{
    public static int Run(IClassifierModel network, FloatModelCard card, DirectoryInfo? dataFolder, FileInfo output, string name, int calibrationWindows, string range, string? evaluate, QatOptions? qat, bool json)
    {
        if (evaluate is not null)
        {
            throw new CliException("--evaluate scores MyoArmbandDataset people; this model was trained on " + card.Dataset + ".", "Drop --evaluate: quantize prints the int8 accuracy on the model's own data.");
        }

        if (!ClassifierModels.IsCnnOnly(network))
        {
            throw new CliException("Only CNNs trained on your own data quantize to int8 here; '" + network.Spec + "' is not one.", "Train with a conv/dw/pw/relu/maxpool/gap/dense --spec.");
        }

        IGestureDataset data = GestureOptions.OpenAny(dataFolder ?? new DirectoryInfo(card.Dataset));
        if (data.Channels != network.InputChannels || data.SampleRate != card.SampleRate)
        {
            throw new CliException(
                data.Root + " holds " + data.Channels + " channels at " + data.SampleRate + " Hz; the model takes " + network.InputChannels + " at " + card.SampleRate + " Hz.",
                "Pass --data with the folder the model was trained on.");
        }

        WindowSet all = DatasetTraining.Windows(data, network.InputLength, Math.Max(1, network.InputLength / 8));
        if (all.Count == 0)
        {
            throw new CliException("No labelled windows in " + data.Root + " to calibrate on.", "Quantize with the data folder the model was trained on.");
        }

        WindowSet calibration = FixedPointEvaluation.Subsample(all, calibrationWindows);
        var options = new QuantizationOptions
        {
            Name = name,
            Range = QuantizeCommand.RangeOf(range),
            SampleRateMilliHz = (int)Math.Round(card.SampleRate * 1000),
            HopSamples = card.DecisionHop,
            Labels = card.ClassNames.ToArray(),
            InputUnitsPerCount = card.UnitsPerCount,
            Description = "int8 post-training quantization of a CNN trained on " + data.Root + " (" + string.Join(", ", card.ClassNames) + "); " +
                network.InputChannels + " ch at " + card.SampleRate + " Hz, " + network.InputLength + "-sample windows, calibrated on " + calibration.Count + " windows.",
        };

        QuantizedModel quantized = PostTrainingQuantizer.Quantize(network, calibration, options);
        if (qat is not null)
        {
            qat.Range = options.Range;
            qat.CalibrationWindows = calibrationWindows;
            qat.Progress = json ? null : EvalCommand.PrintEpoch;
            QatResult tuned = QuantizationAwareTraining.FineTune(network, all, null, calibration, qat);
            quantized = QuantizationAwareTraining.Export(tuned, options);
        }

        string? dir = Path.GetDirectoryName(output.FullName);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllBytes(output.FullName, quantized.File);
        var evaluation = new FixedPointEvaluation(quantized.File) { RawScale = network.InputScale };
        double fixedAccuracy = evaluation.Accuracy(all);
        double floatAccuracy = Trainer.Evaluate(network, all).Accuracy;
        var summary = new
        {
            file = output.FullName,
            fileBytes = quantized.File.Length,
            parameterBytes = evaluation.Runner.ParameterBytes,
            arenaBytes = evaluation.Runner.ArenaBytes,
            macs = evaluation.Runner.MacsPerInference,
            ops = quantized.Ops,
            calibrationWindows = calibration.Count,
            labels = card.ClassNames,
            windows = all.Count,
            floatAccuracy = Math.Round(floatAccuracy, 5),
            fixedAccuracy = Math.Round(fixedAccuracy, 5),
        };
        if (json)
        {
            JsonOutput.Write(summary);
        }
        else
        {
            Console.Out.WriteLine("wrote " + summary.file + ": " + summary.fileBytes + " bytes, weights " + summary.parameterBytes + " B, arena " + summary.arenaBytes + " B, " + summary.macs + " MACs");
            Console.Out.WriteLine("on all " + all.Count + " windows of " + data.Root + ": float " + (floatAccuracy * 100).ToString("F2") + " %, int8 " + (fixedAccuracy * 100).ToString("F2") + " % (a check of the quantization; it scores generalisation only when --data is a folder the model was not trained on)");
        }

        return 0;
    }
}
