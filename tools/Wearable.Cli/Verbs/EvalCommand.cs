using System.CommandLine;
using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable eval`: the MyoArmband protocol (per person: train on training0, test on Test0 + Test1),
/// from scratch or fine-tuning a pre-trained model; accuracy per person and the means over the
/// paper's 17 people and all 18.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var shared = new GestureOptions();
        var people = new Option<string>("--people") { Description = "paper (17), all (18) or names like Male0,Female1.", DefaultValueFactory = _ => "paper" }.ShortText();
        var from = new Option<string?>("--from") { Description = "Pre-trained float model to fine-tune per person (transfer learning); a+b.json joins models into an ensemble." }.ExistingFiles();
        var dataset = new Option<string>("--dataset") { Description = "myo-armband (offline protocol) or myo-readings (pseudo-online, with rest).", DefaultValueFactory = _ => "myo-armband" }.OneOf("myo-armband", "myo-readings");
        var readings = new Option<DirectoryInfo?>("--readings") { Description = "myo-readings folder (default: ../shared/data/emg/myo-readings beside the repository)." }.ExistingFolder();
        var vote = new Option<int>("--vote") { Description = "Pseudo-online: majority vote over this many decisions (1 = none).", DefaultValueFactory = _ => 1 }.InRange(1, 1000);
        var streamHop = new Option<int>("--stream-hop") { Description = "Pseudo-online: frames between decisions.", DefaultValueFactory = _ => 10 }.InRange(1, 10_000);
        var fixedPoint = new Option<bool>("--fixed") { Description = "Also quantize each person's trained model to int8 (calibrated on its training0) and score it on the shared ModelRunner." };
        var modelFile = new Option<FileInfo?>("--model") { Description = "Score this int8 model file (.wmdl) per person on Test0+Test1 with the shared ModelRunner; no training." }.ExistingFile();
        var protocol = new Option<string>("--protocol") { Description = "myo (train on training0, test on Test0+Test1), cross-session (train on one session, test on each other) cross-person (a PreTrainingDataset model, no per-person data) or calibration (that model adapted on each person's first cued repetitions).", DefaultValueFactory = _ => "myo" }.OneOf("myo", "cross-session", "cross-person", "calibration");
        var trainSessions = new Option<string?>("--train-sessions") { Description = "cross-session: the sessions to train on (default training0,Test0,Test1)." }.ShortText();
        var testRepetitions = new Option<int>("--test-repetitions") { Description = "Limit each test session to its first N repetitions (quick checks; 0 = all 28).", DefaultValueFactory = _ => 0 }.InRange(0, 28);
        var calibration = new CalibrationProtocol();
        var pseudoOnline = new PseudoOnlineEvaluation();
        var qat = new QatCliOptions();
        var eeg = new EegEvalOptions();
        var json = CommonOptions.Json();
        var command = new Command("eval", "Evaluate the gesture CNN: MyoArmband protocol per person and mean, or pseudo-online on myo-readings.");
        shared.AddTo(command);
        command.Options.Add(people);
        command.Options.Add(from);
        command.Options.Add(dataset);
        command.Options.Add(readings);
        command.Options.Add(vote);
        command.Options.Add(streamHop);
        command.Options.Add(fixedPoint);
        command.Options.Add(modelFile);
        command.Options.Add(protocol);
        command.Options.Add(trainSessions);
        command.Options.Add(testRepetitions);
        qat.AddTo(command);
        calibration.AddTo(command);
        pseudoOnline.AddTo(command);
        eeg.AddTo(command);
        OwnDataEvaluation.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            if (OwnDataEvaluation.TryRun(parse, shared, parse.GetValue(modelFile), parse.GetValue(json)) is int ownExit)
            {
                return ownExit;
            }

            if (eeg.TryRun(parse, parse.GetValue(json)) is int eegExit)
            {
                return eegExit;
            }

            string variant = parse.GetValue(protocol)!;
            if (variant == "calibration")
            {
                if (parse.GetValue(qat.Epochs) != 0 || parse.GetValue(fixedPoint) || parse.GetValue(modelFile) is not null)
                {
                    throw new CliException("--protocol calibration scores float and int8 itself (no --fixed, --model or --qat-epochs).", "Drop them; --adapt picks how the model adapts.");
                }

                return calibration.Run(parse, shared, shared.Dataset(parse), parse.GetValue(people)!, parse.GetValue(from), parse.GetValue(testRepetitions), parse.GetValue(json));
            }

            if (variant is "cross-session" or "cross-person")
            {
                if (parse.GetValue(qat.Epochs) != 0 || (variant == "cross-session" && (parse.GetValue(fixedPoint) || parse.GetValue(modelFile) is not null)))
                {
                    throw new CliException(
                        "--protocol " + variant + " scores " + (variant == "cross-session" ? "float models only (no --fixed, --model or --qat-epochs)" : "a float model and / or an int8 file (no --qat-epochs)") + ".",
                        "For QAT across people use `wearable quantize --qat-epochs N`, then `eval --protocol cross-person --model file.wmdl`.");
                }

                var options = shared.Read(parse, null);
                options.TestRepetitionLimit = parse.GetValue(testRepetitions);
                return variant == "cross-session"
                    ? ProtocolVariants.CrossSession(shared.Dataset(parse), options, parse.GetValue(people)!, parse.GetValue(from), parse.GetValue(trainSessions), parse.GetValue(json))
                    : ProtocolVariants.CrossPerson(shared.Dataset(parse), options, parse.GetValue(people)!, parse.GetValue(from), parse.GetValue(modelFile), parse.GetValue(fixedPoint), parse.GetValue(json));
            }

            if (variant != "myo")
            {
                throw new CliException("Unknown --protocol '" + variant + "'.", "Use myo, cross-session, cross-person or calibration.");
            }

            string which = parse.GetValue(dataset)!;
            if (which == "myo-readings")
            {
                var readingsData = PseudoOnlineEvaluation.Dataset(parse.GetValue(readings));
                var participants = PseudoOnlineEvaluation.Participants(readingsData, parse.GetValue(people)!);
                var streaming = new StreamingOptions { Hop = parse.GetValue(streamHop), Vote = parse.GetValue(vote) };
                if (parse.GetValue(modelFile) is FileInfo readingsModel)
                {
                    return PseudoOnlineEvaluation.RunModelFile(readingsData, participants, readingsModel, streaming, parse.GetValue(json));
                }

                var streamingOptions = shared.Read(parse, null);
                streamingOptions.StreamTrainingWindows = parse.GetValue(pseudoOnline.Windows) == "last-frame" ? WindowLabelRule.LastFrame : WindowLabelRule.Unanimous;
                streamingOptions.StreamWindowLength = parse.GetValue(pseudoOnline.Window);
                return parse.GetValue(fixedPoint)
                    ? pseudoOnline.RunDevice(parse, readingsData, participants, streamingOptions, streaming, parse.GetValue(from), parse.GetValue(json))
                    : PseudoOnlineEvaluation.RunFloat(readingsData, participants, streamingOptions, streaming, parse.GetValue(json));
            }

            if (parse.GetValue(modelFile) is FileInfo file)
            {
                return FixedModelEvaluation.Run(shared.Dataset(parse), file, parse.GetValue(people)!, parse.GetValue(json));
            }

            if (which != "myo-armband")
            {
                throw new CliException("Unknown --dataset '" + which + "'.", "Use myo-armband or myo-readings.");
            }

            var qatOptions = qat.Read(parse, parse.GetValue(shared.Seed), parse.GetValue(shared.GainJitter));
            if (qatOptions is not null && !parse.GetValue(fixedPoint))
            {
                throw new CliException("--qat-epochs fine-tunes the int8 model that --fixed scores.", "Add --fixed.");
            }

            return Run(parse, shared, parse.GetValue(people)!, parse.GetValue(from), parse.GetValue(json), parse.GetValue(fixedPoint), qatOptions, parse.GetValue(testRepetitions));
        });
        return command;
    }

    internal static void PrintEpoch(EpochReport r) => Console.Out.WriteLine(
        "  epoch " + r.Epoch + ": loss " + r.TrainLoss.ToString("F4") + ", train " + (r.TrainAccuracy * 100).ToString("F1") +
        " %, validation " + (r.ValidationAccuracy * 100).ToString("F2") + " %" + (r.Best ? " *" : string.Empty) + " (" + r.Elapsed.TotalSeconds.ToString("F0") + " s)");

    private static int Run(ParseResult parse, GestureOptions shared, string selection, string? from, bool json, bool fixedPoint, QatOptions? qat, int testRepetitions)
    {
        var data = shared.Dataset(parse);
        var options = shared.Read(parse, null);
        options.TestRepetitionLimit = testRepetitions;
        ModelRunner? lastFixedModel = null;
        if (fixedPoint)
        {
            options.AfterFit = (model, train, test) =>
            {
                double accuracy = FixedPointEvaluation.QuantizeAndScore(model, train, test, out ModelRunner? runner);
                lastFixedModel = runner ?? lastFixedModel; // every person's file has the same layers, so any one gives the sizes
                return accuracy;
            };
        }

        if (qat is not null)
        {
            // Per person after float training: QAT on the same fitting windows, early stopping on the
            // same held-out repetitions (keeping the post-training start if no epoch beats it), export, run the file.
            qat.Progress = json ? null : PrintEpoch;
            options.AfterFitQat = (model, train, validation, test) => QuantizationAwareTraining.FineTuneAndScore(model, train, validation, test, qat);
        }

        var pretrained = from is null ? null : TrainCommand.LoadModels(from);
        if (pretrained is null)
        {
            TrainCommand.NewNetwork(options); // validates --spec before the long run
        }

        var result = MyoProtocolExperiment.Run(data, GestureOptions.People(data, selection), options, pretrained, json ? null : Console.Out.WriteLine);
        if (json)
        {
            JsonOutput.Write(new
            {
                protocol = "MyoArmband: per person train on training0, test on Test0+Test1, 52-sample windows, hop " + options.TestHop,
                arithmetic = fixedPoint ? "float32 (accuracy) and " + (lastFixedModel is null ? "the integer L2MU export on the shared ModelPipeline" : "int8 post-training quantized on the shared ModelRunner") + " (fixedAccuracy)" + (qat is null ? "" : " and int8 after " + qat.Epochs + " epochs of quantization-aware fine-tuning at lr " + qat.LearningRate + " (qatAccuracy)") : "float32",
                spec = pretrained?.Spec ?? options.Spec,
                pretrained = from,
                fixedModel = lastFixedModel is null ? null : new { weightBytes = lastFixedModel.ParameterBytes, arenaBytes = lastFixedModel.ArenaBytes, scratchBytes = lastFixedModel.ScratchBytes, multiplyAccumulates = lastFixedModel.MacsPerInference },
                people = result.People.Select(p => new { person = p.Person, paperSubset = p.InPaperSubset, accuracy = Math.Round(p.Accuracy, 5), fixedAccuracy = Round(p.FixedAccuracy), qatAccuracy = Round(p.QatAccuracy), testWindows = p.TestWindows, epochs = p.Epochs, trainSeconds = Math.Round(p.TrainSeconds, 1) }),
                meanPaper17 = Round(result.MeanPaper17),
                meanAll = Round(result.MeanAll),
                fixedMeanPaper17 = fixedPoint ? Round(result.People.Where(p => p.InPaperSubset).DefaultIfEmpty().Average(p => p?.FixedAccuracy ?? double.NaN)) : null,
                fixedMeanAll = fixedPoint ? Round(result.People.Average(p => p.FixedAccuracy)) : null,
                qatMeanPaper17 = qat is not null ? Round(result.People.Where(p => p.InPaperSubset).DefaultIfEmpty().Average(p => p?.QatAccuracy ?? double.NaN)) : null,
                qatMeanAll = qat is not null ? Round(result.People.Average(p => p.QatAccuracy)) : null,
                seconds = Math.Round(result.TrainSeconds, 1),
            });
        }
        else
        {
            Console.Out.WriteLine("mean over the paper's people: " + Percent(result.MeanPaper17) + "; over all evaluated: " + Percent(result.MeanAll) + " (" + result.TrainSeconds.ToString("F0") + " s)");
            if (lastFixedModel is not null)
            {
                Console.Out.WriteLine("int8 model: " + lastFixedModel.ParameterBytes + " B of weights, " + lastFixedModel.ArenaBytes + " B arena + " + lastFixedModel.ScratchBytes + " B scratch");
            }

            if (fixedPoint)
            {
                Console.Out.WriteLine("int8 mean over the paper's people: " + Percent(result.People.Where(p => p.InPaperSubset).DefaultIfEmpty().Average(p => p?.FixedAccuracy ?? double.NaN)) + "; over all evaluated: " + Percent(result.People.Average(p => p.FixedAccuracy)));
            }

            if (qat is not null)
            {
                Console.Out.WriteLine("QAT int8 mean over the paper's people: " + Percent(result.People.Where(p => p.InPaperSubset).DefaultIfEmpty().Average(p => p?.QatAccuracy ?? double.NaN)) + "; over all evaluated: " + Percent(result.People.Average(p => p.QatAccuracy)));
            }
        }

        return 0;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 5);

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("F2") + " %";
}
