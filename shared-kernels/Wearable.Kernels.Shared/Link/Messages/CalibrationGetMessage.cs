namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device (authenticated): read the calibration table. Reply: Calibration.
    /// Layout (0 bytes, little-endian): empty.
    /// </summary>
    public sealed class CalibrationGetMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 0;

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.CalibrationGet; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return Length; }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            LinkPayload.CheckWrite(buffer, offset, Length);
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            return true;
        }
    }
}
