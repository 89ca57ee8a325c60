using FsCheck;
using FsCheck.Fluent;
using Wearable.Firmware.Acquisition;

namespace Wearable.Firmware.Tests.Core;

public sealed class SampleRingTests
{
    [Fact]
    public void Overflow_overwrites_the_oldest_frames_and_counts_them()
    {
        var ring = new SampleRing(2, 4);
        ring.Write(new short[] { 0, 0, 1, 1, 2, 2 }, 0, 3);
        ring.Write(new short[] { 3, 3, 4, 4, 5, 5 }, 0, 3);
        Assert.Equal(2, ring.FramesDropped);
        Assert.Equal(2, ring.NextReadFrameIndex);
        var block = new short[8];
        Assert.True(ring.TryRead(block, 0, 4));
        Assert.Equal(new short[] { 2, 2, 3, 3, 4, 4, 5, 5 }, block);
        Assert.False(ring.TryRead(block, 0, 1));
    }

    [Fact]
    public void Any_sequence_of_writes_and_reads_returns_frames_in_order_with_their_absolute_index()
    {
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(-5, 9)).ToArbitrary(),
            steps =>
            {
                var ring = new SampleRing(3, 8);
                long produced = 0;
                var buffer = new short[3 * 10];
                foreach (int step in steps)
                {
                    if (step >= 0)
                    {
                        for (int f = 0; f < step; f++)
                        {
                            for (int c = 0; c < 3; c++)
                            {
                                buffer[(f * 3) + c] = (short)(((produced + f) * 3) + c);
                            }
                        }

                        ring.Write(buffer, 0, step);
                        produced += step;
                    }
                    else
                    {
                        long first = ring.NextReadFrameIndex;
                        if (ring.TryRead(buffer, 0, -step))
                        {
                            for (int i = 0; i < -step * 3; i++)
                            {
                                if (buffer[i] != (short)((first * 3) + i))
                                {
                                    return false;
                                }
                            }
                        }
                    }
                }

                return ring.FramesOffered == produced && ring.NextReadFrameIndex + ring.Count == produced
                    && ring.FramesDropped >= 0 && ring.Count <= 8;
            }).QuickCheckThrowOnFailure();
    }
}
