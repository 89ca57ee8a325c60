using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Device to host: SampleCount steps of ChannelCount int16 values, interleaved step-major
    /// (s0c0, s0c1, ..., s1c0, ...), the first step taken at TimestampMicros. BlockSequence counts blocks of this
    /// kind from StartStream, so a host sees a lost frame as a gap even though the header sequence wraps.
    /// Layout (16 + 2 * ChannelCount * SampleCount bytes, little-endian): Kind u8 | ChannelCount u8 |
    /// SampleCount u16 | BlockSequence u32 | TimestampMicros i64 | values i16[ChannelCount * SampleCount].
    /// </summary>
    public sealed class SampleBlockMessage : ILinkMessage
    {
        /// <summary>Bytes before the values.</summary>
        public const int HeaderLength = 16;

        /// <summary>The most int16 values one block can carry (e.g. 16 channels x 31 steps).</summary>
        public const int MaxValues = (LinkProtocol.MaxPayloadLength - HeaderLength) / 2;

        /// <summary>Creates a holder whose value buffer fits the largest block.</summary>
        public SampleBlockMessage()
        {
            Values = new short[MaxValues];
        }

        /// <summary>What the values are.</summary>
        public LinkStreamKind Kind { get; set; } = LinkStreamKind.Raw;

        /// <summary>Values per step (channels, features or neurons), 1..255.</summary>
        public int ChannelCount { get; set; }

        /// <summary>Steps in this block.</summary>
        public int SampleCount { get; set; }

        /// <summary>Block counter of this stream kind, from 0 at StartStream.</summary>
        public uint BlockSequence { get; set; }

        /// <summary>Device clock of the first step, microseconds.</summary>
        public long TimestampMicros { get; set; }

        /// <summary>Interleaved values; the first ChannelCount * SampleCount are meaningful.</summary>
        public short[] Values { get; private set; }

        /// <summary>Number of meaningful entries in <see cref="Values"/>.</summary>
        public int ValueCount
        {
            get { return ChannelCount * SampleCount; }
        }

        /// <summary>The most steps a block of <paramref name="channelCount"/> channels can carry.</summary>
        public static int MaxSamplesFor(int channelCount)
        {
            if (channelCount < 1 || channelCount > 255)
            {
                throw new ArgumentOutOfRangeException("channelCount", "channelCount must be 1..255.");
            }

            return MaxValues / channelCount;
        }

        /// <summary>Value of <paramref name="channel"/> at step <paramref name="sample"/>.</summary>
        public short Get(int sample, int channel)
        {
            return Values[(sample * ChannelCount) + channel];
        }

        /// <summary>Sets the value of <paramref name="channel"/> at step <paramref name="sample"/>.</summary>
        public void Set(int sample, int channel, short value)
        {
            Values[(sample * ChannelCount) + channel] = value;
        }

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.SampleBlock; }
        }

        /// <inheritdoc />
        public int PayloadLength
        {
            get { return HeaderLength + (2 * ChannelCount * SampleCount); }
        }

        /// <inheritdoc />
        public int Write(byte[] buffer, int offset)
        {
            if (ChannelCount < 1 || ChannelCount > 255 || SampleCount < 0 || SampleCount > MaxValues / ChannelCount)
            {
                throw new ArgumentOutOfRangeException(
                    "SampleCount",
                    "a block holds 1..255 channels and at most " + MaxValues.ToString()
                    + " values; use MaxSamplesFor(channels) steps or fewer.");
            }

            int length = PayloadLength;
            LinkPayload.CheckWrite(buffer, offset, length);
            buffer[offset] = (byte)Kind;
            buffer[offset + 1] = (byte)ChannelCount;
            LinkBytes.WriteUInt16(buffer, offset + 2, SampleCount);
            LinkBytes.WriteUInt32(buffer, offset + 4, BlockSequence);
            LinkBytes.WriteInt64(buffer, offset + 8, TimestampMicros);
            int count = ValueCount;
            int at = offset + HeaderLength;
            for (int i = 0; i < count; i++)
            {
                short v = Values[i];
                buffer[at] = (byte)v;
                buffer[at + 1] = (byte)(v >> 8);
                at += 2;
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

            int channels = buffer[offset + 1];
            int samples = LinkBytes.ReadUInt16(buffer, offset + 2);
            if (channels == 0 || length != HeaderLength + (2 * channels * samples))
            {
                return false;
            }

            Kind = (LinkStreamKind)buffer[offset];
            ChannelCount = channels;
            SampleCount = samples;
            BlockSequence = LinkBytes.ReadUInt32(buffer, offset + 4);
            TimestampMicros = LinkBytes.ReadInt64(buffer, offset + 8);
            int count = channels * samples;
            int at = offset + HeaderLength;
            for (int i = 0; i < count; i++)
            {
                Values[i] = (short)(buffer[at] | (buffer[at + 1] << 8));
                at += 2;
            }

            return true;
        }
    }
}
