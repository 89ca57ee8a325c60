using System.CommandLine;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable eval --protocol calibration`: the calibration curve of a pre-trained model (cross-person,
/// then after 1, 2, 4 cued repetitions per gesture), float and int8, with the band as worn and rotated
/// by one electrode, without and with the alignment. The options only this protocol reads live here.
/// </summary>
internal sealed class CalibrationProtocol
{
    public Option<string> Repetitions { get; } = new Option<string>("--reps") { Description = "calibration: repetitions per gesture to calibrate on, taken as the first cycles of training0, which holds 4 (comma-separated, 1 to 4).", DefaultValueFactory = _ => "1,2,4" }.Matches("[1-4](,[1-4]){0,3}", "a list like 1,2,4 of repetition counts 1 to 4");

    public Option<string> Method { get; } = MethodOption();

    public Option<bool> MatchLevel { get; } = MatchLevelOption();

    public Option<int> BandRotation { get; } = new Option<int>("--band-rotation") { Description = "calibration: also score the band rotated by this many electrodes (0 = as worn only).", DefaultValueFactory = _ => 1 }.InRange(0, 7);

    /// <summary>--adapt, shared by `eval --protocol calibration` and `train --calibrate`.</summary>
    public static Option<string> MethodOption() =>
        new Option<string>("--adapt") { Description = "Calibration: none (band alignment only), last-layer (only the classifier learns) or full (every layer, a few epochs).", DefaultValueFactory = _ => "full" }.OneOf("none", "last-layer", "full");

    /// <summary>--match-level, shared by `eval --protocol calibration` and `train --calibrate`.</summary>
    public static Option<bool> MatchLevelOption() =>
        new Option<bool>("--match-level") { Description = "Calibration: scale the calibration to the level the MyoArmband models were trained at (RMS 18.49 counts); the model file's front end applies that gain to the device's counts. For bands other than a Myo." };

    public void AddTo(Command command)
    {
        command.Options.Add(MatchLevel);
        command.Options.Add(Repetitions);
        command.Options.Add(Method);
        command.Options.Add(BandRotation);
    }

    /// <summary>Calibration settings: --epochs / --lr when given, else the calibration defaults (8 epochs at 0.002).</summary>
    public static CalibrationOptions Options(ParseResult parse, GestureOptions shared, string method, bool matchLevel)
    {
        var defaults = new CalibrationOptions().Training;
        var training = new TrainingOptions
        {
            MaxEpochs = parse.GetResult(shared.Epochs) is { Implicit: false } ? parse.GetValue(shared.Epochs) : defaults.MaxEpochs,
            LearningRate = parse.GetResult(shared.LearningRate) is { Implicit: false } ? parse.GetValue(shared.LearningRate) : defaults.LearningRate,
            GainJitter = parse.GetResult(shared.GainJitter) is { Implicit: false } ? parse.GetValue(shared.GainJitter) : defaults.GainJitter,
            Seed = parse.GetValue(shared.Seed),
        };
        return new CalibrationOptions { Method = CalibrationOptions.ParseMethod(method), Training = training, ReferenceRms = matchLevel ? MyoArmbandProtocol.PreTrainingRms : null };
    }

    public int Run(ParseResult parse, GestureOptions shared, MyoArmbandDataset data, string selection, string? from, int testRepetitions, bool json)
    {
        if (from is null)
        {
            throw new CliException("--protocol calibration adapts a pre-trained float model; none was given.", "Add --from models/gesture-cnn-myo-pretrained.float.json.");
        }

        var pretrained = TrainCommand.LoadModels(from);
        if (!ClassifierModels.IsCnnOnly(pretrained))
        {
            throw new CliException("--protocol calibration needs a CNN or an ensemble of CNNs; '" + pretrained.Spec + "' is not one.", "Pass a model written by `wearable train` with a conv spec.");
        }

        int[] repetitions = parse.GetValue(Repetitions)!.Split(',').Select(int.Parse).Distinct().Order().ToArray();
        string method = parse.GetValue(Method)!;
        var options = Options(parse, shared, method, parse.GetValue(MatchLevel));
        int rotation = parse.GetValue(BandRotation);
        byte[] pretrainedInt8 = PostTrainingQuantizer.Quantize(pretrained, FixedPointEvaluation.Subsample(MyoArmbandProtocol.PreTrainingWindows(data, 25), 2000), MyoArmbandProtocol.QuantizationOptions()).File;
        var result = CalibrationExperiment.Run(data, GestureOptions.People(data, selection), pretrained, pretrainedInt8, repetitions, rotation, options, parse.GetValue(shared.Threads), testRepetitions, json ? null : Console.Out.WriteLine);
        if (json)
        {
            JsonOutput.Write(new
            {
                protocol = "MyoArmband calibration: per person, the first N cycles of training0 (N repetitions per gesture) adapt the pre-trained model, quantized to int8 on the same windows, tested on Test0+Test1; N = 0 is the pre-trained model (int8 quantized on pre-training windows); 52-sample windows, hop " + MyoArmbandProtocol.Hop,
                arithmetic = "float32 (floatAccuracy) and int8 on the shared ModelRunner (fixedAccuracy)",
                model = from,
                method,
                matchLevel = options.ReferenceRms is not null,
                epochs = options.Training.MaxEpochs,
                learningRate = options.Training.LearningRate,
                bandRotation = rotation,
                means = result.Means.Select(m => new { repetitions = m.Repetitions, condition = m.Condition, floatMeanPaper17 = Round(m.FloatMeanPaper17), floatMeanAll = Round(m.FloatMeanAll), fixedMeanPaper17 = Round(m.FixedMeanPaper17), fixedMeanAll = Round(m.FixedMeanAll) }),
                people = result.Scores.Select(s => new { person = s.Person, paperSubset = s.InPaperSubset, repetitions = s.Repetitions, condition = s.Condition, floatAccuracy = Round(s.FloatAccuracy), fixedAccuracy = Round(s.FixedAccuracy), shift = s.Shift, calibrationWindows = s.CalibrationWindows, testWindows = s.TestWindows }),
                seconds = Math.Round(result.Seconds, 1),
            });
        }
        else
        {
            foreach (var m in result.Means)
            {
                Console.Out.WriteLine(m.Repetitions + " rep(s), " + m.Condition + ": float " + Percent(m.FloatMeanPaper17) + " / " + Percent(m.FloatMeanAll) + ", int8 " + Percent(m.FixedMeanPaper17) + " / " + Percent(m.FixedMeanAll) + " (17 / all)");
            }

            Console.Out.WriteLine("(" + result.Seconds.ToString("F0") + " s)");
        }

        return 0;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 5);

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("F2") + " %";
}
