namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device: start authenticating as HostId. Reply: AuthChallenge, or Error NotPaired.
    /// Layout (16 bytes, little-endian): HostId[16].
    /// </summary>
    public sealed class AuthBeginMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 16;

        /// <summary>Creates a holder with its fixed-size fields allocated once.</summary>
        public AuthBeginMessage()
        {
            HostId = new byte[16];
        }

        /// <summary>The paired host identity (16 bytes).</summary>
        public byte[] HostId { get; private set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.AuthBegin; }
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
            LinkPayload.WriteBytes(HostId, 16, buffer, offset, "HostId");
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            LinkPayload.ReadBytes(buffer, offset, HostId, 16);
            return true;
        }
    }
}
