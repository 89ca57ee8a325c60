using Wearable.Kernels.Gesture;
using Wearable.Kernels.Model;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Modeling.Evaluation;

/// <summary>
/// What a model file's network decided at every hop of some recordings (class and int8 score),
/// recorded once through the shared <see cref="ModelPipeline"/> with no decision logic, so that many
/// gesture_decision settings can be replayed through the <see cref="GestureDecision"/> kernel without
/// running the CNN again. A replay equals running the file with that section (tested).
/// </summary>
public sealed class DecisionTrace
{
    private readonly List<(LabelledRecording Recording, int[] Frames, int[] Classes, int[] Scores)> _recordings = [];

    private DecisionTrace(int classes, int channels)
    {
        ModelClasses = classes;
        Channels = channels;
    }

    public int ModelClasses { get; }

    public int Channels { get; }

    public int Hops => _recordings.Sum(r => r.Frames.Length);

    /// <summary>The wearer's muscle-activity threshold measured at calibration (<see cref="MuscleOnsetReference.Threshold"/>, LSB); null when not calibrated.</summary>
    public double? RestThreshold { get; private init; }

    public static DecisionTrace Record(byte[] modelFile, IEnumerable<LabelledRecording> recordings, double? restThreshold = null)
    {
        var pipeline = new ModelPipeline(ModelReader.Read(GestureDecisionSection.With(modelFile, null)));
        var runner = pipeline.Runner ?? throw new ArgumentException("A decision trace needs a CNN model file (its int8 softmax scores).");
        var trace = new DecisionTrace(runner.OutputBytes, pipeline.FrontEnd.Config.Channels) { RestThreshold = restThreshold };
        foreach (var recording in recordings)
        {
            short[] samples = DeviceStreamingEvaluation.Samples(recording, pipeline);
            pipeline.Reset();
            var frames = new List<int>();
            var classes = new List<int>();
            var scores = new List<int>();
            for (int f = 0; f < recording.Frames; f++)
            {
                if (pipeline.Push(samples, f * recording.Channels))
                {
                    frames.Add(f);
                    classes.Add(pipeline.ModelDecision);
                    scores.Add(runner.Arena[runner.OutputOffset + pipeline.ModelDecision]);
                }
            }

            trace._recordings.Add((recording, frames.ToArray(), classes.ToArray(), scores.ToArray()));
        }

        return trace;
    }

    /// <summary>The decisions <paramref name="parameters"/> make from the recorded hops (null: the raw argmax), scored into <paramref name="scorer"/>.</summary>
    public void Replay(GestureDecisionParameters? parameters, StreamScorer scorer)
    {
        var decision = parameters is null ? null : new GestureDecision(parameters, Channels, ModelClasses);
        foreach (var (recording, frames, classes, scores) in _recordings)
        {
            short[] samples = recording.Int16Samples!;
            decision?.Reset();
            scorer.BeginRecording(recording);
            int next = 0;
            for (int f = 0; f < recording.Frames && next < frames.Length; f++)
            {
                decision?.PushFrame(samples, f * Channels);
                if (frames[next] == f)
                {
                    scorer.Add(f, decision is null ? classes[next] : decision.Decide(classes[next], scores[next]));
                    next++;
                }
            }
        }
    }

    public StreamingResult Replay(GestureDecisionParameters? parameters, StreamingOptions options)
    {
        var scorer = new StreamScorer(ModelClasses, options.RestLabel, options.ReleaseGraceSeconds);
        Replay(parameters, scorer);
        return scorer.Result();
    }
}
