namespace Wearable.Firmware.Board
{
    /// <summary>
    /// Hardware random numbers (ESP32 esp_random, STM32 RNG, the OS on the virtual board). The core
    /// mixes them with a persisted counter, so nonces stay unique even if the entropy is weak.
    /// </summary>
    public interface IEntropySource
    {
        /// <summary>Fills <paramref name="count"/> bytes with random values.</summary>
        void Fill(byte[] buffer, int offset, int count);
    }
}
