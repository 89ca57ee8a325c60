using System.Diagnostics;

namespace Wearable.VirtualDevice.Sources;

/// <summary>
/// The latency bench's hook: each time the simulated ADC hands out frames it notes the device time
/// (the device clock, as block timestamps use) and the wall clock
/// (Stopwatch ticks). The host then asks when the last sample of a block entered the device.
/// A fixed ring: nothing grows however long the bench runs.
/// </summary>
public sealed class SampleEntryLog
{
    private readonly long[] _deviceMicros;
    private readonly long[] _ticks;
    private readonly object _gate = new();
    private long _count;

    public SampleEntryLog(int capacity = 65536)
    {
        _deviceMicros = new long[capacity];
        _ticks = new long[capacity];
    }

    /// <summary>Called by the source when frames up to <paramref name="deviceMicros"/> became available.</summary>
    public void Record(long deviceMicros)
    {
        long now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            int i = (int)(_count % _deviceMicros.Length);
            _deviceMicros[i] = deviceMicros;
            _ticks[i] = now;
            _count++;
        }
    }

    /// <summary>
    /// The Stopwatch ticks of the first hand-out whose device time reached <paramref name="deviceMicros"/>,
    /// or false when it is older than the ring holds or has not happened yet.
    /// </summary>
    public bool TryGetEntryTicks(long deviceMicros, out long ticks)
    {
        lock (_gate)
        {
            long oldest = Math.Max(0, _count - _deviceMicros.Length);
            long lo = oldest;
            long hi = _count;
            while (lo < hi)
            {
                long mid = (lo + hi) / 2;
                if (_deviceMicros[(int)(mid % _deviceMicros.Length)] >= deviceMicros)
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
