using FsCheck;
using FsCheck.Fluent;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Link;

/// <summary>FsCheck properties: encode then decode is the identity, for COBS alone and for whole frames.</summary>
public class LinkCodecProperties
{
    [Fact]
    public void CobsDecodeInvertsEncodeAndRespectsTheBound()
    {
        Prop.ForAll<byte[]>(plain =>
        {
            byte[] encoded = new byte[Cobs.MaxEncodedLength(plain.Length)];
            int n = Cobs.Encode(plain, 0, plain.Length, encoded, 0);
            byte[] decoded = new byte[plain.Length];
            int m = Cobs.Decode(encoded, 0, n, decoded, 0, decoded.Length);
            return m == plain.Length
                && decoded.AsSpan().SequenceEqual(plain)
                && Array.IndexOf(encoded, (byte)0, 0, n) < 0
                && n <= plain.Length + (plain.Length / 254) + 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void FramesSurviveEncodeAndDecodeWithEveryHeaderField()
    {
        var encoder = new LinkEncoder();
        var decoder = new LinkDecoder();
        byte[] wire = new byte[LinkProtocol.MaxEncodedFrameLength];
        Gen<byte[]> payloads = Gen.Choose(0, LinkProtocol.MaxPayloadLength)
            .SelectMany(n => Gen.ArrayOf(ArbMap.Default.GeneratorFor<byte>(), n));
        Prop.ForAll(
            payloads.ToArbitrary(),
            Gen.Choose(0, 255).ToArbitrary(),
            Gen.Choose(0, 65535).ToArbitrary(),
            (payload, typeAndFlags, sequence) =>
            {
                var type = (LinkMessageType)typeAndFlags;
                byte flags = (byte)(typeAndFlags * 7);
                int n = encoder.Encode(type, flags, sequence, payload, 0, payload.Length, wire, 0);
                if (decoder.Push(wire, 0, n) != 1)
                {
                    return false;
                }

                LinkFrame f = decoder.Frame;
                return f.MessageType == type
                    && f.Flags == flags
                    && f.Sequence == sequence
                    && f.Buffer.AsSpan(f.PayloadOffset, f.PayloadLength).SequenceEqual(payload)
                    && n <= LinkEncoder.MaxEncodedLength(payload.Length);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ConcatenatedFramesAreAllDeliveredInOrder()
    {
        var encoder = new LinkEncoder();
        Prop.ForAll<byte[][]>(payloads =>
        {
            var decoder = new LinkDecoder();
            var stream = new List<byte>();
            byte[] wire = new byte[LinkProtocol.MaxEncodedFrameLength];
            int count = 0;
            foreach (byte[] p in payloads)
            {
                if (p is null || p.Length > LinkProtocol.MaxPayloadLength)
                {
                    continue;
                }

                int n = encoder.Encode(LinkMessageType.Log, 0, count & 0xFFFF, p, 0, p.Length, wire, 0);
                stream.AddRange(wire.AsSpan(0, n).ToArray());
                count++;
            }

            var sink = new FramingTests.CollectingSink();
            byte[] bytes = stream.ToArray();
            decoder.Push(bytes, 0, bytes.Length, sink);
            return sink.Frames.Count == count && sink.Frames.Select((f, i) => f.Sequence == i).All(x => x);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void SampleBlocksRoundTripForAnyShapeThatFits()
    {
        var writer = new SampleBlockMessage();
        var reader = new SampleBlockMessage();
        byte[] buffer = new byte[LinkProtocol.MaxPayloadLength];
        Prop.ForAll(
            Gen.Choose(1, 64).ToArbitrary(),
            Gen.Choose(0, SampleBlockMessage.MaxValues).ToArbitrary(),
            ArbMap.Default.ArbFor<long>(),
            (channels, samplesWanted, timestamp) =>
            {
                int samples = samplesWanted % (SampleBlockMessage.MaxSamplesFor(channels) + 1);
                writer.ChannelCount = channels;
                writer.SampleCount = samples;
                writer.TimestampMicros = timestamp;
                writer.BlockSequence = (uint)timestamp;
                for (int i = 0; i < writer.ValueCount; i++)
                {
                    writer.Values[i] = (short)(timestamp * (i + 1));
                }

                int n = writer.Write(buffer, 0);
                return reader.TryRead(buffer, 0, n)
                    && reader.ChannelCount == channels
                    && reader.SampleCount == samples
                    && reader.TimestampMicros == timestamp
                    && reader.Values.AsSpan(0, reader.ValueCount).SequenceEqual(writer.Values.AsSpan(0, writer.ValueCount));
            }).QuickCheckThrowOnFailure();
    }
}
