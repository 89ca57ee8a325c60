using System.Diagnostics;
using Wearable.Firmware.Afe;

namespace Wearable.Board.LinuxSbc;

/// <summary>Datasheet waits on a real board: sleeps for milliseconds, spins for the microsecond ones.</summary>
public sealed class SleepDelay : IAfeDelay
{
    public void WaitMicroseconds(int microseconds)
    {
        if (microseconds >= 2000)
        {
            Thread.Sleep(TimeSpan.FromMicroseconds(microseconds));
            return;
        }

        long until = Stopwatch.GetTimestamp() + (microseconds * Stopwatch.Frequency / 1_000_000);
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(20);
        }
    }
}
