namespace Wearable.Firmware.Afe
{
    /// <summary>
    /// The board's SPI peripheral as an analog front end driver sees it: one full-duplex transfer with
    /// chip select held for its whole length (nanoFramework's SpiDevice.TransferFullDuplex, Meadow's
    /// ISpiBus.Exchange, Linux spidev). Mode, clock and chip-select pin are the board's business.
    /// </summary>
    public interface ISpiBus
    {
        /// <summary>Clocks out <paramref name="count"/> bytes of <paramref name="write"/> while reading as many into <paramref name="read"/>.</summary>
        void TransferFullDuplex(byte[] write, byte[] read, int count);
    }
}
