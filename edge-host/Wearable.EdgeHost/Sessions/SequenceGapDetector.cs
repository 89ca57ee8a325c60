namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// Watches the per-stream block counter (uint32, from 0 at StartStream) and counts blocks lost in
/// transit, duplicates and late arrivals. A frame the link decoder rejected (bad CRC) shows up here as a gap.
/// </summary>
public sealed class SequenceGapDetector
{
    private bool _started;
    private uint _expected;

    /// <summary>Blocks received in order or after a gap.</summary>
    public long Received { get; private set; }

    /// <summary>Blocks never seen (sum of gap sizes).</summary>
    public long Lost { get; private set; }

    /// <summary>Number of separate gaps.</summary>
    public long Gaps { get; private set; }

    /// <summary>Blocks whose counter was already passed (duplicates or reordered).</summary>
    public long Stale { get; private set; }

    /// <summary>Accounts for one block; returns how many blocks were skipped just before it (0 when none).</summary>
    public long Observe(uint sequence)
    {
        if (!_started)
        {
            _started = true;
            _expected = sequence + 1;
            Received++;
            return 0;
        }

        // Unsigned distance handles the wrap at 2^32: anything "behind" by less than half the range is stale.
        uint ahead = sequence - _expected;
        if (ahead >= 0x8000_0000u)
        {
            Stale++;
            return 0;
        }

        Received++;
        _expected = sequence + 1;
        if (ahead != 0)
        {
            Lost += ahead;
            Gaps++;
        }

        return ahead;
    }

    /// <summary>Starts over (a new StartStream resets the device's counter to 0).</summary>
    public void Reset()
    {
        _started = false;
        _expected = 0;
    }
}
