using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Link;

public class FramingTests
{
    private readonly LinkEncoder _encoder = new();
    private readonly LinkDecoder _decoder = new();
    private readonly byte[] _wire = new byte[LinkProtocol.MaxEncodedFrameLength];

    [Fact]
    public void FrameRoundTripsHeaderAndPayload()
    {
        byte[] payload = { 1, 0, 2, 0, 0, 3 };
        int n = _encoder.Encode(LinkMessageType.Marker, LinkFlags.AckRequested, 0xBEEF, payload, 0, payload.Length, _wire, 0);
        Assert.Equal(0, _wire[n - 1]);
        Assert.DoesNotContain((byte)0, _wire.AsSpan(0, n - 1).ToArray());
        var sink = new CollectingSink();
        Assert.Equal(1, _decoder.Push(_wire, 0, n, sink));
        var frame = Assert.Single(sink.Frames);
        Assert.Equal(LinkMessageType.Marker, frame.Type);
        Assert.Equal(LinkFlags.AckRequested, frame.Flags);
        Assert.Equal(0xBEEF, frame.Sequence);
        Assert.Equal(payload, frame.Payload);
    }

    [Fact]
    public void RawFrameLayoutIsHeaderPayloadCrcLittleEndian()
    {
        byte[] payload = { 0xAA, 0xBB };
        int n = _encoder.Encode(LinkMessageType.Log, LinkFlags.Response, 0x0102, payload, 0, 2, _wire, 0);
        byte[] raw = new byte[LinkProtocol.MaxRawFrameLength];
        int m = Cobs.Decode(_wire, 0, n - 1, raw, 0, raw.Length);
        Assert.Equal(14, m);
        Assert.Equal(new byte[] { 1, 0x05, 0x02, 0, 0x02, 0x01, 2, 0, 0xAA, 0xBB }, raw.AsSpan(0, 10).ToArray());
        uint crc = LinkCrc32.Compute(raw, 0, 10);
        Assert.Equal(new byte[] { (byte)crc, (byte)(crc >> 8), (byte)(crc >> 16), (byte)(crc >> 24) }, raw.AsSpan(10, 4).ToArray());
    }

    [Fact]
    public void LargestPayloadFitsMaxEncodedFrameLength()
    {
        byte[] payload = new byte[LinkProtocol.MaxPayloadLength];
        for (int i = 0; i < payload.Length; i++)
        {
            payload[i] = (byte)(1 + (i % 255));
        }

        int n = _encoder.Encode(LinkMessageType.ModelChunk, 0, 7, payload, 0, payload.Length, _wire, 0);
        Assert.True(n <= LinkProtocol.MaxEncodedFrameLength);
        var sink = new CollectingSink();
        Assert.Equal(1, _decoder.Push(_wire, 0, n, sink));
        Assert.Equal(payload, sink.Frames[0].Payload);
    }

    [Fact]
    public void OversizePayloadIsRefusedBySender()
    {
        byte[] payload = new byte[LinkProtocol.MaxPayloadLength + 1];
        Assert.Throws<ArgumentOutOfRangeException>(
            () => _encoder.Encode(LinkMessageType.ModelChunk, 0, 0, payload, 0, payload.Length, _wire, 0));
    }

