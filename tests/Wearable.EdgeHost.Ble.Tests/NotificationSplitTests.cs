using FsCheck;
using FsCheck.Fluent;
using Wearable.TestSupport;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Ble.Tests;

/// <summary>
/// Link frames cut into ATT values and put back together: every value fits ATT_MTU - 3, and the receiver
/// reads back exactly the frames that were written, whatever the MTU, write sizes and read sizes.
/// </summary>
public sealed class NotificationSplitTests
{
    [Theory]
    [InlineData(23, 20)]
    [InlineData(247, 244)]
    [InlineData(517, 514)]
    public void Payload_is_the_att_mtu_minus_the_three_byte_header(int attMtu, int payload) =>
        Assert.Equal(payload, NotificationSplitter.PayloadSize(attMtu));

    [Theory]
    [InlineData(22)]
    [InlineData(518)]
    public void An_att_mtu_outside_the_specification_is_refused(int attMtu) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NotificationSplitter.PayloadSize(attMtu));

    [Fact]
    public void A_frame_of_100_bytes_at_mtu_23_takes_five_full_values_in_order()
    {
        byte[] frame = Enumerable.Range(1, 100).Select(i => (byte)i).ToArray();
        var values = new List<byte[]>();
        int pieces = NotificationSplitter.Split(frame, 23, value => values.Add(value.ToArray()));

        Assert.Equal(5, pieces);
        Assert.All(values, value => Assert.Equal(20, value.Length));
        Assert.Equal(frame, values.SelectMany(v => v).ToArray());
    }

    [Fact]
    public void Frames_survive_any_mtu_and_any_write_and_read_sizes()
    {
        var property = Prop.ForAll<int>(seed =>
        {
            var random = new Random(seed);
            int attMtu = random.Next(2) == 0 ? (random.Next(2) == 0 ? 23 : 247) : random.Next(23, 518);
            byte[][] frames = Enumerable.Range(0, random.Next(1, 12)).Select(_ => RandomPayload(random)).ToArray();
            byte[] wire = frames.SelectMany(Encode).ToArray();

            var values = new List<byte[]>();
            var receiver = new BleLinkStream(attMtu, _ => { });
            using var sender = new BleLinkStream(attMtu, value =>
            {
                values.Add(value.ToArray());
                receiver.Deliver(value);
            });
            for (int offset = 0; offset < wire.Length;)
            {
                int n = Math.Min(wire.Length - offset, random.Next(1, 700));
                sender.Write(wire, offset, n);
                offset += n;
            }

            receiver.Lose("end of test data");
            byte[] read = ReadAll(receiver, random);
            return values.All(v => v.Length >= 1 && v.Length <= attMtu - 3)
                && read.SequenceEqual(wire)
                && DecodeFrames(read).Zip(frames).All(pair => pair.First.SequenceEqual(pair.Second))
                && DecodeFrames(read).Count == frames.Length;
        });
        PropertyChecks.Check(property, cases: 300, seed: 20261201);
    }

    [Fact]
    public void A_lost_link_hands_over_what_arrived_first_then_names_the_cause()
    {
        var stream = new BleLinkStream(23, _ => { });
        stream.Deliver(new byte[] { 1, 2, 3 });
        stream.Lose("BLE link to AA:BB:CC:DD:EE:FF lost: the device disconnected.");

        byte[] buffer = new byte[8];
        Assert.Equal(3, stream.Read(buffer, 0, 8));
        var error = Assert.Throws<IOException>(() => stream.Read(buffer, 0, 8));
        Assert.Contains("the device disconnected", error.Message);
        Assert.Throws<IOException>(() => stream.Write(new byte[] { 1 }, 0, 1));
    }

    private static byte[] RandomPayload(Random random)
    {
        byte[] payload = new byte[random.Next(1, 600)];
        random.NextBytes(payload);
        return payload;
    }

    private static byte[] Encode(byte[] payload)
    {
        byte[] encoded = new byte[Cobs.MaxEncodedLength(payload.Length) + 1];
        int n = Cobs.Encode(payload, 0, payload.Length, encoded, 0);
        encoded[n] = 0;
        return encoded[..(n + 1)];
    }

    private static List<byte[]> DecodeFrames(byte[] wire)
    {
        var frames = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < wire.Length; i++)
        {
            if (wire[i] == 0)
            {
                byte[] decoded = new byte[i - start];
                int n = Cobs.Decode(wire, start, i - start, decoded, 0, decoded.Length);
                frames.Add(decoded[..n]);
                start = i + 1;
            }
        }

        return frames;
    }

    private static byte[] ReadAll(BleLinkStream stream, Random random)
    {
        var read = new List<byte>();
        byte[] buffer = new byte[1024];
        while (true)
        {
            int n;
            try
            {
                n = stream.Read(buffer, 0, random.Next(1, buffer.Length));
            }
            catch (IOException)
            {
                return read.ToArray();
            }

            read.AddRange(buffer.AsSpan(0, n).ToArray());
        }
    }
}
