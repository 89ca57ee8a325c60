namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device: the host's own nonce and Proof = HMAC-SHA256(HostSecret, DeviceNonce | HostNonce | HostId)
    /// (see LinkAuthentication). Reply: AuthResult.
    /// Layout (48 bytes, little-endian): HostNonce[16] | Proof[32].
    /// </summary>
    public sealed class AuthResponseMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 48;

        /// <summary>Creates a holder with its fixed-size fields allocated once.</summary>
        public AuthResponseMessage()
        {
            HostNonce = new byte[16];
            Proof = new byte[32];
        }

        /// <summary>Fresh random host nonce (16 bytes).</summary>
        public byte[] HostNonce { get; private set; }

        /// <summary>HMAC-SHA256 host proof (32 bytes).</summary>
        public byte[] Proof { get; private set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.AuthResponse; }
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
            LinkPayload.WriteBytes(HostNonce, 16, buffer, offset, "HostNonce");
            LinkPayload.WriteBytes(Proof, 32, buffer, offset + 16, "Proof");
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            LinkPayload.ReadBytes(buffer, offset, HostNonce, 16);
            LinkPayload.ReadBytes(buffer, offset + 16, Proof, 32);
            return true;
        }
    }
}
