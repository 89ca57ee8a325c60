namespace Wearable.View.Tests;

public class TraceDecimatorTests
{
    [Theory]
    [InlineData(2000, 250, 8)]
    [InlineData(1000, 250, 4)]
    [InlineData(250, 250, 1)]
    [InlineData(200, 250, 1)]
    [InlineData(500, 300, 2)]
    public void The_factor_keeps_at_most_the_asked_buckets_per_second(int rate, int buckets, int factor) =>
        Assert.Equal(factor, TraceDecimator.FactorFor(rate, buckets));

    [Fact]
    public void Each_bucket_holds_the_min_and_max_of_its_samples_and_a_partial_bucket_waits()
    {
        var decimator = new TraceDecimator(2, 4);
        double[][] samples = [[1, -1], [5, -5], [-3, 3], [2, -2], [7, 0], [0, 9], [4, 4], [-8, 1], [100, 100]];
        foreach (double[] sample in samples)
        {
            decimator.Add(sample);
        }

        float[][] buckets = decimator.Take();
        Assert.Equal(new float[] { -3, 5, -8, 7 }, buckets[0]);
        Assert.Equal(new float[] { -5, 3, 0, 9 }, buckets[1]);

        // The ninth sample starts the next bucket; it appears once three more complete it.
        Assert.Empty(decimator.Take()[0]);
        for (int i = 0; i < 3; i++)
        {
            decimator.Add([-1, 0]);
        }

        Assert.Equal(new float[] { -1, 100 }, decimator.Take()[0]);
    }

    [Fact]
    public void A_single_spike_survives_decimation()
    {
        var decimator = new TraceDecimator(1, 8);
        for (int i = 0; i < 64; i++)
        {
            decimator.Add([i == 37 ? 500.0 : 0.0]);
        }

        float[] buckets = decimator.Take()[0];
        Assert.Equal(16, buckets.Length);
        Assert.Equal(500f, buckets[(37 / 8 * 2) + 1]);
        Assert.Equal(500f, buckets.Max());
    }
}
