namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// Watches the per-stream block counter (uint32, from 0 at StartStream; the device skips the numbers of
/// blocks its ring lost) and counts blocks lost on the device or in transit, duplicates and late
/// arrivals. A frame the link decoder rejected (bad CRC) shows up here as a gap too. A jump the block
/// timestamps do not back (a corrupt counter, a restarted device) is a resynchronisation, not a loss.
/// </summary>
public sealed class SequenceGapDetector
{
    /// <summary>Without timestamps, a jump of more blocks than this (either way) is taken as a resync (2^20 blocks: hours of any stream).</summary>
    public const uint MaxPlausibleGap = 1u << 20;

    private bool _started;
    private uint _expected;
    private long _lastTimestamp;
    private bool _haveTimestamp;

    /// <summary>Blocks received in order or after a gap.</summary>
    public long Received { get; private set; }

    /// <summary>Blocks never seen (sum of gap sizes).</summary>
    public long Lost { get; private set; }

    /// <summary>Number of separate gaps.</summary>
    public long Gaps { get; private set; }

    /// <summary>Blocks whose counter was already passed (duplicates or reordered).</summary>
    public long Stale { get; private set; }

    /// <summary>Jumps that were not losses: the counting started over at the block that caused them.</summary>
    public long Resyncs { get; private set; }

    /// <summary>Accounts for one block by its counter only; returns how many blocks were skipped just before it (0 when none).</summary>
    public long Observe(uint sequence) => Classify(sequence, null, 0).Skipped;

    /// <summary>
    /// Accounts for one block. With its device timestamp and the duration of one block, a jump counts as a
    /// loss only when the timestamps moved by as many blocks as the counter did.
    /// </summary>
    public SequenceObservation Classify(uint sequence, long? timestampMicros, double blockMicros)
    {
        if (!_started)
        {
            _started = true;
            Accept(sequence, timestampMicros);
            return new SequenceObservation(SequenceVerdict.First, 0, sequence, sequence);
        }

        uint expected = _expected;
        bool timed = timestampMicros is not null && _haveTimestamp && blockMicros > 0;
        double tolerance = blockMicros / 2;

        // Unsigned distance handles the wrap at 2^32: anything "behind" by less than half the range is stale.
        uint ahead = sequence - expected;
        if (ahead >= 0x8000_0000u)
        {
            long back = (long)(expected - sequence);
            bool duplicate = timed
                ? Math.Abs(timestampMicros!.Value - _lastTimestamp + ((back - 1) * blockMicros)) <= tolerance
                : back <= MaxPlausibleGap;
            if (duplicate)
            {
                Stale++;
                return new SequenceObservation(SequenceVerdict.Stale, 0, expected, sequence);
            }

            return Resync(sequence, timestampMicros, expected);
        }

        bool plausible = timed
            ? Math.Abs(timestampMicros!.Value - _lastTimestamp - (((long)ahead + 1) * blockMicros)) <= tolerance
            : ahead <= MaxPlausibleGap;
        if (!plausible)
        {
            return Resync(sequence, timestampMicros, expected);
        }

        Accept(sequence, timestampMicros);
        if (ahead == 0)
        {
            return new SequenceObservation(SequenceVerdict.InOrder, 0, expected, sequence);
        }

        Lost += ahead;
        Gaps++;
        return new SequenceObservation(SequenceVerdict.Gap, ahead, expected, sequence);
    }

    /// <summary>Starts over (a new StartStream resets the device's counter to 0).</summary>
    public void Reset()
    {
        _started = false;
        _expected = 0;
        _haveTimestamp = false;
    }

    private SequenceObservation Resync(uint sequence, long? timestampMicros, uint expected)
    {
        Resyncs++;
        Accept(sequence, timestampMicros);
        return new SequenceObservation(SequenceVerdict.Resync, 0, expected, sequence);
    }

    private void Accept(uint sequence, long? timestampMicros)
    {
        Received++;
        _expected = sequence + 1;
        _haveTimestamp = timestampMicros is not null;
        _lastTimestamp = timestampMicros ?? 0;
    }
}

/// <summary>What one block's counter meant.</summary>
public enum SequenceVerdict
{
    /// <summary>The first block of a stream.</summary>
    First,

    /// <summary>The block that was expected.</summary>
    InOrder,

    /// <summary>Blocks before this one were lost (<see cref="SequenceObservation.Skipped"/> of them).</summary>
    Gap,

    /// <summary>A duplicate or a late block: its number was already passed.</summary>
    Stale,

    /// <summary>A jump the timestamps do not back (corrupt counter, restarted device): counting starts over here.</summary>
    Resync,
}

/// <summary>The verdict on one block, the blocks lost just before it, and the counter expected vs received.</summary>
public readonly record struct SequenceObservation(SequenceVerdict Verdict, long Skipped, uint Expected, uint Received);
