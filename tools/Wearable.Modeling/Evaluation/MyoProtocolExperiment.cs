using System.Diagnostics;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>Settings for a run of the MyoArmband protocol.</summary>
public sealed class MyoProtocolOptions
{
    public string Spec { get; set; } = Network.DefaultSpec;

    /// <summary>Input scale: Myo values are int8-range; 1/32 puts a firm contraction near 1.</summary>
    public float InputScale { get; set; } = 1f / 32;

    /// <summary>Hop between training windows (the paper used 5; larger trains faster).</summary>
    public int TrainHop { get; set; } = MyoArmbandProtocol.Hop;

    public int TestHop { get; set; } = MyoArmbandProtocol.Hop;

    /// <summary>Repetitions (of 28) of training0 held out for early stopping; the last ones.</summary>
    public int ValidationRepetitions { get; set; } = 7;

    public TrainingOptions Training { get; set; } = new();

    /// <summary>
    /// Continuous recordings (myo-readings): which training windows are kept and how they are labelled.
    /// Unanimous skips every window that spans a label change; LastFrame keeps them, labelled as the
    /// stream scorer judges a decision (by the newest frame), so the network also learns onsets and releases.
    /// </summary>
    public WindowLabelRule StreamTrainingWindows { get; set; } = WindowLabelRule.Unanimous;

    /// <summary>
    /// Continuous recordings (myo-readings): frames per window the network decides from. The protocol's
    /// 52 (260 ms at 200 Hz) by default; shorter windows fill with a new gesture sooner, so the decision
    /// can follow the muscle onset sooner, at some cost in accuracy.
    /// </summary>
    public int StreamWindowLength { get; set; } = MyoArmbandProtocol.WindowLength;

    /// <summary>
    /// Epochs of further training on all of training0 (held-out repetitions included) after early
    /// stopping, at a tenth of the learning rate; 0 = keep the early-stopped weights.
    /// </summary>
    public int FinalEpochs { get; set; }

    /// <summary>Limits training0 to its first N repetitions (for quick tests); 0 = all 28.</summary>
    public int TrainRepetitionLimit { get; set; }

    /// <summary>Limits each test session to its first N repetitions (for quick tests); 0 = all 28.</summary>
    public int TestRepetitionLimit { get; set; }

    /// <summary>
    /// Rehearsal while fine-tuning: this many pre-training windows (other people, PreTrainingDataset)
    /// per training0 window are mixed into each person's training set, so fine-tuning cannot forget
    /// what holds across people and sessions. 0 = training0 only.
    /// </summary>
    public double Rehearsal { get; set; }

    /// <summary>People trained at the same time (each on its own thread); results do not depend on it.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>
    /// Optional second score per person after training (e.g. the int8 model's accuracy): given the
    /// trained float model, the training windows (calibration) and the test windows.
    /// </summary>
    public Func<IClassifierModel, WindowSet, WindowSet, double>? AfterFit { get; set; }

    /// <summary>
    /// A third score per person (e.g. the int8 accuracy after quantization-aware fine-tuning): given the
    /// trained float model, the training windows, the early-stopping windows (null without) and the test windows.
    /// </summary>
    public Func<IClassifierModel, WindowSet, WindowSet?, WindowSet, double>? AfterFitQat { get; set; }
}

public sealed record PersonResult(string Person, bool InPaperSubset, double Accuracy, int TestWindows, int Epochs, double TrainSeconds)
{
    /// <summary>The <see cref="MyoProtocolOptions.AfterFit"/> score (NaN without one).</summary>
    public double FixedAccuracy { get; init; } = double.NaN;

    /// <summary>The <see cref="MyoProtocolOptions.AfterFitQat"/> score (NaN without one).</summary>
    public double QatAccuracy { get; init; } = double.NaN;
}

public sealed record ProtocolResult(IReadOnlyList<PersonResult> People, double MeanPaper17, double MeanAll, double TrainSeconds);

