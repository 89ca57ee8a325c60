namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host: a fresh device nonce. It is valid for exactly one AuthResponse, so a recorded
    /// response cannot be replayed against a later challenge.
    /// Layout (16 bytes, little-endian): DeviceNonce[16].
    /// </summary>
    public sealed class AuthChallengeMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 16;

        /// <summary>Creates a holder with its fixed-size fields allocated once.</summary>
        public AuthChallengeMessage()
        {
            DeviceNonce = new byte[16];
        }

        /// <summary>Fresh random nonce (16 bytes).</summary>
        public byte[] DeviceNonce { get; private set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.AuthChallenge; }
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
            LinkPayload.WriteBytes(DeviceNonce, 16, buffer, offset, "DeviceNonce");
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            LinkPayload.ReadBytes(buffer, offset, DeviceNonce, 16);
            return true;
        }
    }
}
