using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Per-channel calibration. Host to device (authenticated): store it (reply Ack). Device to host: the reply to
    /// CalibrationGet. Gain corrects electrode/amplifier spread in Q16.16 (65536 = 1.0); offset is subtracted in
    /// raw LSB before the gain; the noise threshold (raw LSB, e.g. 3 x resting RMS) gates activity detection.
    /// Layout (4 + 8 * ChannelCount bytes, little-endian): ChannelCount u8 | reserved[3] |
    /// per channel { GainQ16 i32 | OffsetLsb i16 | NoiseThresholdLsb i16 }.
    /// </summary>
    public sealed class CalibrationMessage : ILinkMessage
    {
        /// <summary>Bytes before the per-channel entries.</summary>
        public const int HeaderLength = 4;

        /// <summary>Bytes per channel.</summary>
        public const int EntryLength = 8;

        /// <summary>Most channels a table can hold.</summary>
        public const int MaxChannels = 64;

        /// <summary>Unity gain in Q16.16.</summary>
        public const int UnityGain = 65536;

        /// <summary>Creates a holder for up to <see cref="MaxChannels"/> channels.</summary>
        public CalibrationMessage()
        {
            GainQ16 = new int[MaxChannels];
            OffsetLsb = new short[MaxChannels];
            NoiseThresholdLsb = new short[MaxChannels];
        }

        /// <summary>Channels in the table, 0..64.</summary>
        public int ChannelCount { get; set; }

        /// <summary>Gain per channel, Q16.16.</summary>
        public int[] GainQ16 { get; private set; }

        /// <summary>Offset per channel, raw LSB.</summary>
        public short[] OffsetLsb { get; private set; }

        /// <summary>Noise threshold per channel, raw LSB.</summary>
        public short[] NoiseThresholdLsb { get; private set; }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.Calibration; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return HeaderLength + (EntryLength * ChannelCount); }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            if (ChannelCount < 0 || ChannelCount > MaxChannels)
            {
                throw new ArgumentOutOfRangeException("ChannelCount", "ChannelCount must be 0..64.");
            }

            int length = PayloadLength;
            LinkPayload.CheckWrite(buffer, offset, length);
            buffer[offset] = (byte)ChannelCount;
            buffer[offset + 1] = 0;
            buffer[offset + 2] = 0;
            buffer[offset + 3] = 0;
            int at = offset + HeaderLength;
            for (int c = 0; c < ChannelCount; c++)
            {
                LinkBytes.WriteInt32(buffer, at, GainQ16[c]);
                LinkBytes.WriteInt16(buffer, at + 4, OffsetLsb[c]);
                LinkBytes.WriteInt16(buffer, at + 6, NoiseThresholdLsb[c]);
                at += EntryLength;
            }

            return length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, HeaderLength))
            {
                return false;
            }

            int channels = buffer[offset];
            if (channels > MaxChannels || length != HeaderLength + (EntryLength * channels))
            {
                return false;
            }

            ChannelCount = channels;
            int at = offset + HeaderLength;
            for (int c = 0; c < channels; c++)
            {
                GainQ16[c] = LinkBytes.ReadInt32(buffer, at);
                OffsetLsb[c] = LinkBytes.ReadInt16(buffer, at + 4);
                NoiseThresholdLsb[c] = LinkBytes.ReadInt16(buffer, at + 6);
                at += EntryLength;
            }

            return true;
        }
    }
}
