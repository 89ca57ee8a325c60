using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>Settings of training a gesture CNN on any <see cref="IGestureDataset"/>.</summary>
public sealed class DatasetTrainingOptions
{
    /// <summary>Device RAM the model may use (weights + activations), e.g. half a board's buffer budget.</summary>
    public long BudgetBytes { get; init; } = 16 * 1024;

    /// <summary>A layer spec to use as given; null picks the widest that fits <see cref="BudgetBytes"/>.</summary>
    public string? Spec { get; init; }

    public TrainingOptions Training { get; init; } = new();
}

/// <summary>Everything one training run on a data set produced.</summary>
public sealed record DatasetTrainingResult(IClassifierModel Network, TrainingResult Fit, ModelSize Size, DatasetSummary Summary, FloatModelCard Card, string ValidationSession);

/// <summary>
/// Trains a gesture CNN on any data set: windows where every frame carries one class (cues after the
/// reaction time), the model sized from the data and the board's budget, the last session (by subject
/// and name) held out for validation when there are several, and a card for <c>quantize</c>.
/// </summary>
public static class DatasetTraining
{
    /// <summary>Loads every session once (recordings are small next to what training costs).</summary>
    private static List<(DatasetSession Session, IReadOnlyList<LabelledRecording> Recordings)> LoadAll(IGestureDataset data) =>
        data.Sessions.Select(s => (s, s.Load())).ToList();

    public static DatasetTrainingResult Train(IGestureDataset data, DatasetTrainingOptions options)
    {
        var sessions = LoadAll(data);
        double rms = LabelledRms(sessions.SelectMany(s => s.Recordings));
        ModelSize size = GestureModelSizing.For(data.Channels, data.SampleRate, data.ClassNames.Count, options.BudgetBytes, rms, options.Spec);
        var train = new WindowSet(data.Channels, size.WindowLength);
        var validation = new WindowSet(data.Channels, size.WindowLength);
        string held = sessions.Count > 1 ? sessions[^1].Session.ToString() : string.Empty;
        foreach (var (session, recordings) in sessions)
        {
            WindowSet into = session.ToString() == held ? validation : train;
            foreach (var recording in recordings)
            {
                into.AddRecording(recording, size.TrainHop, WindowLabelRule.Unanimous);
            }
        }

        var all = new WindowSet(data.Channels, size.WindowLength);
        for (int i = 0; i < train.Count; i++)
        {
            all.AddWindowFrom(train, i);
        }

        for (int i = 0; i < validation.Count; i++)
        {
            all.AddWindowFrom(validation, i);
        }

        var summary = DatasetSummary.Of(all, data.ClassNames, data.SampleRate, size.TrainHop, sessions.Select(s => s.Session.Subject).Distinct().Count(), sessions.Count);
        if (train.Count == 0)
        {
            throw new InvalidOperationException("No labelled windows to train on in " + data.Root + ": the class spans are shorter than one window (" + size.WindowLength + " samples) or missing.");
        }

        IClassifierModel network = ClassifierModels.Create(size.Spec, size.WindowLength, data.Channels, data.ClassNames.Count, size.InputScale);
        network.Initialize(options.Training.Seed);
        TrainingResult fit = Trainer.Fit(network, train, validation.Count > 0 ? validation : null, options.Training);
        double unitsPerCount = sessions.SelectMany(s => s.Recordings).First().UnitsPerCount;
        var card = new FloatModelCard(data.ClassNames, data.SampleRate, size.DecisionHop, unitsPerCount, data.Root);
        return new DatasetTrainingResult(network, fit, size, summary, card, held);
    }

    /// <summary>Windows of every session at <paramref name="hop"/>, for calibration and evaluation.</summary>
    public static WindowSet Windows(IGestureDataset data, int length, int hop)
    {
        var set = new WindowSet(data.Channels, length);
        foreach (var session in data.Sessions)
        {
            foreach (var recording in session.Load())
            {
                set.AddRecording(recording, hop, WindowLabelRule.Unanimous);
            }
        }

        return set;
    }

    private static double LabelledRms(IEnumerable<LabelledRecording> recordings)
    {
        double sum = 0;
        long count = 0;
        foreach (var r in recordings)
        {
            for (int n = 0; n < r.Frames; n++)
            {
                if (r.LabelAt(n) == LabelledRecording.NoLabel)
                {
                    continue;
                }

                for (int c = 0; c < r.Channels; c++)
                {
                    double v = r.Sample(n, c);
                    sum += v * v;
                    count++;
                }
            }
        }

        return count == 0 ? 1 : Math.Sqrt(sum / count);
    }
}
