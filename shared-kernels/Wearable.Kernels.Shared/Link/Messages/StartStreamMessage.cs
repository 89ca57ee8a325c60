using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Host to device (authenticated): start streaming one kind. A device sends SampleBlock messages
    /// (InferenceEvent for the event kind) until StopStream. Reply: Ack or Error (StreamNotSupported, BandwidthExceeded, NotAuthenticated).
    /// Layout (8 bytes, little-endian): Kind u8 | Options u8 | BlockSamples u16 | ChannelMask u32.
    /// Options bit 0 (<see cref="OptionInferenceEvents"/>): with Raw or Filtered, also send the active model's
    /// InferenceEvent messages, so a host can record samples and see decisions from one stream.
    /// </summary>
    public sealed class StartStreamMessage : ILinkMessage
    {
        /// <summary>Payload length.</summary>
        public const int Length = 8;

        /// <summary>Options bit: send InferenceEvents alongside a Raw or Filtered stream.</summary>
        public const int OptionInferenceEvents = 1;

        /// <summary>Option bits (see <see cref="OptionInferenceEvents"/>); unknown bits must be 0.</summary>
        public int Options { get; set; }

        /// <summary>What to stream.</summary>
        public LinkStreamKind Kind { get; set; } = LinkStreamKind.Raw;

        /// <summary>Samples per channel per SampleBlock (16 recommended at 2 kHz: 125 blocks per second).</summary>
        public int BlockSamples { get; set; } = 16;

        /// <summary>Bit i selects channel i (or feature/neuron i for the derived kinds).</summary>
        public uint ChannelMask { get; set; } = 0xFFFFFFFFu;

        /// <inheritdoc />
        public LinkMessageType MessageType
        {
            get { return LinkMessageType.StartStream; }
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
            LinkPayload.CheckUInt16(BlockSamples, "BlockSamples");
            if (Options < 0 || Options > 255)
            {
                throw new ArgumentOutOfRangeException("Options", "Options is one byte of flags.");
            }

            buffer[offset] = (byte)Kind;
            buffer[offset + 1] = (byte)Options;
            LinkBytes.WriteUInt16(buffer, offset + 2, BlockSamples);
            LinkBytes.WriteUInt32(buffer, offset + 4, ChannelMask);
            return Length;
        }

        /// <inheritdoc />
        public bool TryRead(byte[] buffer, int offset, int length)
        {
            if (!LinkPayload.CanRead(buffer, offset, length, Length) || length != Length)
            {
                return false;
            }

            Kind = (LinkStreamKind)buffer[offset];
            Options = buffer[offset + 1];
            BlockSamples = LinkBytes.ReadUInt16(buffer, offset + 2);
            ChannelMask = LinkBytes.ReadUInt32(buffer, offset + 4);
            return true;
        }
    }
}
