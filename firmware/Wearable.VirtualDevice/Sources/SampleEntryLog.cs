using System.Diagnostics;

namespace Wearable.VirtualDevice.Sources;

/// <summary>
/// The latency bench's hook: each time the simulated ADC hands out frames it notes how many frames it
/// has produced so far (frame k of the source is frame k of the acquisition ring, which block
/// timestamps count from) and the wall clock (Stopwatch ticks). The host then asks when the last
/// sample of a block entered the device.
/// A fixed ring: nothing grows however long the bench runs.
/// </summary>
public sealed class SampleEntryLog
{
    private readonly long[] _produced;
    private readonly long[] _ticks;
    private readonly object _gate = new();
    private long _count;

    public SampleEntryLog(int capacity = 65536)
    {
        _produced = new long[capacity];
        _ticks = new long[capacity];
    }

    /// <summary>Called by the source after handing out frames; <paramref name="framesProduced"/> is its running total.</summary>
    public void Record(long framesProduced)
    {
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            int i = (int)(_count % _produced.Length);
            _produced[i] = framesProduced;
            _ticks[i] = now;
            _count++;
        }
    }

    /// <summary>
    /// The Stopwatch ticks of the hand-out that contained frame <paramref name="frame"/> (0-based), or
    /// false when it is older than the ring holds or has not happened yet.
    /// </summary>
    public bool TryGetEntryTicks(long frame, out long ticks)
    {
        lock (_gate)
        {
            long oldest = Math.Max(0, _count - _produced.Length);
            long lo = oldest;
            long hi = _count;
            while (lo < hi)
            {
                long mid = (lo + hi) / 2;
                if (_produced[(int)(mid % _produced.Length)] > frame)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            if (lo >= _count || lo == oldest && oldest > 0)
            {
                ticks = 0;
                return false;
            }

            ticks = _ticks[(int)(lo % _ticks.Length)];
            return true;
        }
    }
}
