using System.Threading;
using Wearable.Firmware.Afe;

namespace Wearable.Board.Esp32
{
    /// <summary>Datasheet waits: the interpreter's Sleep has millisecond steps, so shorter waits round up to 1 ms (harmless: they are minimums).</summary>
    public sealed class ThreadDelay : IAfeDelay
    {
        public void WaitMicroseconds(int microseconds)
        {
            Thread.Sleep((microseconds + 999) / 1000);
        }
    }
}
