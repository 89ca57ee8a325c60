using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Evaluation;

/// <summary>
/// Pseudo-online metrics from a stream of decisions, whoever made them (a float network replayed
/// window by window, or the device's own ModelPipeline fed frame by frame). Each decision is judged
/// against the label of the newest frame it saw; onsets and gesture ends are read from the labels
/// between consecutive decisions. Call <see cref="BeginRecording"/> per recording, <see cref="Add"/>
/// per decision in frame order, then <see cref="Result"/>.
/// </summary>
public sealed class StreamScorer
{
    private readonly int _rest;
    private readonly double _releaseGraceSeconds;
    private readonly int[,] _confusion;
    private readonly List<double> _latencies = [];
    private LabelledRecording? _recording;
    private double _sampleRate;
    private double _restFrames;
    private int _falseActivations;
    private int _onsets;
    private int _previous;
    private int _lastFrameSeen;
    private int _lastGestureEnd;
    private int _onsetFrame;
    private int _onsetLabel;

    public StreamScorer(int classes, int restLabel, double releaseGraceSeconds)
    {
        _confusion = new int[classes, classes];
        _rest = restLabel;
        _releaseGraceSeconds = releaseGraceSeconds;
    }

    public void BeginRecording(LabelledRecording recording)
    {
        _recording = recording;
        _sampleRate = recording.SampleRate;
        _previous = _rest;
        _lastFrameSeen = 0;
        _lastGestureEnd = int.MinValue / 2;
        _onsetFrame = -1;
        _onsetLabel = -1;
    }

    /// <summary>A decision made once frame <paramref name="newestFrame"/> (0-based) was in.</summary>
    public void Add(int newestFrame, int decision)
    {
        var recording = _recording ?? throw new InvalidOperationException("BeginRecording first.");
        int truth = recording.LabelAt(newestFrame);
        _confusion[truth, decision]++;

        // Ground-truth onsets and ends among the frames since the previous decision (this one's frame included).
        for (int f = Math.Max(1, _lastFrameSeen + 1); f <= newestFrame; f++)
        {
            int before = recording.LabelAt(f - 1), now = recording.LabelAt(f);
            if (before == _rest && now != _rest)
            {
                _onsets++;
                _onsetFrame = f;
                _onsetLabel = now;
            }
            else if (before != _rest && now == _rest)
            {
                _lastGestureEnd = f;
                _onsetFrame = -1;
            }
        }

        int hop = newestFrame - _lastFrameSeen;
        _lastFrameSeen = newestFrame;
        if (_onsetFrame >= 0 && decision == _onsetLabel)
        {
            _latencies.Add((newestFrame - _onsetFrame) * 1000.0 / recording.SampleRate);
            _onsetFrame = -1;
        }

        int grace = (int)(_releaseGraceSeconds * recording.SampleRate);
        if (truth == _rest && newestFrame - _lastGestureEnd >= grace)
        {
            _restFrames += hop;
            if (decision != _rest && _previous == _rest)
            {
                _falseActivations++;
            }
        }

        _previous = decision;
    }

    public StreamingResult Result()
    {
        int classes = _confusion.GetLength(0);
        int total = 0, correct = 0;
        for (int i = 0; i < classes; i++)
        {
            for (int j = 0; j < classes; j++)
            {
                total += _confusion[i, j];
                correct += i == j ? _confusion[i, j] : 0;
            }
        }

        double mcc = StreamingEvaluation.MulticlassMcc(_confusion);
        double restMinutes = _sampleRate > 0 ? _restFrames / _sampleRate / 60 : 0;
        var sorted = _latencies.Order().ToList();
        return new StreamingResult(
            total, total == 0 ? double.NaN : (double)correct / total, mcc, (mcc + 1) / 2,
            restMinutes > 0 ? _falseActivations / restMinutes : double.NaN, restMinutes,
            _onsets, sorted.Count, sorted.Count > 0 ? sorted.Average() : double.NaN,
            Median(sorted), (int[,])_confusion.Clone())
        {
            P90LatencyMs = Percentile(sorted, 0.9),
            FalseActivations = _falseActivations,
            LatenciesMs = sorted,
        };
    }

    /// <summary>The median as this project always took it (the upper middle of an even count); NaN when empty.</summary>
    public static double Median(IReadOnlyList<double> ascending) => ascending.Count == 0 ? double.NaN : ascending[ascending.Count / 2];

    /// <summary>The nearest-rank percentile of ascending values; NaN when empty.</summary>
    public static double Percentile(IReadOnlyList<double> ascending, double fraction) =>
        ascending.Count == 0 ? double.NaN : ascending[Math.Clamp((int)Math.Ceiling(fraction * ascending.Count) - 1, 0, ascending.Count - 1)];
}
