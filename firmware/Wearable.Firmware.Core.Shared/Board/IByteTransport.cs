namespace Wearable.Firmware.Board
{
    /// <summary>
    /// A byte pipe to the host (UART, USB CDC, BLE notifications, a pseudo-terminal, TCP). The link
    /// frames travel over it; the transport knows nothing about frames.
    /// </summary>
    public interface IByteTransport
    {
        /// <summary>
        /// Copies the bytes that have arrived (up to <paramref name="count"/>) into
        /// <paramref name="buffer"/> and returns how many; 0 when none is waiting. Never blocks.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>
        /// Sends all <paramref name="count"/> bytes; may block while the line is busy (that is the
        /// back-pressure that paces streaming on a slow link).
        /// </summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
