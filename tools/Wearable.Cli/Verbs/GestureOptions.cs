using System.CommandLine;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>Options shared by `train` and `eval`, and the lookup of the Myo armband dataset.</summary>
internal sealed class GestureOptions
{
    public Option<DirectoryInfo?> Data { get; } = new Option<DirectoryInfo?>("--data") { Description = "Data folder: the MyoArmbandDataset (default: ../shared/data/emg/myo-armband beside the repository), myo-readings, or a folder of your own annotated .edf/.bdf or labelled .csv recordings." }.ExistingFolder();

    public Option<string> Spec { get; } = new Option<string>("--spec") { Description = "Layers before the classifier, e.g. " + Network.DefaultSpec + " (CNN) or cuba:128 / lif:64 (spiking, surrogate-gradient BPTT) or l2mu:16:4:64 (L2MU: memorySize:order:hidden[:theta[:delta[:memoryThreshold]]]).", DefaultValueFactory = _ => Network.DefaultSpec }.ShortText().NetworkSpec();

    public Option<int> Epochs { get; } = new Option<int>("--epochs") { Description = "Maximum epochs (early stopping may end sooner).", DefaultValueFactory = _ => 40 }.InRange(1, 10_000);

    public Option<int> Patience { get; } = new Option<int>("--patience") { Description = "Epochs without validation improvement before stopping.", DefaultValueFactory = _ => 6 }.InRange(1, 10_000);

    public Option<int> Hop { get; } = new Option<int>("--hop") { Description = "Hop between training windows in samples (the paper used 5).", DefaultValueFactory = _ => MyoArmbandProtocol.Hop }.InRange(1, 10_000);

    public Option<double> LearningRate { get; } = new Option<double>("--lr") { Description = "Adam learning rate, in (0, 1).", DefaultValueFactory = _ => 2e-3 }.InRange(0, 0.999, exclusiveMin: true);

    public Option<ulong> Seed { get; } = new Option<ulong>("--seed") { Description = "Seed for initialization, shuffling and dropout.", DefaultValueFactory = _ => 1UL };

    public Option<double> GainJitter { get; } = new Option<double>("--gain-jitter") { Description = "Training augmentation: scale windows by 1 +- this.", DefaultValueFactory = _ => 0.0 }.InRange(0, 0.99);

    public Option<double> ChannelGainJitter { get; } = new Option<double>("--channel-gain-jitter") { Description = "Training augmentation: scale each electrode by its own 1 +- this, in [0, 1).", DefaultValueFactory = _ => 0.0 }.InRange(0, 0.99);

    public Option<double> Rotation { get; } = new Option<double>("--rotation") { Description = "Training augmentation: probability of rotating the band by one electrode.", DefaultValueFactory = _ => 0.0 }.InRange(0, 1);

    public Option<int> RetrainEpochs { get; } = new Option<int>("--final-epochs") { Description = "After early stopping, continue on all of training0 (held-out cycle included) for this many epochs.", DefaultValueFactory = _ => 0 }.InRange(0, 10_000);

