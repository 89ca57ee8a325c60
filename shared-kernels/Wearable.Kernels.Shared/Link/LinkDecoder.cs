using System;

namespace Wearable.Kernels.Link
{
    /// <summary>
    /// Turns an arbitrary byte stream into validated frames. COBS is undone byte by byte as bytes arrive, into
    /// one buffer of <see cref="LinkProtocol.MaxRawFrameLength"/> bytes allocated at construction; at each 0x00
    /// the CRC, version and length are checked. Anything wrong is counted and dropped, and decoding restarts
    /// at the next 0x00, so garbage, a cut cable or a receiver that starts mid-frame costs at most one frame.
    /// Two ways to receive: <see cref="Push(byte[], int, int, ILinkFrameSink)"/> calls a sink per frame, or
    /// <see cref="PushByte"/> returns true when <see cref="Frame"/> holds a new one. Not thread-safe: one
    /// receiving thread per instance.
    /// </summary>
    public sealed class LinkDecoder
    {
        private readonly byte[] _raw;
        private readonly LinkFrame _frame;

        // Streaming COBS state: bytes decoded so far, bytes left in the current block, its code byte,
        // encoded bytes seen since the last delimiter, and whether we are skipping to the next delimiter.
        private int _count;
        private int _blockRemaining;
        private int _blockCode;
        private int _encodedSinceDelimiter;
        private bool _discarding;

        /// <summary>Creates a decoder with its one receive buffer.</summary>
        public LinkDecoder()
        {
            _raw = new byte[LinkProtocol.MaxRawFrameLength];
            _frame = new LinkFrame(_raw);
        }

        /// <summary>The last frame completed; valid until the next byte is pushed.</summary>
        public LinkFrame Frame
        {
            get { return _frame; }
        }

        /// <summary>Frames delivered.</summary>
        public long FramesDecoded { get; private set; }

        /// <summary>Frames dropped because the CRC-32 did not match.</summary>
        public long CrcErrors { get; private set; }

        /// <summary>Frames dropped for invalid COBS (a block cut short by a delimiter).</summary>
        public long CobsErrors { get; private set; }

        /// <summary>Frames dropped for exceeding the maximum size.</summary>
        public long OversizeFrames { get; private set; }

        /// <summary>Frames dropped because they were shorter than header plus CRC.</summary>
        public long ShortFrames { get; private set; }

        /// <summary>Frames with a good CRC but another protocol version.</summary>
        public long VersionMismatches { get; private set; }

        /// <summary>Frames with a good CRC whose header length disagrees with the received length.</summary>
        public long LengthMismatches { get; private set; }

        /// <summary>Bytes that belonged to dropped frames, delimiters excluded.</summary>
        public long BytesDiscarded { get; private set; }

        /// <summary>All dropped frames, whatever the reason.</summary>
        public long FramesRejected
        {
            get { return CrcErrors + CobsErrors + OversizeFrames + ShortFrames + VersionMismatches + LengthMismatches; }
        }

        /// <summary>Why the most recent bad frame was dropped.</summary>
        public LinkRejectReason LastRejectReason { get; private set; }

        /// <summary>Forgets a partial frame (e.g. after reopening the port); counters are kept.</summary>
        public void Reset()
        {
            StartFrame();
        }

        /// <summary>Sets every counter to zero.</summary>
        public void ResetCounters()
        {
            FramesDecoded = 0;
            CrcErrors = 0;
            CobsErrors = 0;
            OversizeFrames = 0;
            ShortFrames = 0;
            VersionMismatches = 0;
            LengthMismatches = 0;
            BytesDiscarded = 0;
            LastRejectReason = LinkRejectReason.None;
        }

        /// <summary>
        /// Feeds <paramref name="count"/> received bytes and calls <paramref name="sink"/> once per completed frame.
        /// Returns the number of frames delivered.
        /// </summary>
        public int Push(byte[] data, int offset, int count, ILinkFrameSink sink)
        {
            if (sink == null)
            {
                throw new ArgumentNullException("sink", "pass a sink, or use Push(data, offset, count) to only count frames.");
            }

            CheckRange(data, offset, count);
            int delivered = 0;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (PushByte(data[i]))
                {
                    delivered++;
                    sink.OnFrame(_frame);
                }
            }

