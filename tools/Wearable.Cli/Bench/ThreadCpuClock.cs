using System.Runtime.InteropServices;

namespace Wearable.Cli.Bench;

/// <summary>
/// CPU time consumed by the calling thread. On a shared machine (the build host runs many jobs on two
/// cores) wall time measures the queue, not the kernel; "per core" figures need the thread's own CPU
/// time. Linux only (clock_gettime with CLOCK_THREAD_CPUTIME_ID); elsewhere <see cref="IsAvailable"/> is false.
/// </summary>
public static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsAvailable { get; } = Probe();

    /// <summary>Nanoseconds of CPU time of this thread (monotonic, arbitrary origin).</summary>
    public static long NowNanoseconds()
    {
        clock_gettime(ClockThreadCpuTimeId, out TimeSpec t);
        return t.Seconds * 1_000_000_000L + t.Nanoseconds;
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
