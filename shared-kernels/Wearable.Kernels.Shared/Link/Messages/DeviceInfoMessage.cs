using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host, the reply to Hello; allowed before pairing so a host can show what it found.
    /// Everything a host needs to interpret streams: channels, rate, scale to volts, capabilities.
    /// Layout (56 bytes, little-endian): ProtocolVersion u8 | FirmwareMajor u8 | FirmwareMinor u8 | FirmwarePatch u8 | DeviceId[16] | BoardName[16] | ChannelCount u8 | ActiveModelSlot u8 | MaxPayloadLength u16 | SampleRateHz i32 | Capabilities u32 | Status u8 | AdcBits u8 | reserved[2] | NanovoltsPerLsb i32.
    /// </summary>
    public sealed class DeviceInfoMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 56;

        /// <summary>Creates a holder with its fixed-size fields allocated once.</summary>
        public DeviceInfoMessage()
        {
            DeviceId = new byte[16];
            BoardName = new byte[16];
        }

        /// <summary>Protocol version the firmware speaks.</summary>
        public byte ProtocolVersion { get; set; } = LinkProtocol.Version;

        /// <summary>Firmware version, major.</summary>
        public byte FirmwareMajor { get; set; }

        /// <summary>Firmware version, minor.</summary>
        public byte FirmwareMinor { get; set; }

        /// <summary>Firmware version, patch.</summary>
        public byte FirmwarePatch { get; set; }

        /// <summary>Unique device id (e.g. from the MCU serial number) (16 bytes).</summary>
        public byte[] DeviceId { get; private set; }

        /// <summary>Board profile name, UTF-8, zero padded (16 bytes).</summary>
        public byte[] BoardName { get; private set; }

        /// <summary>Number of acquisition channels.</summary>
        public byte ChannelCount { get; set; }

        /// <summary>Active model slot (0 = A, 1 = B) or NoActiveModel.</summary>
        public byte ActiveModelSlot { get; set; } = NoActiveModel;

        /// <summary>Largest payload the device accepts.</summary>
        public int MaxPayloadLength { get; set; } = LinkProtocol.MaxPayloadLength;

        /// <summary>Acquisition rate per channel, Hz.</summary>
        public int SampleRateHz { get; set; }

        /// <summary>LinkCapabilities bits.</summary>
        public uint Capabilities { get; set; }

        /// <summary>LinkDeviceStatus bits.</summary>
        public byte Status { get; set; }

        /// <summary>ADC resolution in bits (samples are int16 whatever the ADC).</summary>
        public byte AdcBits { get; set; }

        /// <summary>Input-referred scale: one raw LSB in nanovolts (microvolts = value * this / 1000).</summary>
        public int NanovoltsPerLsb { get; set; }

        /// <summary>Largest board name: BoardName is this many bytes, zero padded.</summary>
        public const int BoardNameLength = 16;

        /// <summary>Value of ActiveModelSlot when no model is active.</summary>
        public const byte NoActiveModel = 0xFF;

        /// <summary>Sets BoardName from text (UTF-8, cut at 16 bytes, zero padded). Set-up time only: it allocates.</summary>
        public void SetBoardName(string name)
        {
            Array.Clear(BoardName, 0, BoardNameLength);
            if (name == null)
            {
                return;
            }

            LinkText.Encode(name, BoardName, BoardNameLength);
        }

        /// <summary>BoardName as text, up to the first zero byte. Allocates a string (host side, logs).</summary>
        public string GetBoardName()
        {
            int n = 0;
            while (n < BoardNameLength && BoardName[n] != 0)
            {
                n++;
            }

            return LinkText.Decode(BoardName, n);
        }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.DeviceInfo; }
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
            LinkPayload.CheckUInt16(MaxPayloadLength, "MaxPayloadLength");
            buffer[offset] = ProtocolVersion;
            buffer[offset + 1] = FirmwareMajor;
            buffer[offset + 2] = FirmwareMinor;
            buffer[offset + 3] = FirmwarePatch;
            LinkPayload.WriteBytes(DeviceId, 16, buffer, offset + 4, "DeviceId");
            LinkPayload.WriteBytes(BoardName, 16, buffer, offset + 20, "BoardName");
            buffer[offset + 36] = ChannelCount;
            buffer[offset + 37] = ActiveModelSlot;
            LinkBytes.WriteUInt16(buffer, offset + 38, MaxPayloadLength);
            LinkBytes.WriteInt32(buffer, offset + 40, SampleRateHz);
            LinkBytes.WriteUInt32(buffer, offset + 44, Capabilities);
            buffer[offset + 48] = Status;
            buffer[offset + 49] = AdcBits;
            buffer[offset + 50] = 0;
            buffer[offset + 51] = 0;
            LinkBytes.WriteInt32(buffer, offset + 52, NanovoltsPerLsb);
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            ProtocolVersion = buffer[offset];
            FirmwareMajor = buffer[offset + 1];
            FirmwareMinor = buffer[offset + 2];
            FirmwarePatch = buffer[offset + 3];
            LinkPayload.ReadBytes(buffer, offset + 4, DeviceId, 16);
            LinkPayload.ReadBytes(buffer, offset + 20, BoardName, 16);
            ChannelCount = buffer[offset + 36];
            ActiveModelSlot = buffer[offset + 37];
            MaxPayloadLength = LinkBytes.ReadUInt16(buffer, offset + 38);
            SampleRateHz = LinkBytes.ReadInt32(buffer, offset + 40);
            Capabilities = LinkBytes.ReadUInt32(buffer, offset + 44);
            Status = buffer[offset + 48];
            AdcBits = buffer[offset + 49];
            NanovoltsPerLsb = LinkBytes.ReadInt32(buffer, offset + 52);
            return true;
        }
    }
}
