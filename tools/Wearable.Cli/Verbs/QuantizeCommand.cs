using System.CommandLine;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable quantize`: post-training int8 quantization of a float CNN (JSON from `train`) into a
/// model file the shared ModelRunner executes; optionally scores float vs int8 per person on the
/// MyoArmband test sessions (the cross-person model, no fine-tuning).
/// </summary>
public static class QuantizeCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Float model JSON (from wearable train); a.json+b.json joins models into one ensemble.", Required = true }.ExistingFiles();
        var output = new Option<FileInfo>("--out") { Description = "Model file to write (.wmdl).", Required = true }.OutputFile();
        var calibration = new Option<string>("--calibration") { Description = "Calibration windows: pretraining (the 22 PreTrainingDataset people) or person names of the EvaluationDataset's training0.", DefaultValueFactory = _ => "pretraining" }.ShortText();
        var windows = new Option<int>("--calibration-windows") { Description = "Calibration windows used (spread evenly).", DefaultValueFactory = _ => 2000 }.InRange(1, 10_000_000);
        var range = new Option<string>("--range") { Description = "Activation ranges: minmax or percentile (clips 0.01 % per side).", DefaultValueFactory = _ => "minmax" }.OneOf("minmax", "percentile");
        var name = new Option<string>("--name") { Description = "Name in the model card (at most 200 characters).", DefaultValueFactory = _ => "gesture-cnn-int8" }.ShortText();
        var evaluate = new Option<string?>("--evaluate") { Description = "Also score float vs int8 on Test0+Test1: paper, all or names (no fine-tuning)." }.ShortText();
        var data = new Option<DirectoryInfo?>("--data") { Description = "MyoArmbandDataset folder (default: ../shared/data/emg/myo-armband beside the repository)." }.ExistingFolder();
        var qatData = new Option<string>("--qat-data") { Description = "Quantization-aware fine-tuning windows (every 10 samples): pretraining or person names of the EvaluationDataset's training0.", DefaultValueFactory = _ => "pretraining" }.ShortText();
        var qat = new QatCliOptions();
        var json = CommonOptions.Json();
        var command = new Command("quantize", "int8 quantization of a float CNN into a model file (runs on the shared ModelRunner): post-training, or after quantization-aware fine-tuning with --qat-epochs.");
        foreach (Option o in new Option[] { model, output, calibration, windows, range, name, evaluate, data, qatData, json })
        {
            command.Options.Add(o);
        }

        qat.AddTo(command);

        command.SetAction(parse =>
        {
            string modelPaths = parse.GetValue(model)!;
            var network = TrainCommand.LoadModels(modelPaths);
            string modelNames = string.Join("+", modelPaths.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Path.GetFileName));
            string layers = network is EnsembleModel e && e.Members.All(m => m.Spec == e.Members[0].Spec)
                ? e.Members.Count + " x [" + e.Members[0].Spec + " + dense " + network.Classes + "] summed"
                : network.Spec + " + dense " + network.Classes;
            FloatModelCard? card = NetworkFile.ReadCard(modelPaths.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)[0]);
            if (card is not null)
            {
                return OwnDataQuantization.Run(network, card, parse.GetValue(data), parse.GetValue(output)!, parse.GetValue(name)!, parse.GetValue(windows), parse.GetValue(range)!, parse.GetValue(evaluate), qat.Read(parse, 1, 0), parse.GetValue(json));
            }

            var dataset = OpenDataset(parse.GetValue(data));
            if (network is L2muNetwork l2mu)
            {
                return L2muQuantization.Run(l2mu, parse.GetValue(output)!, parse.GetValue(name)!, parse.GetValue(evaluate), dataset, parse.GetValue(json));
            }

            int count = parse.GetValue(windows);

            var options = MyoArmbandProtocol.QuantizationOptions(parse.GetValue(name)!);
            options.Range = RangeOf(parse.GetValue(range)!);
            var calibrationSet = FixedPointEvaluation.Subsample(CalibrationSet(dataset, parse.GetValue(calibration)!), count);
            if (calibrationSet.Count == 0)
            {
                throw new CliException(
                    "No calibration windows in " + dataset.Root + " for --calibration " + parse.GetValue(calibration) + " (the set holds no classe_*.dat recordings there).",
                    "Pass --calibration with person names of the EvaluationDataset, or --data pointing at a complete MyoArmbandDataset.");
            }

            options.Description = "int8 post-training quantization of " + modelNames + " (" + layers + " + softmax); calibrated on "
                + calibrationSet.Count + " windows (" + parse.GetValue(calibration) + ", " + parse.GetValue(range) + "). Input: raw Myo armband samples (int8 range), 8 ch at 200 Hz, 52-sample windows.";
            var qatOptions = qat.Read(parse, 1, 0);
            QuantizedModel quantized;
            byte[]? postTraining = null;
            QatResult? qatResult = null;
            try
            {
                quantized = PostTrainingQuantizer.Quantize(network, calibrationSet, options);
                if (qatOptions is not null)
                {
                    postTraining = quantized.File;
                    qatOptions.Range = options.Range;
                    qatOptions.CalibrationWindows = count;
                    qatOptions.Progress = parse.GetValue(json) ? null : EvalCommand.PrintEpoch;
                    var tuning = CalibrationSet(dataset, parse.GetValue(qatData)!, 10);
                    qatResult = QuantizationAwareTraining.FineTune(network, tuning, null, calibrationSet, qatOptions);
                    options.Description += " Then " + qatOptions.Epochs + " epochs of quantization-aware fine-tuning (lr " + qatOptions.LearningRate + ") on " + tuning.Count + " windows (" + parse.GetValue(qatData) + "), exported with the ranges it learned.";
                    quantized = QuantizationAwareTraining.Export(qatResult, options);
                }
            }
            catch (NotSupportedException ex)
            {
                throw new CliException(ex.Message, "Quantize a CNN trained with a conv/dw/pw/relu/maxpool/gap/dense spec.");
            }

            string? dir = Path.GetDirectoryName(parse.GetValue(output)!.FullName);
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }

            File.WriteAllBytes(parse.GetValue(output)!.FullName, quantized.File);
            var evaluator = new FixedPointEvaluation(quantized.File);
            var ptqEvaluator = postTraining is null ? null : new FixedPointEvaluation(postTraining);
            var people = new List<object>();
            string? selection = parse.GetValue(evaluate);
            double floatSum = 0, fixedSum = 0, ptqSum = 0;
            if (selection is not null)
            {
                foreach (var person in GestureOptions.People(dataset, selection))
                {
                    var test = MyoArmbandProtocol.TestWindows(dataset, person);
                    var (_, floatAccuracy) = Trainer.Evaluate(network, test);
                    double fixedAccuracy = evaluator.Accuracy(test);
                    double ptqAccuracy = ptqEvaluator?.Accuracy(test) ?? double.NaN;
                    floatSum += floatAccuracy;
                    fixedSum += fixedAccuracy;
                    ptqSum += ptqAccuracy;
                    people.Add(new { person = person.Name, floatAccuracy = Math.Round(floatAccuracy, 5), fixedAccuracy = Math.Round(fixedAccuracy, 5), postTrainingAccuracy = ptqEvaluator is null ? (double?)null : Math.Round(ptqAccuracy, 5), testWindows = test.Count });
                    if (!parse.GetValue(json))
                    {
                        Console.Out.WriteLine(person.Name + ": float " + (floatAccuracy * 100).ToString("F2") + " %, " + (ptqEvaluator is null ? "" : "post-training int8 " + (ptqAccuracy * 100).ToString("F2") + " %, QAT ") + "int8 " + (fixedAccuracy * 100).ToString("F2") + " %");
                    }
                }
            }

            var runner = evaluator.Runner;
            var summary = new
            {
                file = parse.GetValue(output)!.FullName,
                fileBytes = quantized.File.Length,
                parameterBytes = runner.ParameterBytes,
                arenaBytes = runner.ArenaBytes,
                scratchBytes = runner.ScratchBytes,
                macs = runner.MacsPerInference,
                ops = quantized.Ops,
                calibrationWindows = calibrationSet.Count,
                people,
                meanFloat = people.Count == 0 ? (double?)null : Math.Round(floatSum / people.Count, 5),
                meanFixed = people.Count == 0 ? (double?)null : Math.Round(fixedSum / people.Count, 5),
                meanPostTraining = people.Count == 0 || ptqEvaluator is null ? (double?)null : Math.Round(ptqSum / people.Count, 5),
                qat = qatResult is null ? null : new { epochs = qatOptions!.Epochs, learningRate = qatOptions.LearningRate, data = parse.GetValue(qatData), seconds = Math.Round(qatResult.Fit.Elapsed.TotalSeconds, 1) },
            };
            if (parse.GetValue(json))
            {
                JsonOutput.Write(summary);
            }
            else
            {
                Console.Out.WriteLine("wrote " + summary.file + ": " + summary.fileBytes + " bytes, weights " + summary.parameterBytes + " B, arena " + summary.arenaBytes + " B, scratch " + summary.scratchBytes + " B, " + summary.macs + " MACs");
                Console.Out.WriteLine("ops: " + string.Join(" -> ", quantized.Ops));
                if (people.Count > 0)
                {
                    Console.Out.WriteLine("mean: float " + (floatSum / people.Count * 100).ToString("F2") + " %, " + (ptqEvaluator is null ? "" : "post-training int8 " + (ptqSum / people.Count * 100).ToString("F2") + " %, QAT ") + "int8 " + (fixedSum / people.Count * 100).ToString("F2") + " %");
                }
            }

            return 0;
        });
        return command;
    }

    internal static CalibrationRange RangeOf(string range) => range switch
    {
        "minmax" => CalibrationRange.MinMax,
        "percentile" => CalibrationRange.Percentile,
        var r => throw new CliException("Unknown --range '" + r + "'.", "Use minmax or percentile."),
    };

    internal static MyoArmbandDataset OpenDataset(DirectoryInfo? folder)
    {
        string path = folder?.FullName ?? GestureOptions.DefaultDataPath();
        try
        {
            return new MyoArmbandDataset(path);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message, "Pass --data <path to emg/myo-armband>.");
        }
    }

    /// <summary>Windows every <paramref name="hop"/> samples of the PreTrainingDataset or of the named people's training0.</summary>
    private static WindowSet CalibrationSet(MyoArmbandDataset data, string which, int hop = 25)
    {
        if (which == "pretraining")
        {
            return MyoArmbandProtocol.PreTrainingWindows(data, hop);
        }

        var set = new WindowSet(MyoArmbandDatReader.Channels, MyoArmbandProtocol.WindowLength, 4096);
        foreach (var person in GestureOptions.People(data, which))
        {
            foreach (var r in data.LoadSession(person, MyoArmbandDataset.Training))
            {
                set.AddRecording(r, hop);
            }
        }

        return set;
    }
}
