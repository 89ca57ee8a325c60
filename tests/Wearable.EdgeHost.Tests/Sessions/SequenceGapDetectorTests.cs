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

/// <summary>Issue 13 item 4: a jump the block timestamps do not back is a resync, not billions of lost blocks.</summary>
public class SequenceResyncTests
{
    private const double BlockMicros = 12_500;

    [Fact]
    public void A_gap_whose_timestamps_moved_as_far_is_a_loss()
    {
        var detector = new SequenceGapDetector();
        detector.Classify(0, 1_000_000, BlockMicros);
        detector.Classify(1, 1_012_500, BlockMicros);
        SequenceObservation seen = detector.Classify(5, 1_062_500, BlockMicros);

        Assert.Equal(SequenceVerdict.Gap, seen.Verdict);
        Assert.Equal(3, seen.Skipped);
        Assert.Equal(3, detector.Lost);
        Assert.Equal(0, detector.Resyncs);
    }

    [Fact]
    public void A_wild_counter_jump_is_a_resync_and_counts_nothing_lost()
    {
        var detector = new SequenceGapDetector();
        detector.Classify(0, 1_000_000, BlockMicros);
        detector.Classify(1, 1_012_500, BlockMicros);
        SequenceObservation seen = detector.Classify(3_000_000_000, 1_025_000, BlockMicros);
        SequenceObservation next = detector.Classify(3_000_000_001, 1_037_500, BlockMicros);

        Assert.Equal(SequenceVerdict.Resync, seen.Verdict);
        Assert.Equal(SequenceVerdict.InOrder, next.Verdict);
        Assert.Equal(0, detector.Lost);
        Assert.Equal(1, detector.Resyncs);
    }

    [Fact]
    public void A_restarted_device_counting_from_zero_again_is_a_resync_not_stale_forever()
    {
        var detector = new SequenceGapDetector();
        for (uint s = 0; s < 1000; s++)
        {
            detector.Classify(s, 5_000_000 + (s * 12_500), BlockMicros);
        }

        Assert.Equal(SequenceVerdict.Resync, detector.Classify(0, 200, BlockMicros).Verdict);
        Assert.Equal(SequenceVerdict.InOrder, detector.Classify(1, 12_700, BlockMicros).Verdict);
        Assert.Equal(0, detector.Stale);
        Assert.Equal(0, detector.Lost);
    }

    [Fact]
    public void A_duplicate_with_its_original_timestamp_stays_stale()
    {
        var detector = new SequenceGapDetector();
        detector.Classify(7, 100_000, BlockMicros);
        detector.Classify(8, 112_500, BlockMicros);
        Assert.Equal(SequenceVerdict.Stale, detector.Classify(7, 100_000, BlockMicros).Verdict);
        Assert.Equal(0, detector.Resyncs);
    }

    [Fact]
    public void Without_timestamps_an_implausible_jump_is_a_resync()
    {
        var detector = new SequenceGapDetector();
        detector.Observe(0);
        Assert.Equal(0, detector.Observe(4_000_000_000));
        Assert.Equal(0, detector.Lost);
        Assert.Equal(1, detector.Resyncs);
    }
}