    [Fact]
    public void EveryFlippedBitIsDetected()
    {
        byte[] payload = { 10, 20, 30, 0, 40 };
        int n = _encoder.Encode(LinkMessageType.Marker, 0, 3, payload, 0, payload.Length, _wire, 0);
        for (int i = 0; i < n - 1; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] copy = _wire.AsSpan(0, n).ToArray();
                copy[i] ^= (byte)(1 << bit);
                var decoder = new LinkDecoder();
                int frames = decoder.Push(copy, 0, copy.Length);
                Assert.Equal(0, frames);

                // A flip that forges a 0x00 splits the frame in two bad halves; any other flip is one bad frame.
                Assert.Equal(copy[i] == 0 && i > 0 ? 2 : 1, decoder.FramesRejected);
            }
        }
    }

    [Fact]
    public void SizeConstantsAgree()
    {
        Assert.Equal(LinkProtocol.MaxEncodedFrameLength, LinkEncoder.MaxEncodedLength(LinkProtocol.MaxPayloadLength));
        Assert.Equal(1036, LinkProtocol.MaxRawFrameLength);
        Assert.Equal(1042, LinkProtocol.MaxEncodedFrameLength);
    }

    [Fact]
    public void ResynchronisesAfterGarbage()
    {
        byte[] payload = { 5, 6, 7 };
        int n = _encoder.Encode(LinkMessageType.Marker, 0, 1, payload, 0, payload.Length, _wire, 0);
        byte[] stream = new byte[200 + n + n];
        new Random(3).NextBytes(stream.AsSpan(0, 200));
        Array.Copy(_wire, 0, stream, 200, n);
        Array.Copy(_wire, 0, stream, 200 + n, n);
        var sink = new CollectingSink();
        _decoder.Push(stream, 0, stream.Length, sink);
        Assert.True(sink.Frames.Count >= 1);
        Assert.Equal(payload, sink.Frames[^1].Payload);
    }

    [Fact]
    public void EndlessGarbageWithoutDelimiterIsCountedAsOversizeOnce()
    {
        byte[] junk = new byte[5000];
        for (int i = 0; i < junk.Length; i++)
        {
            junk[i] = 0x01;
        }

        Assert.Equal(0, _decoder.Push(junk, 0, junk.Length));
        Assert.Equal(1, _decoder.OversizeFrames);
        Assert.Equal(LinkRejectReason.Oversize, _decoder.LastRejectReason);
        Assert.Equal(0, _decoder.Push(new byte[] { 0 }, 0, 1));
        Assert.Equal(5000, _decoder.BytesDiscarded);

        byte[] payload = { 9 };
        int n = _encoder.Encode(LinkMessageType.Marker, 0, 2, payload, 0, 1, _wire, 0);
        Assert.Equal(1, _decoder.Push(_wire, 0, n));
    }

    [Fact]
    public void VersionMismatchIsCountedSeparately()
    {
        byte[] raw = new byte[12];
        raw[0] = 2;
        raw[1] = (byte)LinkMessageType.Hello;
        LinkBytes.WriteUInt32(raw, 8, LinkCrc32.Compute(raw, 0, 8));
        byte[] wire = new byte[32];
        int n = Cobs.Encode(raw, 0, raw.Length, wire, 0);
        wire[n] = 0;
        Assert.Equal(0, _decoder.Push(wire, 0, n + 1));
        Assert.Equal(1, _decoder.VersionMismatches);
        Assert.Equal(LinkRejectReason.VersionMismatch, _decoder.LastRejectReason);
    }

    [Fact]
    public void LengthFieldDisagreeingWithTheFrameIsRejected()
    {
        byte[] raw = new byte[13];
        raw[0] = LinkProtocol.Version;
        raw[1] = (byte)LinkMessageType.Marker;
        LinkBytes.WriteUInt16(raw, 6, 2);
        LinkBytes.WriteUInt32(raw, 9, LinkCrc32.Compute(raw, 0, 9));
        byte[] wire = new byte[32];
        int n = Cobs.Encode(raw, 0, raw.Length, wire, 0);
        wire[n] = 0;
        Assert.Equal(0, _decoder.Push(wire, 0, n + 1));
        Assert.Equal(1, _decoder.LengthMismatches);
    }

    [Fact]
    public void ShortFramesAndTruncatedCobsAreCounted()
    {
        Assert.Equal(0, _decoder.Push(new byte[] { 0x03, 0x11, 0x22, 0x00 }, 0, 4));
        Assert.Equal(1, _decoder.ShortFrames);
        Assert.Equal(0, _decoder.Push(new byte[] { 0x09, 0x11, 0x22, 0x00 }, 0, 4));
        Assert.Equal(1, _decoder.CobsErrors);
    }

    [Fact]
    public void IdleDelimitersAreNotErrors()
    {
        Assert.Equal(0, _decoder.Push(new byte[16], 0, 16));
        Assert.Equal(0, _decoder.FramesRejected);
    }

    [Fact]
    public void PushByteExposesTheFrame()
    {
        byte[] payload = { 1, 2 };
        int n = _encoder.Encode(LinkMessageType.StopStream, 0, 9, payload, 0, 2, _wire, 0);
        int completed = 0;
        for (int i = 0; i < n; i++)
        {
            if (_decoder.PushByte(_wire[i]))
            {
                completed++;
                Assert.Equal(i, n - 1);
                Assert.Equal(LinkMessageType.StopStream, _decoder.Frame.MessageType);
                Assert.Equal(9, _decoder.Frame.Sequence);
            }
        }

        Assert.Equal(1, completed);
    }

    internal sealed record Captured(LinkMessageType Type, byte Flags, int Sequence, byte[] Payload);

    internal sealed class CollectingSink : ILinkFrameSink
    {
        public List<Captured> Frames { get; } = new();

        public void OnFrame(LinkFrame frame)
        {
            Frames.Add(new Captured(
                frame.MessageType,
                frame.Flags,
                frame.Sequence,
                frame.Buffer.AsSpan(frame.PayloadOffset, frame.PayloadLength).ToArray()));
        }
    }
}
