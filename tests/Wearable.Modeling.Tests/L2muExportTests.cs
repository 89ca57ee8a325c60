using Wearable.Kernels.Model;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;
using Xunit.Abstractions;

namespace Wearable.Modeling.Tests;

public sealed class L2muExportTests
{
    private readonly ITestOutputHelper _output;

    public L2muExportTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_trained_L2mu_exported_to_a_model_file_decides_like_the_float_model_on_the_shared_pipeline()
    {
        var train = L2muNetworkTests.LoudChannelTask(160, 4);
        var test = L2muNetworkTests.LoudChannelTask(200, 9);
        var net = new L2muNetwork("l2mu:4:3:12:8:8", 20, 4, 4, 1);
        net.Initialize(1);
        Trainer.Fit(net, train, null, new TrainingOptions { MaxEpochs = 12, BatchSize = 16, LearningRate = 5e-3 });

        byte[] file = L2muExporter.Export(net, 200_000, "tiny", ["a", "b", "c", "d"]);
        var model = ModelReader.Read(file);
        Assert.Equal(SpikingLayerRecord.KindL2muCell, Assert.Single(model.SpikingLayers).Kind);
        var fixedPoint = new SpikingModelEvaluation(file);
        int agree = 0, sameCounts = 0, floatCorrect = 0, fixedCorrect = 0;
        for (int w = 0; w < test.Count; w++)
        {
            int f = net.Predict(test.Data, w * test.WindowSize);
            int[] floatCounts = (int[])net.LastCounts.Clone();
            int q = fixedPoint.Predict(test.Data, w * test.WindowSize);
            agree += f == q ? 1 : 0;
            floatCorrect += f == test.Label(w) ? 1 : 0;
            fixedCorrect += q == test.Label(w) ? 1 : 0;
            sameCounts += floatCounts.SequenceEqual(LastCounts(fixedPoint, test, w)) ? 1 : 0;
        }

        _output.WriteLine("decisions agree on " + agree + "/" + test.Count + ", identical spike counts on " + sameCounts + "; float " + floatCorrect + ", fixed " + fixedCorrect + " correct");
        Assert.True(floatCorrect > 0.85 * test.Count, "the float model did not learn: " + floatCorrect);
        Assert.True(agree >= 0.95 * test.Count, "float and fixed decisions agree on only " + agree + "/" + test.Count);
        Assert.True(Math.Abs(fixedCorrect - floatCorrect) <= 0.05 * test.Count);
        Assert.Equal(fixedCorrect / (double)test.Count, fixedPoint.Accuracy(test), 9);
    }

    /// <summary>The fixed run's output spike counts for one window (pushed again without the final decision's restart).</summary>
    private static int[] LastCounts(SpikingModelEvaluation evaluation, Datasets.WindowSet set, int w)
    {
        var pipeline = evaluation.Pipeline;
        pipeline.Reset();
        var frame = new short[set.Channels];
        int[] counts = new int[set.Length];
        for (int t = 0; t < set.Length; t++)
        {
            for (int c = 0; c < set.Channels; c++)
            {
                frame[c] = (short)Math.Round(set.Data[(w * set.WindowSize) + (t * set.Channels) + c], MidpointRounding.AwayFromZero);
            }

            if (t == set.Length - 1)
            {
                counts = (int[])pipeline.Spiking!.Counts.Clone();
                var output = pipeline.Spiking.Output;
                pipeline.Push(frame, 0);
                for (int a = 0; a < output.ActiveCount; a++)
                {
                    counts[output.ActiveIndices[a]]++;
                }

                return counts;
            }

            pipeline.Push(frame, 0);
        }

        return counts;
    }
}