            return delivered;
        }

        /// <summary>Feeds bytes, only counting frames (tests, link statistics); returns the frames completed.</summary>
        public int Push(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);
            int delivered = 0;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (PushByte(data[i]))
                {
                    delivered++;
                }
            }

            return delivered;
        }

        private static void CheckRange(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset", "offset and count must lie inside data.");
            }
        }

        /// <summary>Feeds one byte; true when it completed a valid frame, now in <see cref="Frame"/>.</summary>
        public bool PushByte(byte value)
        {
            if (value == LinkProtocol.Delimiter)
            {
                return EndOfFrame();
            }

            if (_discarding)
            {
                // Counted here, not at the delimiter: a line that never sends 0x00 must not overflow a counter.
                BytesDiscarded++;
                return false;
            }

            _encodedSinceDelimiter++;

            if (_blockRemaining == 0)
            {
                // A code byte. The block before it (unless it was a full 254-byte block, code 0xFF) ended in
                // a zero that COBS removed; restore it now that we know more data follows.
                if (_encodedSinceDelimiter > 1 && _blockCode != 0xFF && !Append(0))
                {
                    return false;
                }

                _blockCode = value;
                _blockRemaining = value - 1;
                return false;
            }

            _blockRemaining--;
            Append(value);
            return false;
        }

        private bool Append(byte value)
        {
            if (_count == _raw.Length)
            {
                OversizeFrames++;
                LastRejectReason = LinkRejectReason.Oversize;
                BytesDiscarded += _encodedSinceDelimiter;
                _discarding = true;
                return false;
            }

            _raw[_count++] = value;
            return true;
        }

        private bool EndOfFrame()
        {
            int encoded = _encodedSinceDelimiter;
            if (_discarding)
            {
                StartFrame();
                return false;
            }

            if (encoded == 0)
            {
                // Back-to-back delimiters: idle fill or a sender flushing the line; not an error.
                return false;
            }

            bool ok = Validate();
            if (!ok)
            {
                BytesDiscarded += encoded;
            }

            StartFrame();
            return ok;
        }

        private bool Validate()
        {
            if (_blockRemaining != 0)
            {
                return Reject(LinkRejectReason.CobsError);
            }

            int length = _count;
            if (length < LinkProtocol.FrameOverhead)
            {
                return Reject(LinkRejectReason.TooShort);
            }

            int crcAt = length - LinkProtocol.CrcLength;
            if (LinkCrc32.Compute(_raw, 0, crcAt) != LinkBytes.ReadUInt32(_raw, crcAt))
            {
                return Reject(LinkRejectReason.CrcMismatch);
            }

            if (_raw[0] != LinkProtocol.Version)
            {
                return Reject(LinkRejectReason.VersionMismatch);
            }

            int payloadLength = LinkBytes.ReadUInt16(_raw, 6);
            if (payloadLength != crcAt - LinkProtocol.HeaderLength)
            {
                return Reject(LinkRejectReason.LengthMismatch);
            }

            _frame.Version = _raw[0];
            _frame.MessageType = (LinkMessageType)_raw[1];
            _frame.Flags = _raw[2];
            _frame.Sequence = LinkBytes.ReadUInt16(_raw, 4);
            _frame.PayloadLength = payloadLength;
            FramesDecoded++;
            return true;
        }

        private bool Reject(LinkRejectReason reason)
        {
            LastRejectReason = reason;
            switch (reason)
            {
                case LinkRejectReason.CobsError:
                    CobsErrors++;
                    break;
                case LinkRejectReason.TooShort:
                    ShortFrames++;
                    break;
                case LinkRejectReason.CrcMismatch:
                    CrcErrors++;
                    break;
                case LinkRejectReason.VersionMismatch:
                    VersionMismatches++;
                    break;
                default:
                    LengthMismatches++;
                    break;
            }

            return false;
        }

        private void StartFrame()
        {
            _count = 0;
            _blockRemaining = 0;
            _blockCode = 0;
            _encodedSinceDelimiter = 0;
            _discarding = false;
        }
    }
}
