namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host: Status None on success, with DeviceProof = HMAC-SHA256(HostSecret, HostNonce | DeviceNonce | DeviceId)
    /// so the host knows it talks to the device it paired with (mutual authentication). On failure DeviceProof is zero.
    /// Layout (36 bytes, little-endian): Status u16 | reserved[2] | DeviceProof[32].
    /// </summary>
    public sealed class AuthResultMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 36;

        /// <summary>Creates a holder with its fixed-size fields allocated once.</summary>
        public AuthResultMessage()
        {
            DeviceProof = new byte[32];
        }

        /// <summary>Outcome: None, AuthFailed or NoChallenge.</summary>
        public LinkErrorCode Status { get; set; }

        /// <summary>HMAC-SHA256 device proof (32 bytes).</summary>
        public byte[] DeviceProof { get; private set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.AuthResult; }
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
            LinkBytes.WriteUInt16(buffer, offset, (int)Status);
            buffer[offset + 2] = 0;
            buffer[offset + 3] = 0;
            LinkPayload.WriteBytes(DeviceProof, 32, buffer, offset + 4, "DeviceProof");
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            Status = (LinkErrorCode)LinkBytes.ReadUInt16(buffer, offset + 0);
            LinkPayload.ReadBytes(buffer, offset + 4, DeviceProof, 32);
            return true;
        }
    }
}
