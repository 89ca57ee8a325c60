using FsCheck;
using FsCheck.Fluent;
using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Tests.Sessions;

public class SequenceGapDetectorTests
{
    [Fact]
    public void Counts_lost_blocks_and_gaps()
    {
        var detector = new SequenceGapDetector();
        foreach (uint s in new uint[] { 0, 1, 2, 5, 6, 9 })
        {
            detector.Observe(s);
        }

        Assert.Equal(6, detector.Received);
        Assert.Equal(4, detector.Lost);
        Assert.Equal(2, detector.Gaps);
        Assert.Equal(0, detector.Stale);
    }

    [Fact]
    public void Duplicates_and_late_blocks_are_stale_not_gaps()
    {
        var detector = new SequenceGapDetector();
        foreach (uint s in new uint[] { 10, 11, 11, 9, 12 })
        {
            detector.Observe(s);
        }

        Assert.Equal(0, detector.Lost);
        Assert.Equal(2, detector.Stale);
    }

    [Fact]
    public void Counter_wrap_at_two_to_the_32_is_not_a_gap()
    {
        var detector = new SequenceGapDetector();
        detector.Observe(uint.MaxValue - 1);
        detector.Observe(uint.MaxValue);
        detector.Observe(0);
        long skipped = detector.Observe(2);

        Assert.Equal(1, skipped);
        Assert.Equal(1, detector.Lost);
    }

    [Fact]
    public void Property_lost_equals_the_blocks_removed_from_an_in_order_stream()
    {
        Prop.ForAll<bool[]>(keep =>
        {
            var detector = new SequenceGapDetector();
            detector.Observe(0);
            long removed = 0, trailing = 0;
            for (int i = 0; i < keep.Length; i++)
            {
                if (keep[i])
                {
                    detector.Observe((uint)(i + 1));
                    removed += trailing;
                    trailing = 0;
                }
                else
                {
                    trailing++;
                }
            }

            return detector.Lost == removed;
        }).QuickCheckThrowOnFailure();
    }
}
