using System.Diagnostics;

namespace Wearable.EdgeHost.Sessions;

/// <summary>UNIX seconds with Stopwatch resolution: the wall clock read once, then advanced monotonically.</summary>
public static class HostClock
{
    private static readonly double OriginUnix = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
    private static readonly long OriginTicks = Stopwatch.GetTimestamp();

    public static double NowUnix() => OriginUnix + ((Stopwatch.GetTimestamp() - OriginTicks) / (double)Stopwatch.Frequency);

    /// <summary>The UNIX time of a Stopwatch timestamp.</summary>
    public static double ToUnix(long ticks) => OriginUnix + ((ticks - OriginTicks) / (double)Stopwatch.Frequency);
}
