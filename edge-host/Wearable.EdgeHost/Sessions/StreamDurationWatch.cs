namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// Measures a stream by the device's own clock: how many seconds of signal have arrived (from the first
/// block's first sample to the end of the latest block, gaps included) and the events and blocks in that
/// span, so "stream for N seconds" means N seconds of data whatever the host's scheduling, and rates are
/// per second of device time. Feed it from the session's receive thread; wait on <see cref="Elapsed"/>.
/// </summary>
public sealed class StreamDurationWatch
{
    private readonly double _seconds;
    private readonly ManualResetEventSlim _elapsed = new();
    private readonly object _gate = new();
    private long _firstMicros = long.MinValue;
    private long _endMicros;
    private long _blocks;
    private long _events;

    public StreamDurationWatch(double seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        _seconds = seconds;
    }

    /// <summary>Set once <see cref="DeviceSeconds"/> reaches the requested duration.</summary>
    public WaitHandle Elapsed => _elapsed.WaitHandle;

    /// <summary>Seconds of signal received so far, by the device clock.</summary>
    public double DeviceSeconds
    {
        get
        {
            lock (_gate)
            {
                return _firstMicros == long.MinValue ? 0 : (_endMicros - _firstMicros) / 1e6;
            }
        }
    }

    /// <summary>Sample blocks received so far.</summary>
    public long Blocks => Interlocked.Read(ref _blocks);

    /// <summary>Inference events received so far.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>Blocks per second of device time (0 before a second's fraction has passed).</summary>
    public double BlocksPerSecond => Rate(Blocks);

    /// <summary>Events per second of device time.</summary>
    public double EventsPerSecond => Rate(Events);

    /// <summary>A sample block arrived: <paramref name="sampleRate"/> turns its length into device time.</summary>
    public void OnBlock(SampleBlock block, int sampleRate)
    {
        lock (_gate)
        {
            if (_firstMicros == long.MinValue)
            {
                _firstMicros = block.DeviceTimestampMicros;
            }

            _endMicros = Math.Max(_endMicros, block.DeviceTimestampMicros + (block.SampleCount * 1_000_000L / sampleRate));
            _blocks++;
            if ((_endMicros - _firstMicros) / 1e6 >= _seconds)
            {
                _elapsed.Set();
            }
        }
    }

    /// <summary>An inference event arrived.</summary>
    public void OnEvent() => Interlocked.Increment(ref _events);

    private double Rate(long count)
    {
        double seconds = DeviceSeconds;
        return seconds > 0 ? count / seconds : 0;
    }
}
