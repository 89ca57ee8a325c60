using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;

namespace Wearable.Modeling.Tests;

public sealed class StreamingEvaluationTests
{
    [Fact]
    public void Multiclass_mcc_matches_the_binary_formula_and_is_1_when_perfect()
    {
        // Binary case: MCC = (TP TN - FP FN) / sqrt((TP+FP)(TP+FN)(TN+FP)(TN+FN)).
        var binary = new int[2, 2] { { 45, 5 }, { 10, 40 } }; // truth 0: 45 right, 5 wrong; truth 1: 10 wrong, 40 right
        double expected = ((40.0 * 45) - (5.0 * 10)) / Math.Sqrt(45.0 * 50 * 50 * 55);
        Assert.Equal(expected, StreamingEvaluation.MulticlassMcc(binary), 10);
        Assert.Equal(1.0, StreamingEvaluation.MulticlassMcc(new int[3, 3] { { 5, 0, 0 }, { 0, 7, 0 }, { 0, 0, 2 } }), 12);
        Assert.Equal(0.0, StreamingEvaluation.MulticlassMcc(new int[2, 2] { { 10, 0 }, { 10, 0 } }), 12);
    }

    /// <summary>A stream whose channel 0 carries its own label, so an "oracle" classifier can read it back with a lag.</summary>
    private static LabelledRecording LabelledStream(int[] labels)
    {
        var samples = new short[labels.Length * 2];
        for (int i = 0; i < labels.Length; i++)
        {
            samples[2 * i] = (short)labels[i];
        }

        return LabelledRecording.FromInt16("stream", "p", "1", ["a", "b"], 200, "adc", samples, labels);
    }

    [Fact]
    public void Latency_false_activations_and_accuracy_follow_a_lagging_oracle()
    {
        // 4 s rest, 2 s gesture 3, 4 s rest with a 0.15 s spurious blip of gesture 5 well after the release grace.
        var labels = new List<int>();
        labels.AddRange(Enumerable.Repeat(0, 800));
        labels.AddRange(Enumerable.Repeat(3, 400));
        labels.AddRange(Enumerable.Repeat(0, 800));
        var values = labels.ToArray();
        var stream = LabelledStream(values);
        for (int i = 1600; i < 1630; i++)
        {
            stream.Int16Samples![2 * i] = 5; // the signal says 5, the truth stays rest
        }

        const int Window = 40, Lag = 20; // the oracle sees 20 frames (100 ms) late
        int Oracle(float[] w) => (int)w[(Window - 1 - Lag) * 2];
        var result = StreamingEvaluation.Run(Oracle, Window, 2, 8, [stream], new StreamingOptions { Hop = 10, Vote = 1 });
        Assert.Equal(1, result.Onsets);
        Assert.Equal(1, result.DetectedOnsets);
        Assert.InRange(result.MedianLatencyMs, 100, 150); // the lag plus at most one hop
        Assert.True(result.RestMinutes > 0);
        Assert.Equal(1 / result.RestMinutes, result.FalseActivationsPerMinute, 6);
        Assert.InRange(result.Accuracy, 0.9, 0.99);
        Assert.InRange(result.NormalizedMcc, 0.5, 1);

        // A 7-decision vote removes the 3-decision blip and adds latency.
        var voted = StreamingEvaluation.Run(Oracle, Window, 2, 8, [stream], new StreamingOptions { Hop = 10, Vote = 7 });
        Assert.Equal(0, voted.FalseActivationsPerMinute);
        Assert.True(voted.MedianLatencyMs > result.MedianLatencyMs);
    }
}
