using System.CommandLine;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable train`: trains the float CNN on the Myo armband dataset, either pre-training on the 22
/// people of PreTrainingDataset (transfer learning source) or one person's training0, and saves it.
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var shared = new GestureOptions();
        var person = new Option<string?>("--person") { Description = "Train on this evaluation person's training0 (e.g. Male0); default: pre-train on PreTrainingDataset." }.ShortText();
        var from = new Option<string?>("--from") { Description = "Start from this float model (fine-tuning) instead of random weights; a+b.json joins models into an ensemble." }.ExistingFiles();
        var output = new Option<FileInfo>("--out") { Description = "Where to write the float model (JSON).", DefaultValueFactory = _ => new FileInfo("gesture-cnn.json") }.OutputFile();
        var board = new Option<string>("--board") { Description = "Board whose RAM budget sizes a model for your own data: " + Wearable.Firmware.Profiles.BoardProfile.KnownNames + ".", DefaultValueFactory = _ => "esp32" }.OneOf("esp32", "esp32s3", "meadow", "linux-sbc", "virtual");
        var calibrate = new Option<FileInfo?>("--calibrate") { Description = "A cued calibration recording (EDF+/BDF+ from `record --protocol`): adapt the --from model to it and write an int8 .wmdl (--out) for `model push`." }.ExistingFile();
        var adapt = CalibrationProtocol.MethodOption();
        var matchLevel = CalibrationProtocol.MatchLevelOption();
        var json = CommonOptions.Json();
        var command = new Command("train", "Train the gesture CNN (float32, CPU) on the Myo armband dataset or on your own annotated recordings (--data DIR) and save it.");
        command.Options.Add(board);
        shared.AddTo(command);
        command.Options.Add(person);
        command.Options.Add(from);
        command.Options.Add(output);
        command.Options.Add(calibrate);
        command.Options.Add(adapt);
        command.Options.Add(matchLevel);
        command.Options.Add(json);
        command.SetAction(parse => parse.GetValue(calibrate) is null && (parse.GetResult(adapt) is { Implicit: false } || parse.GetValue(matchLevel))
            ? throw new CliException("--adapt and --match-level only apply with --calibrate FILE.", "Add --calibrate calibration.edf, or drop them.", exitCode: 2)
            : parse.GetValue(calibrate) is FileInfo recording
            ? CalibrationTraining.Run(parse, shared, recording, parse.GetValue(from), parse.GetValue(output)!, parse.GetResult(output) is { Implicit: false }, parse.GetValue(adapt)!, parse.GetValue(matchLevel), parse.GetValue(json))
            : Run(parse, shared, parse.GetValue(person), parse.GetValue(from), parse.GetValue(output)!, parse.GetValue(board)!, parse.GetValue(json)));
        return command;
    }

    private static int Run(ParseResult parse, GestureOptions shared, string? personName, string? from, FileInfo output, string board, bool json)
    {
        IGestureDataset any = shared.AnyDataset(parse);
        var options = shared.Read(parse, json ? null : EvalCommand.PrintEpoch);
        if (any is not MyoArmbandDataset data)
        {
            if (personName is not null || from is not null)
            {
                throw new CliException("--person and --from apply to the MyoArmbandDataset only; " + any.Root + " is " + any.Kind + ".", "Drop them: every session in the folder is used, the last one held out for validation.");
            }

            bool specGiven = parse.GetResult(shared.Spec) is { Implicit: false };
            return OwnDataTraining.Run(any, options, specGiven ? options.Spec : null, board, output, json);
        }

        IClassifierModel network;
        TrainingResult fit;
        if (personName is null)
        {
            if (from is not null)
            {
                throw new CliException("--from only applies with --person (fine-tuning one person).", "Drop --from, or add --person Male0.");
            }

            (network, fit) = MyoProtocolExperiment.Pretrain(data, options, json ? null : Console.Out.WriteLine);
        }
        else
        {
            var person = GestureOptions.People(data, personName).Single();
            if (from is null)
            {
                NewNetwork(options); // validates --spec with a clear error
            }

            // The protocol's own per-person training, so --final-epochs polishes here as it does in eval.
            (network, _, _, fit) = SessionTraining.Fit(data, person, MyoArmbandDataset.Training, options, from is null ? null : LoadModels(from));
        }

        NetworkFile.Save(network, output.FullName, MyoArmbandDatReader.GestureNames);
        var summary = new
        {
            model = output.FullName,
            spec = network.Spec,
            parameters = ClassifierModels.ParameterCount(network),
            multiplyAccumulates = ClassifierModels.MultiplyAccumulates(network),
            epochs = fit.Epochs,
            bestEpoch = fit.BestEpoch,
            validationAccuracy = fit.BestValidationAccuracy,
            trainSeconds = Math.Round(fit.Elapsed.TotalSeconds, 1),
        };
        if (json)
        {
            JsonOutput.Write(summary);
        }
        else
        {
            Console.Out.WriteLine(
                "saved " + output.FullName + ": " + ClassifierModels.ParameterCount(network) + " parameters, " + (ClassifierModels.MultiplyAccumulates(network)?.ToString() ?? "n/a") + " MACs, best validation " +
                (fit.BestValidationAccuracy * 100).ToString("F2") + " % at epoch " + fit.BestEpoch + ", " + fit.Elapsed.TotalSeconds.ToString("F1") + " s");
        }

        return 0;
    }

    internal static IClassifierModel NewNetwork(MyoProtocolOptions options) =>
        NewNetwork(options, MyoArmbandProtocol.WindowLength, MyoArmbandDatReader.Channels, MyoArmbandDatReader.GestureCount);

    /// <summary>A fresh network for --spec on windows of <paramref name="windowLength"/> frames; a spec that cannot take them is a one-line error before any long run.</summary>
    internal static IClassifierModel NewNetwork(MyoProtocolOptions options, int windowLength, int channels, int classes)
    {
        try
        {
            var network = ClassifierModels.Create(options.Spec, windowLength, channels, classes, options.InputScale);
            network.Initialize(options.Training.Seed);
            return network;
        }
        catch (ArgumentException ex)
        {
            throw new CliException("Bad --spec for windows of " + windowLength + " frames: " + ex.Message, "Default: " + Network.DefaultSpec + " on windows of " + MyoArmbandProtocol.WindowLength + " frames.");
        }
    }

    /// <summary>One model file, or several joined by '+' loaded as an ensemble.</summary>
    internal static IClassifierModel LoadModels(string paths)
    {
        var members = paths.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => LoadModel(new FileInfo(p)))
            .SelectMany(m => m is EnsembleModel e ? e.Members : [m]) // ensemble files join as their members: one flat ensemble
            .ToArray();
        try
        {
            return members.Length == 1 ? members[0] : new EnsembleModel(members);
        }
        catch (ArgumentException ex)
        {
            throw new CliException("Cannot combine " + paths + ": " + ex.Message, "Ensemble members must be trained on the same windows and classes.");
        }
    }

    internal static IClassifierModel LoadModel(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new CliException("Model file " + file.FullName + " does not exist.", "Create one with `wearable train --out <file>`.");
        }

        try
        {
            return NetworkFile.Load(file.FullName);
        }
        catch (DatasetFormatException ex)
        {
            throw new CliException(ex.Message, "Pass a model written by `wearable train`.");
        }
    }
}
