using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

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
            var sessions = data.Sessions.Where(s => s.Participant == participant).ToList();
            if (sessions.Count < 2)
            {
                continue;
            }

            var trainSessions = sessions.Take(sessions.Count - 1).ToList();
            var train = new WindowSet(MyoReadingsReader.Channels, MyoArmbandProtocol.WindowLength, 1 << 14);
            var validation = new WindowSet(MyoReadingsReader.Channels, MyoArmbandProtocol.WindowLength, 1 << 12);
            foreach (var session in trainSessions)
            {
                foreach (var recording in data.Load(session))
                {
                    // The last 10 s of every file validate (early stopping), the rest trains.
                    int split = Math.Max(0, recording.Frames - (int)(10 * recording.SampleRate));
                    train.AddRecording(Slice(recording, 0, split), options.TrainHop, WindowLabelRule.Unanimous);
                    validation.AddRecording(Slice(recording, split, recording.Frames), options.TestHop, WindowLabelRule.Unanimous);
                }
            }

            var network = ClassifierModels.Create(options.Spec, MyoArmbandProtocol.WindowLength, MyoReadingsReader.Channels, Classes, options.InputScale);
            network.Initialize(options.Training.Seed);
            var fit = Trainer.Fit(network, train, validation, options.Training);
            var test = sessions[^1];
            var result = StreamingEvaluation.Run(network, data.Load(test), streaming);
            results.Add(new StreamingPersonResult(participant, test.Session, result, fit.Elapsed.TotalSeconds));
            log?.Invoke(
                participant + " (test session " + test.Session + "): accuracy " + (result.Accuracy * 100).ToString("F1") + " %, normalised MCC " +
                result.NormalizedMcc.ToString("F3") + ", " + result.FalseActivationsPerMinute.ToString("F1") + " false activations/min at rest, latency " +
                result.MedianLatencyMs.ToString("F0") + " ms median (" + result.DetectedOnsets + "/" + result.Onsets + " onsets)");
        }

        return results;
    }

    private static LabelledRecording Slice(LabelledRecording r, int from, int to)
    {
        int channels = r.Channels;
        var samples = new short[(to - from) * channels];
        Array.Copy(r.Int16Samples!, from * channels, samples, 0, samples.Length);
        var labels = new int[to - from];
        Array.Copy(r.FrameLabels!, from, labels, 0, labels.Length);
        return LabelledRecording.FromInt16(r.Source, r.PersonId, r.SessionId, r.ChannelNames.ToArray(), r.SampleRate, r.Units, samples, labels);
    }
}