    public Option<int> Threads { get; } = new Option<int>("--threads") { Description = "People trained at once by eval (one thread each); results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount }.InRange(1, 1024);

    public Option<double> Rehearsal { get; } = new Option<double>("--rehearsal") { Description = "Fine-tuning: mix this many pre-training windows (other people) per own window into each person's training set.", DefaultValueFactory = _ => 0.0 }.InRange(0, 100);

    public Option<int> Freeze { get; } = new Option<int>("--freeze") { Description = "Fine-tuning: keep the first N weighted layers of the pre-trained CNN fixed.", DefaultValueFactory = _ => 0 }.InRange(0, 100);

    public Option<double> RotationJitter { get; } = new Option<double>("--rotation-jitter") { Description = "Training augmentation: displace the band by up to this fraction of an electrode (interpolating neighbours).", DefaultValueFactory = _ => 0.0 }.InRange(0, 1);

    public void AddTo(Command command)
    {
        command.Options.Add(Threads);
        command.Options.Add(RotationJitter);
        command.Options.Add(Freeze);
        command.Options.Add(Rehearsal);
        command.Options.Add(GainJitter);
        command.Options.Add(Rotation);
        command.Options.Add(ChannelGainJitter);
        command.Options.Add(RetrainEpochs);
        command.Options.Add(Data);
        command.Options.Add(Spec);
        command.Options.Add(Epochs);
        command.Options.Add(Patience);
        command.Options.Add(Hop);
        command.Options.Add(LearningRate);
        command.Options.Add(Seed);
    }

    public MyoProtocolOptions Read(ParseResult parse, Action<EpochReport>? progress)
    {
        // Ranges are checked at parse time (OptionRules on each option), before any data is read.
        int epochs = parse.GetValue(Epochs);
        int hop = parse.GetValue(Hop);
        double lr = parse.GetValue(LearningRate);
        int threads = parse.GetValue(Threads);
        return new MyoProtocolOptions
        {
            Spec = parse.GetValue(Spec) ?? Network.DefaultSpec,
            TrainHop = hop,
            Training = new TrainingOptions
            {
                MaxEpochs = epochs,
                Patience = parse.GetValue(Patience),
                LearningRate = lr,
                Seed = parse.GetValue(Seed),
                Progress = progress,
                GainJitter = parse.GetValue(GainJitter),
                RotationProbability = parse.GetValue(Rotation),
                ChannelGainJitter = parse.GetValue(ChannelGainJitter),
                FrozenLayers = parse.GetValue(Freeze),
                RotationJitter = parse.GetValue(RotationJitter),
            },
            FinalEpochs = parse.GetValue(RetrainEpochs),
            Parallelism = threads,
            Rehearsal = parse.GetValue(Rehearsal),
        };
    }

    /// <summary>The data folder with the loader its layout calls for (MyoArmbandDataset, myo-readings, or one's own recordings).</summary>
    public IGestureDataset AnyDataset(ParseResult parse) => OpenAny(parse.GetValue(Data));

    internal static IGestureDataset OpenAny(DirectoryInfo? folder)
    {
        string path = folder?.FullName ?? DefaultDataPath();
        try
        {
            return GestureDatasets.Open(path);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message, "Pass --data <folder of recordings> (see docs/gestures.md, 'Your own data').");
        }
        catch (DatasetFormatException ex)
        {
            throw new CliException(ex.Message, "Record labelled sessions with 'wearable record --protocol FILE', or see docs/gestures.md, 'Your own data'.");
        }
    }

    public MyoArmbandDataset Dataset(ParseResult parse)
    {
        string path = parse.GetValue(Data)?.FullName ?? DefaultDataPath();
        try
        {
            return new MyoArmbandDataset(path);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new CliException(ex.Message, "Pass --data <path to emg/myo-armband>.");
        }
    }

    internal static string DefaultDataPath()
    {
        string? dir = Directory.GetCurrentDirectory();
        while (dir is not null && !File.Exists(Path.Combine(dir, "Wearable.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return Path.GetFullPath(Path.Combine(dir ?? ".", "..", "shared", "data", "emg", "myo-armband"));
    }

    /// <summary>"paper" (the 17 of the paper), "all" (18) or a comma list of names.</summary>
    public static IReadOnlyList<MyoParticipant> People(MyoArmbandDataset data, string selection)
    {
        var all = data.EvaluationParticipants();
        if (selection == "all")
        {
            return all;
        }

        if (selection == "paper")
        {
            return data.PaperParticipants();
        }

        var names = selection.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => all.All(p => p.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliException(
                "Unknown person " + string.Join(", ", unknown) + ".",
                "Use paper, all, or names from: " + string.Join(", ", all.Select(p => p.Name)) + ".");
        }

        return all.Where(p => names.Contains(p.Name)).ToList();
    }
}
