using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Tests.Sessions;

public class SampleRingBufferTests
{
    [Fact]
    public void Current_data_returns_the_latest_samples_oldest_first_without_draining()
    {
        var ring = new SampleRingBuffer(rows: 2, capacity: 4);
        for (int i = 0; i < 3; i++)
        {
            ring.Append(new double[] { i, 10 * i });
        }

        double[][] latest = ring.GetCurrentData(2);

        Assert.Equal(new double[] { 1, 2 }, latest[0]);
        Assert.Equal(new double[] { 10, 20 }, latest[1]);
        Assert.Equal(3, ring.Count);
    }

    [Fact]
    public void Overflow_overwrites_the_oldest_and_counts_it()
    {
        var ring = new SampleRingBuffer(rows: 1, capacity: 3);
        for (int i = 0; i < 5; i++)
        {
            ring.Append(new double[] { i });
        }

        Assert.Equal(new double[] { 2, 3, 4 }, ring.GetAllData()[0]);
        Assert.Equal(2, ring.Overwritten);
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void All_data_drains_so_the_next_call_sees_only_new_samples()
    {
        var ring = new SampleRingBuffer(rows: 1, capacity: 8);
        ring.Append(new double[] { 1 });
        ring.GetAllData();
        ring.Append(new double[] { 2 });

        Assert.Equal(new double[] { 2 }, ring.GetAllData()[0]);
    }

    [Fact]
    public void Sample_with_wrong_row_count_is_refused()
    {
        var ring = new SampleRingBuffer(rows: 3, capacity: 8);

        var error = Assert.Throws<ArgumentException>(() => ring.Append(new double[] { 1 }));
        Assert.Contains("has 3 rows, got 1", error.Message);
    }
}
