using System.Collections;
using System.Reflection;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Link;

/// <summary>
/// Every message through the real encoder and decoder and back into a fresh holder. Fields are compared by
/// reflection over all public properties, so a field that a codec forgets to write or read fails here.
/// </summary>
public class MessageRoundTripTests
{
    private static readonly Type[] AllMessageTypes = typeof(ILinkMessage).Assembly.GetTypes()
        .Where(t => typeof(ILinkMessage).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract)
        .OrderBy(t => t.Name)
        .ToArray();

    public static TheoryData<string> MessageNames()
    {
        var data = new TheoryData<string>();
        foreach (Type t in AllMessageTypes)
        {
            data.Add(t.Name);
        }

        return data;
    }

    [Fact]
    public void EveryMessageTypeHasACodecAndIdsAreUnique()
    {
        var ids = AllMessageTypes.Select(t => ((ILinkMessage)Activator.CreateInstance(t)!).MessageType).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var declared = Enum.GetValues<LinkMessageType>().Where(v => v != LinkMessageType.None).ToList();
        Assert.Equal(declared.OrderBy(v => v), ids.OrderBy(v => v));
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void RoundTripsThroughTheFraming(string typeName)
    {
        var rng = new Random(typeName.GetHashCode(StringComparison.Ordinal) & 0x7FFFFFFF);
        Type type = AllMessageTypes.Single(t => t.Name == typeName);
        for (int trial = 0; trial < 50; trial++)
        {
            var original = (ILinkMessage)Activator.CreateInstance(type)!;
            MessageFiller.Fill(original, rng);
            var copy = (ILinkMessage)Activator.CreateInstance(type)!;
            LinkFrame frame = EncodeAndDecode(original, out _);
            Assert.Equal(original.MessageType, frame.MessageType);
            Assert.True(frame.TryRead(copy), typeName + " did not parse its own payload");
            AssertSameFields(original, copy);
        }
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void WrongLengthsAreRejectedNotThrown(string typeName)
    {
        Type type = AllMessageTypes.Single(t => t.Name == typeName);
        var message = (ILinkMessage)Activator.CreateInstance(type)!;
        MessageFiller.Fill(message, new Random(7));
        byte[] buffer = new byte[LinkProtocol.MaxPayloadLength + 16];
        int length = message.Write(buffer, 3);
        var reader = (ILinkMessage)Activator.CreateInstance(type)!;
        Assert.True(reader.TryRead(buffer, 3, length));
        Assert.False(reader.TryRead(buffer, 3, length + 1));
        if (length > 0)
        {
            Assert.False(reader.TryRead(buffer, 3, length - 1));
        }

        Assert.False(reader.TryRead(buffer, buffer.Length - 2, 8), "a range past the buffer must be refused");
        Assert.False(reader.TryRead(buffer, -1, length));
    }

    [Fact]
    public void ReadingTheWrongTypeIsRefused()
    {
        var marker = new MarkerMessage { Value = 5 };
        LinkFrame frame = EncodeAndDecode(marker, out _);
        Assert.False(frame.TryRead(new HelloMessage()));
    }

    [Fact]
    public void SampleBlockLayoutIsPinned()
    {
        var block = new SampleBlockMessage
        {
            Kind = LinkStreamKind.Filtered,
            ChannelCount = 2,
            SampleCount = 2,
            BlockSequence = 0x01020304,
            TimestampMicros = 0x1122334455667788,
        };
        block.Set(0, 0, 1);
        block.Set(0, 1, -1);
        block.Set(1, 0, 0x1234);
        block.Set(1, 1, short.MinValue);
        byte[] payload = new byte[block.PayloadLength];
        block.Write(payload, 0);
        Assert.Equal(
            "02020200" + "04030201" + "8877665544332211" + "0100" + "FFFF" + "3412" + "0080",
            Convert.ToHexString(payload));
    }

    [Fact]
    public void AuthResponseLayoutIsPinned()
    {
        var response = new AuthResponseMessage();
        for (int i = 0; i < 16; i++)
        {
            response.HostNonce[i] = (byte)i;
        }

        for (int i = 0; i < 32; i++)
        {
            response.Proof[i] = (byte)(0x80 + i);
        }

        byte[] payload = new byte[AuthResponseMessage.Length];
        Assert.Equal(48, response.Write(payload, 0));
        Assert.Equal(15, payload[15]);
        Assert.Equal(0x80, payload[16]);
        Assert.Equal(0x9F, payload[47]);
    }

    [Fact]
    public void DeviceInfoIs56BytesWithFieldsAtTheDocumentedOffsets()
    {
        var info = new DeviceInfoMessage
        {
            ChannelCount = 16,
            SampleRateHz = 2000,
            Capabilities = LinkCapabilities.RawStream | LinkCapabilities.Pairing,
            NanovoltsPerLsb = 195,
        };
        info.SetBoardName("virtual-16ch");
        byte[] payload = new byte[DeviceInfoMessage.Length];
        Assert.Equal(56, info.Write(payload, 0));
        Assert.Equal("virtual-16ch", System.Text.Encoding.ASCII.GetString(payload, 20, 12));
        Assert.Equal(16, payload[36]);
        Assert.Equal(2000, LinkBytes.ReadInt32(payload, 40));
        Assert.Equal(0x201u, LinkBytes.ReadUInt32(payload, 44));
        Assert.Equal(195, LinkBytes.ReadInt32(payload, 52));
        var copy = new DeviceInfoMessage();
        Assert.True(copy.TryRead(payload, 0, 56));
        Assert.Equal("virtual-16ch", copy.GetBoardName());
    }

    [Fact]
    public void OutOfRangeFieldsAreRefusedBySender()
    {
        byte[] buffer = new byte[LinkProtocol.MaxPayloadLength];
        Assert.Throws<ArgumentOutOfRangeException>(() => new StartStreamMessage { BlockSamples = 70000 }.Write(buffer, 0));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new SampleBlockMessage { ChannelCount = 16, SampleCount = 32 }.Write(buffer, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CalibrationMessage { ChannelCount = 65 }.Write(buffer, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HelloMessage().Write(new byte[3], 0));
        Assert.Equal(31, SampleBlockMessage.MaxSamplesFor(16));
    }

    [Fact]
    public void TextFieldsCutOnCharacterBoundaries()
    {
        var log = new LogMessage();
        log.SetText(new string('é', 400));
        Assert.Equal(512, log.TextLength);
        var error = new ErrorMessage();
        error.SetDetail("x" + new string('é', 100));
        Assert.Equal(127, error.DetailLength);
        Assert.Equal("x" + new string('é', 63), error.GetDetail());
        var run = new HilRunMessage();
        run.SetName("Conv1dS8");
        Assert.True(LinkText.EqualsAscii(run.Name, run.NameLength, "Conv1dS8"));
        Assert.False(LinkText.EqualsAscii(run.Name, run.NameLength, "Conv1dS9"));
    }

    internal static LinkFrame EncodeAndDecode(ILinkMessage message, out int wireLength)
    {
        var encoder = new LinkEncoder();
        var decoder = new LinkDecoder();
        byte[] wire = new byte[LinkProtocol.MaxEncodedFrameLength];
        wireLength = encoder.Encode(message, LinkFlags.Response, 4242, wire, 0);
        Assert.True(wireLength <= LinkEncoder.MaxEncodedLength(message.PayloadLength));
        Assert.Equal(1, decoder.Push(wire, 0, wireLength));
        Assert.Equal(4242, decoder.Frame.Sequence);
        return decoder.Frame;
    }

    internal static void AssertSameFields(object expected, object actual)
    {
        foreach (PropertyInfo p in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            object? e = p.GetValue(expected);
            object? a = p.GetValue(actual);
            if (e is IEnumerable ea && a is IEnumerable aa && e is not string)
            {
                Assert.True(
                    ea.Cast<object>().SequenceEqual(aa.Cast<object>()),
                    expected.GetType().Name + "." + p.Name + " differs after the round trip");
            }
            else
            {
                Assert.True(Equals(e, a), expected.GetType().Name + "." + p.Name + ": expected " + e + ", got " + a);
            }
        }
    }
}
