using System.CommandLine;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>Options shared by `train` and `eval`, and the lookup of the Myo armband dataset.</summary>
internal sealed class GestureOptions
{
    public Option<DirectoryInfo?> Data { get; } = new("--data") { Description = "MyoArmbandDataset folder (default: ../shared/data/emg/myo-armband beside the repository)." };

    public Option<string> Spec { get; } = new("--spec") { Description = "Layers before the classifier, e.g. " + Network.DefaultSpec + " (CNN) or cuba:128 / lif:64 (spiking, surrogate-gradient BPTT) or l2mu:16:4:64 (L2MU: memorySize:order:hidden[:theta[:delta[:memoryThreshold]]]).", DefaultValueFactory = _ => Network.DefaultSpec };

    public Option<int> Epochs { get; } = new("--epochs") { Description = "Maximum epochs (early stopping may end sooner).", DefaultValueFactory = _ => 40 };

    public Option<int> Patience { get; } = new("--patience") { Description = "Epochs without validation improvement before stopping.", DefaultValueFactory = _ => 6 };

    public Option<int> Hop { get; } = new("--hop") { Description = "Hop between training windows in samples (the paper used 5).", DefaultValueFactory = _ => MyoArmbandProtocol.Hop };

    public Option<double> LearningRate { get; } = new("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 2e-3 };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed for initialization, shuffling and dropout.", DefaultValueFactory = _ => 1UL };

    public Option<double> GainJitter { get; } = new("--gain-jitter") { Description = "Training augmentation: scale windows by 1 +- this.", DefaultValueFactory = _ => 0.0 };

    public Option<double> ChannelGainJitter { get; } = new("--channel-gain-jitter") { Description = "Training augmentation: scale each electrode by its own 1 +- this.", DefaultValueFactory = _ => 0.0 };

    public Option<double> Rotation { get; } = new("--rotation") { Description = "Training augmentation: probability of rotating the band by one electrode.", DefaultValueFactory = _ => 0.0 };

    public Option<int> RetrainEpochs { get; } = new("--final-epochs") { Description = "After early stopping, continue on all of training0 (held-out cycle included) for this many epochs.", DefaultValueFactory = _ => 0 };

    public Option<int> Threads { get; } = new("--threads") { Description = "People trained at once by eval (one thread each); results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };

    public Option<double> Rehearsal { get; } = new("--rehearsal") { Description = "Fine-tuning: mix this many pre-training windows (other people) per own window into each person's training set.", DefaultValueFactory = _ => 0.0 };

    public Option<int> Freeze { get; } = new("--freeze") { Description = "Fine-tuning: keep the first N weighted layers of the pre-trained CNN fixed.", DefaultValueFactory = _ => 0 };

    public Option<double> RotationJitter { get; } = new("--rotation-jitter") { Description = "Training augmentation: displace the band by up to this fraction of an electrode (interpolating neighbours).", DefaultValueFactory = _ => 0.0 };

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
        int epochs = parse.GetValue(Epochs);
        int hop = parse.GetValue(Hop);
        double lr = parse.GetValue(LearningRate);
        if (epochs < 1 || hop < 1 || !(lr > 0 && lr < 1))
        {
            throw new CliException("--epochs and --hop must be >= 1 and --lr in (0, 1).", "Try --epochs 40 --hop 5 --lr 0.002.");
        }

        if (parse.GetValue(Freeze) < 0 || parse.GetValue(Rehearsal) < 0 || parse.GetValue(RotationJitter) is < 0 or > 1 || parse.GetValue(ChannelGainJitter) is < 0 or >= 1)
        {
            throw new CliException(
                "--freeze and --rehearsal must be >= 0, --rotation-jitter in [0, 1] electrodes and --channel-gain-jitter in [0, 1).",
                "Try --freeze 0 --rehearsal 0 --rotation-jitter 0 --channel-gain-jitter 0.2.");
        }

        int threads = parse.GetValue(Threads);
        if (threads < 1)
        {
            throw new CliException("--threads must be >= 1.", "Try --threads " + Environment.ProcessorCount + " (this machine's cores).");
        }

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