/// <summary>
/// Runs the per-person protocol of Côté-Allard et al. 2019: for each person, train (or fine-tune a
/// pre-trained network) on training0 and report accuracy on Test0 + Test1.
/// </summary>
public static class MyoProtocolExperiment
{
    public static ProtocolResult Run(
        MyoArmbandDataset data, IEnumerable<MyoParticipant> people, MyoProtocolOptions options,
        IClassifierModel? pretrained = null, Action<string>? log = null)
    {
        var paper = data.PaperParticipants().Select(p => p.Name).ToHashSet();
        var list = people.ToList();
        var results = new PersonResult[list.Count];
        var clock = Stopwatch.StartNew();
        WindowSet? rehearsal = options.Rehearsal > 0 ? MyoArmbandProtocol.PreTrainingWindows(data, 10) : null;

        // People are independent (own network copy, own seeded streams), so running them side by side
        // gives the same numbers as one after another, only sooner.
        Parallel.For(
            0,
            list.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) },
            i => results[i] = RunPerson(data, list[i], paper.Contains(list[i].Name), options, pretrained, log, rehearsal));

        double Mean(IEnumerable<PersonResult> r) => r.Any() ? r.Average(x => x.Accuracy) : double.NaN;
        return new ProtocolResult(results, Mean(results.Where(r => r.InPaperSubset)), Mean(results), clock.Elapsed.TotalSeconds);
    }

    /// <summary>One person: train (or fine-tune) on training0, score on Test0 + Test1.</summary>
    public static PersonResult RunPerson(
        MyoArmbandDataset data, MyoParticipant person, bool inPaperSubset, MyoProtocolOptions options,
        IClassifierModel? pretrained = null, Action<string>? log = null, WindowSet? rehearsal = null)
    {
        var (network, train, validation, fit) = SessionTraining.Fit(data, person, MyoArmbandDataset.Training, options, pretrained, rehearsal);
        var test = TestSet(data, person, options);
        var (_, accuracy) = Trainer.Evaluate(network, test);
        double second = options.AfterFit is null ? double.NaN : options.AfterFit(network, train, test);
        double third = options.AfterFitQat is null ? double.NaN : options.AfterFitQat(network, train, validation, test);
        log?.Invoke(person.Name + ": " + (accuracy * 100).ToString("F2") + " %" + (double.IsNaN(second) ? "" : " (int8 " + (second * 100).ToString("F2") + " %)") + (double.IsNaN(third) ? "" : " (QAT int8 " + (third * 100).ToString("F2") + " %)") + " on " + test.Count + " test windows (" + fit.Epochs + " epochs, best " + fit.BestEpoch + ", " + fit.Elapsed.TotalSeconds.ToString("F1") + " s)");
        return new PersonResult(person.Name, inPaperSubset, accuracy, test.Count, fit.Epochs, fit.Elapsed.TotalSeconds) { FixedAccuracy = second, QatAccuracy = third };
    }

    /// <summary>training0 split into fitting and early-stopping windows (by repetition, never mixing one repetition's windows).</summary>
    public static (WindowSet Train, WindowSet? Validation) TrainingSplit(MyoArmbandDataset data, MyoParticipant person, MyoProtocolOptions options) =>
        SessionTraining.Split(data, person, MyoArmbandDataset.Training, options);

    public static WindowSet TestSet(MyoArmbandDataset data, MyoParticipant person, MyoProtocolOptions options)
    {
        IEnumerable<LabelledRecording> Limit(IReadOnlyList<LabelledRecording> s) => options.TestRepetitionLimit > 0 ? s.Take(options.TestRepetitionLimit) : s;
        return MyoArmbandProtocol.Windows(
            Limit(data.LoadSession(person, MyoArmbandDataset.Test0)).Concat(Limit(data.LoadSession(person, MyoArmbandDataset.Test1))),
            MyoArmbandProtocol.WindowLength,
            options.TestHop);
    }

    /// <summary>Pre-trains on the whole PreTrainingDataset (22 people), holding out each person's last cycle for early stopping.</summary>
    public static (IClassifierModel Network, TrainingResult Fit) Pretrain(MyoArmbandDataset data, MyoProtocolOptions options, Action<string>? log = null)
    {
        var train = new WindowSet(MyoArmbandDatReader.Channels, MyoArmbandProtocol.WindowLength, 1 << 16);
        var validation = new WindowSet(MyoArmbandDatReader.Channels, MyoArmbandProtocol.WindowLength, 1 << 14);
        var all = options.FinalEpochs > 0 ? new WindowSet(MyoArmbandDatReader.Channels, MyoArmbandProtocol.WindowLength, 1 << 16) : null;
        foreach (var person in data.PreTrainingParticipants())
        {
            var session = data.LoadSession(person, MyoArmbandDataset.Training);
            foreach (var r in session)
            {
                all?.AddRecording(r, options.TrainHop);
            }

            int validationCount = Math.Clamp(options.ValidationRepetitions, 0, session.Count - 1);
            foreach (var r in session.Take(session.Count - validationCount))
            {
                train.AddRecording(r, options.TrainHop);
            }

            foreach (var r in session.Skip(session.Count - validationCount))
            {
                validation.AddRecording(r, options.TestHop);
            }
        }

        log?.Invoke("pre-training on " + train.Count + " windows, validating on " + validation.Count);
        var network = ClassifierModels.Create(options.Spec, MyoArmbandProtocol.WindowLength, MyoArmbandDatReader.Channels, MyoArmbandDatReader.GestureCount, options.InputScale);
        network.Initialize(options.Training.Seed);
        var fit = Trainer.Fit(network, train, validation.Count > 0 ? validation : null, options.Training);
        if (all is not null && validation.Count > 0)
        {
            // As SessionTraining's polish: after early stopping, the held-out cycle joins at a tenth of the learning rate.
            var polish = Trainer.Fit(network, all, null, options.Training.Polishing(options.FinalEpochs));
            fit = fit with { Elapsed = fit.Elapsed + polish.Elapsed, Epochs = fit.Epochs + polish.Epochs };
        }

        network.SetTraining(null);
        return (network, fit);
    }

}
