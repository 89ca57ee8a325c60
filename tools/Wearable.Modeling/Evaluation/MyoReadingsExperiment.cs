using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>A participant's trained model, its training windows (calibration for int8) and the session it is tested on.</summary>
public sealed record ParticipantFit(IClassifierModel Network, WindowSet Train, MyoReadingsSession TestSession, double TrainSeconds);

public sealed record StreamingPersonResult(string Participant, string TestSession, StreamingResult Result, double TrainSeconds);

/// <summary>
/// Cross-session pseudo-online evaluation on myo-readings: per participant, train on all sessions but
/// the last (windows whose frames share one label), then replay the last session as a stream.
/// </summary>
public static class MyoReadingsExperiment
{
    public const int Classes = 8;

    public static IReadOnlyList<StreamingPersonResult> Run(
        MyoReadingsDataset data, MyoProtocolOptions options, StreamingOptions streaming, IEnumerable<string>? participants = null, Action<string>? log = null)
    {
        var results = new List<StreamingPersonResult>();
        foreach (string participant in participants ?? data.Participants)
        {
            if (Fit(data, participant, options) is not ParticipantFit fit)
            {
                continue;
            }

            var network = fit.Network;
            var test = fit.TestSession;
            var result = StreamingEvaluation.Run(network, data.Load(test), streaming);
            results.Add(new StreamingPersonResult(participant, test.Session, result, fit.TrainSeconds));
            log?.Invoke(
                participant + " (test session " + test.Session + "): accuracy " + (result.Accuracy * 100).ToString("F1") + " %, normalised MCC " +
                result.NormalizedMcc.ToString("F3") + ", " + result.FalseActivationsPerMinute.ToString("F1") + " false activations/min at rest, latency " +
                result.MedianLatencyMs.ToString("F0") + " ms median (" + result.DetectedOnsets + "/" + result.Onsets + " onsets)");
        }

        return results;
    }

    /// <summary>
    /// One participant's model: trained on all sessions but the last (the last 10 s of every file
    /// validate), from <paramref name="start"/> (fine-tuning) or from fresh weights, on the labels
    /// <paramref name="relabel"/> gives each recording (default: as recorded). Null with fewer than two sessions.
    /// </summary>
    public static ParticipantFit? Fit(MyoReadingsDataset data, string participant, MyoProtocolOptions options, IClassifierModel? start = null, Func<LabelledRecording, LabelledRecording>? relabel = null)
    {
        var sessions = data.Sessions.Where(s => s.Participant == participant).ToList();
        if (sessions.Count < 2)
        {
            return null;
        }

        // A start network fixes the window it decides from.
        int length = start?.InputLength ?? options.StreamWindowLength;
        var train = new WindowSet(MyoReadingsReader.Channels, length, 1 << 14);
        var validation = new WindowSet(MyoReadingsReader.Channels, length, 1 << 12);
        AddTrainingSessions(data, sessions.Take(sessions.Count - 1), options, relabel, train, validation);
        var network = start ?? ClassifierModels.Create(options.Spec, length, MyoReadingsReader.Channels, Classes, options.InputScale);
        if (start is null)
        {
            network.Initialize(options.Training.Seed);
        }

        var fit = Trainer.Fit(network, train, validation, options.Training);
        return new ParticipantFit(network, train, sessions[^1], fit.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// One network trained on every listed participant's sessions but their last (never a test session),
    /// the start that <see cref="Fit"/> then fine-tunes per participant: more people and sessions than
    /// one wearer's two, as pre-training on other people helps on the MyoArmband protocol. Same windows,
    /// validation split and labels as <see cref="Fit"/>.
    /// </summary>
    public static IClassifierModel PretrainPooled(MyoReadingsDataset data, IEnumerable<string> participants, MyoProtocolOptions options, Func<LabelledRecording, LabelledRecording>? relabel = null)
    {
        var train = new WindowSet(MyoReadingsReader.Channels, options.StreamWindowLength, 1 << 16);
        var validation = new WindowSet(MyoReadingsReader.Channels, options.StreamWindowLength, 1 << 14);
        foreach (string participant in participants)
        {
            var sessions = data.Sessions.Where(s => s.Participant == participant).ToList();
            AddTrainingSessions(data, sessions.Take(sessions.Count - 1), options, relabel, train, validation);
        }

        if (train.Count == 0)
        {
            throw new ArgumentException("Pooled pre-training needs participants with at least two sessions.", nameof(participants));
        }

        var network = ClassifierModels.Create(options.Spec, options.StreamWindowLength, MyoReadingsReader.Channels, Classes, options.InputScale);
        network.Initialize(options.Training.Seed);
        Trainer.Fit(network, train, validation, options.Training);
        return network;
    }

    private static void AddTrainingSessions(
        MyoReadingsDataset data, IEnumerable<MyoReadingsSession> sessions, MyoProtocolOptions options, Func<LabelledRecording, LabelledRecording>? relabel, WindowSet train, WindowSet validation)
    {
        foreach (var session in sessions)
        {
            foreach (var loaded in data.Load(session))
            {
                var recording = relabel is null ? loaded : relabel(loaded);
                int split = Math.Max(0, recording.Frames - (int)(10 * recording.SampleRate));
                train.AddRecording(Slice(recording, 0, split), options.TrainHop, options.StreamTrainingWindows);
                validation.AddRecording(Slice(recording, split, recording.Frames), options.TestHop, WindowLabelRule.Unanimous);
            }
        }
    }

    /// <summary>Frames [from, to) of <paramref name="r"/> as a recording of their own (samples and labels copied).</summary>
    public static LabelledRecording Slice(LabelledRecording r, int from, int to)
    {
        int channels = r.Channels;
        var samples = new short[(to - from) * channels];
        Array.Copy(r.Int16Samples!, from * channels, samples, 0, samples.Length);
        var labels = new int[to - from];
        Array.Copy(r.FrameLabels!, from, labels, 0, labels.Length);
        return LabelledRecording.FromInt16(r.Source, r.PersonId, r.SessionId, r.ChannelNames.ToArray(), r.SampleRate, r.Units, samples, labels);
    }
}
