namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// Maps the device's microsecond clock to UNIX seconds on the host. Each time-sync exchange gives the
/// host send time, the device clock in the reply, and the host receive time; the device read is taken
/// to happen at the midpoint (NTP's assumption), and exchanges with a round trip far above the best
/// recent one are ignored because queueing delay makes their midpoint wrong. A least-squares line over
/// the kept points gives offset and drift, so timestamps stay right between exchanges.
/// Thread-safe: a session's time sync adds exchanges while its receive thread and readers map timestamps.
/// </summary>
public sealed class DeviceClockMapper
{
    private readonly int _window;
    private readonly List<ClockExchange> _points = new();
    private readonly Lock _lock = new();
    private double _slope = 1e-6;
    private double _intercept;
    private double _deviceOrigin;

    public DeviceClockMapper(int window = 32)
    {
        if (window < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "Keep at least two exchanges to estimate drift.");
        }

        _window = window;
    }

    /// <summary>True once at least one exchange has been accepted.</summary>
    public bool IsSynchronised
    {
        get
        {
            lock (_lock)
            {
                return _points.Count > 0;
            }
        }
    }

    /// <summary>Device clock rate error in parts per million (positive: the device clock runs slow).</summary>
    public double DriftPpm
    {
        get
        {
            lock (_lock)
            {
                return (_slope * 1e6 - 1.0) * 1e6;
            }
        }
    }

    /// <summary>The best round trip among kept exchanges, seconds: the bound on the mapping's error.</summary>
    public double BestRoundTripSeconds
    {
        get
        {
            lock (_lock)
            {
                return BestRoundTrip();
            }
        }
    }

    /// <summary>Adds one exchange. Returns false when it was rejected as delayed.</summary>
    public bool AddExchange(double hostSendUnix, long deviceMicros, double hostReceiveUnix)
    {
        double roundTrip = hostReceiveUnix - hostSendUnix;
        if (roundTrip < 0)
        {
            throw new ArgumentException("The reply arrived before the request was sent: the host times are swapped.");
        }

        lock (_lock)
        {
            return Add(hostSendUnix, deviceMicros, hostReceiveUnix, roundTrip);
        }
    }

    /// <summary>The host UNIX time of a device clock reading.</summary>
    public double ToUnixSeconds(long deviceMicros)
    {
        lock (_lock)
        {
            if (_points.Count == 0)
            {
                throw new InvalidOperationException("No time-sync exchange yet: call AddExchange (the session does this on connect).");
            }

            return _intercept + _slope * (deviceMicros - _deviceOrigin);
        }
    }

    /// <summary>The host UNIX time of a device clock reading, or <paramref name="fallback"/> before the first exchange.</summary>
    public double ToUnixSecondsOr(long deviceMicros, double fallback)
    {
        lock (_lock)
        {
            return _points.Count == 0 ? fallback : _intercept + _slope * (deviceMicros - _deviceOrigin);
        }
    }

    private double BestRoundTrip() => _points.Count == 0 ? double.NaN : _points.Min(p => p.RoundTrip);

    private bool Add(double hostSendUnix, long deviceMicros, double hostReceiveUnix, double roundTrip)
    {
        if (_points.Count == 0)
        {
            _deviceOrigin = deviceMicros;
        }

        double best = _points.Count == 0 ? roundTrip : Math.Min(BestRoundTrip(), roundTrip);
        if (_points.Count >= 2 && roundTrip > 3 * best + 0.002)
        {
            return false;
        }

        _points.Add(new ClockExchange(deviceMicros - _deviceOrigin, (hostSendUnix + hostReceiveUnix) / 2, roundTrip));
        if (_points.Count > _window)
        {
            _points.RemoveAt(0);
        }

        Fit();
        return true;
    }

    private void Fit()
    {
        int n = _points.Count;
        double meanDevice = _points.Average(p => p.Device);
        double meanHost = _points.Average(p => p.Host);
        double spread = _points.Sum(p => (p.Device - meanDevice) * (p.Device - meanDevice));
        double span = _points.Max(p => p.Device) - _points.Min(p => p.Device);

        // Until the exchanges span a second of device time, round-trip jitter (ms) would dominate a
        // fitted slope: assume the nominal rate. (Five pings in a burst at connect span only ms.)
        if (n < 2 || span < 1e6)
        {
            _slope = 1e-6;
        }
        else
        {
            _slope = _points.Sum(p => (p.Device - meanDevice) * (p.Host - meanHost)) / spread;
        }

        _intercept = meanHost - _slope * meanDevice;
    }

    /// <summary>One kept exchange: device time since the first one (µs), host midpoint (UNIX s), round trip (s).</summary>
    private readonly record struct ClockExchange(double Device, double Host, double RoundTrip);
}
