namespace Wearable.Firmware.Afe
{
    /// <summary>
    /// Waits a front end's datasheet timings demand (power-on reset, reset pulse, reference settling).
    /// A board blocks (Thread.Sleep, a busy wait on its timer); a simulated chip advances its own time,
    /// so tests check the driver waited long enough without ever sleeping.
    /// </summary>
    public interface IAfeDelay
    {
        void WaitMicroseconds(int microseconds);
    }
}
