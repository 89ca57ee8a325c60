using Wearable.Kernels.Link;
using Wearable.TestSupport;

namespace Wearable.Firmware.Tests.Link;

/// <summary>
/// Decoder fuzzing inside the normal test run (issue 5): a million frames, intact or damaged in the ways links
/// damage them, plus bursts of pure noise. Proves no exception escapes, nothing is allocated per frame, and no
/// damaged frame is ever delivered as if it were good.
/// </summary>
public class LinkDecoderFuzzTests
{
    private const int FrameIterations = 1_000_000;
    private const int NoiseBursts = 200_000;
    private const int PoolSize = 2048;

    [Fact]
    public void MillionMutatedFramesAndNoiseBurstsNeitherThrowNorAllocateNorSlipThrough()
    {
        var pool = FramePool.Build(PoolSize, seed: 20261121);
        var fuzzer = new Fuzzer(pool, seed: 77);

        // Warm-up: JIT, static tables, the sink's parsing paths.
        fuzzer.Run(20_000, 2_000);
        fuzzer.ResetStatistics();

        long allocated = AllocationAssert.BytesAllocatedBy(() => fuzzer.Run(FrameIterations, NoiseBursts), 1);

        Assert.Equal(0, allocated);
        Assert.Equal(0, fuzzer.Sink.Undetected);
        Assert.Equal(0, fuzzer.ResyncFailures);
        // Intact frames must all arrive: the mutation mix leaves about a third of the frames untouched.
        Assert.True(fuzzer.IntactSent > FrameIterations / 4);
        Assert.True(fuzzer.Sink.Delivered >= fuzzer.IntactSent, "intact frames were lost");
        Assert.True(fuzzer.Decoder.CrcErrors > 0 && fuzzer.Decoder.CobsErrors > 0 && fuzzer.Decoder.OversizeFrames > 0);
        Assert.True(fuzzer.Sink.MessagesParsed > 0);
    }

    [Fact]
    public void RandomPayloadsNeverThrowFromAnyMessageParser()
    {
        ILinkMessage[] holders = FuzzSink.CreateHolders();
        var rng = new XorShift(5);
        byte[] buffer = new byte[LinkProtocol.MaxPayloadLength + 64];
        int accepted = 0;
        for (int i = 0; i < 200_000; i++)
        {
            int length = (int)(rng.Next() % 80);
            if ((rng.Next() & 7) == 0)
            {
                length = (int)(rng.Next() % (LinkProtocol.MaxPayloadLength + 1));
            }

            for (int k = 0; k < length; k++)
            {
                buffer[k] = (byte)rng.Next();
            }

            foreach (ILinkMessage holder in holders)
            {
                if (holder.TryRead(buffer, 0, length))
                {
                    accepted++;
                }
            }
        }

        // Fixed-length messages accept any bytes of the right length, so some reads must succeed.
        Assert.True(accepted > 0);
    }

    /// <summary>Pre-encoded frames with their header fields and payloads, so the fuzz loop itself allocates nothing.</summary>
    internal sealed class FramePool
    {
        public byte[][] Wire = null!;
        public int[] WireLength = null!;
        public byte[][] Payload = null!;
        public LinkMessageType[] Type = null!;
        public int[] Sequence = null!;
        public byte[] Flags = null!;

        public static FramePool Build(int count, int seed)
        {
            var rng = new Random(seed);
            var encoder = new LinkEncoder();
            ILinkMessage[] holders = FuzzSink.CreateHolders();
            var pool = new FramePool
            {
                Wire = new byte[count][],
                WireLength = new int[count],
                Payload = new byte[count][],
                Type = new LinkMessageType[count],
                Sequence = new int[count],
                Flags = new byte[count],
            };
            for (int i = 0; i < count; i++)
            {
                ILinkMessage message = holders[rng.Next(holders.Length)];
                MessageFiller.Fill(message, rng);
                if (message.PayloadLength > 200 && rng.Next(4) != 0)
                {
                    // Keep most frames short as on a real link; a quarter of the long ones stay long.
                    MessageFiller.Fill(message, rng);
                }

                byte[] payload = new byte[message.PayloadLength];
                message.Write(payload, 0);
                pool.Payload[i] = payload;
                pool.Type[i] = message.MessageType;
                pool.Sequence[i] = rng.Next(0, 65536);
                pool.Flags[i] = (byte)rng.Next(0, 8);
                pool.Wire[i] = new byte[LinkProtocol.MaxEncodedFrameLength];
                pool.WireLength[i] = encoder.Encode(message, pool.Flags[i], pool.Sequence[i], pool.Wire[i], 0);
            }

            return pool;
        }
    }

    internal sealed class Fuzzer
    {
        private readonly FramePool _pool;
        private readonly XorShift _rng;
        private readonly byte[] _scratch = new byte[2 * LinkProtocol.MaxEncodedFrameLength + 256];

        public Fuzzer(FramePool pool, uint seed)
        {
            _pool = pool;
            _rng = new XorShift(seed);
            Sink = new FuzzSink(pool);
        }

        public LinkDecoder Decoder { get; } = new();

        public FuzzSink Sink { get; }

        public long IntactSent { get; private set; }

        public long ResyncFailures { get; private set; }

        public void ResetStatistics()
        {
            Decoder.ResetCounters();
            Sink.Reset();
            IntactSent = 0;
            ResyncFailures = 0;
        }

        public void Run(int frames, int noiseBursts)
        {
            int noiseEvery = frames / noiseBursts;
            for (int i = 0; i < frames; i++)
            {
                int index = (int)(_rng.Next() % (uint)_pool.Wire.Length);
                int length = Mutate(index, out bool intact);
                Sink.Expect(index);
                Decoder.Push(_scratch, 0, length, Sink);
                if (intact)
                {
                    IntactSent++;
                }

                if (noiseEvery > 0 && i % noiseEvery == 0)
                {
                    NoiseThenProbe();
                }
            }
        }

        // Pure noise (zeros included, so it also forges delimiters), then an intact frame that must get through.
        private void NoiseThenProbe()
        {
            int n = 1 + (int)(_rng.Next() % 128);
            for (int k = 0; k < n; k++)
            {
                uint r = _rng.Next();
                _scratch[k] = (r & 0xF00) == 0 ? (byte)0 : (byte)r;
            }

            Sink.Expect(-1);
            Decoder.Push(_scratch, 0, n, Sink);

            int index = (int)(_rng.Next() % (uint)_pool.Wire.Length);
            long before = Sink.Delivered;
            _scratch[0] = LinkProtocol.Delimiter; // the line's idle fill that ends whatever the noise started
            Array.Copy(_pool.Wire[index], 0, _scratch, 1, _pool.WireLength[index]);
            Sink.Expect(index);
            Decoder.Push(_scratch, 0, _pool.WireLength[index] + 1, Sink);
            if (Sink.Delivered != before + 1)
            {
                ResyncFailures++;
            }
        }

        private int Mutate(int index, out bool intact)
        {
            byte[] wire = _pool.Wire[index];
            int length = _pool.WireLength[index];
            uint kind = _rng.Next() % 9;
            intact = kind < 3;
            switch (kind)
            {
                case 3:
                {
                    // Bit flips (1..3) anywhere but the delimiter: line noise.
                    Array.Copy(wire, 0, _scratch, 0, length);
                    int flips = 1 + (int)(_rng.Next() % 3);
                    for (int f = 0; f < flips; f++)
                    {
                        _scratch[_rng.Next() % (uint)(length - 1)] ^= (byte)(1 << (int)(_rng.Next() % 8));
                    }

                    return length;
                }

                case 4:
                {
                    // Truncated, then the delimiter: a dropped tail.
                    int keep = (int)(_rng.Next() % (uint)(length - 1));
                    Array.Copy(wire, 0, _scratch, 0, keep);
                    _scratch[keep] = 0;
                    return keep + 1;
                }

                case 5:
                {
                    // One byte dropped.
                    int drop = (int)(_rng.Next() % (uint)(length - 1));
                    Array.Copy(wire, 0, _scratch, 0, drop);
                    Array.Copy(wire, drop + 1, _scratch, drop, length - drop - 1);
                    return length - 1;
                }

                case 6:
                {
                    // One random byte inserted.
                    int at = (int)(_rng.Next() % (uint)length);
                    Array.Copy(wire, 0, _scratch, 0, at);
                    _scratch[at] = (byte)_rng.Next();
                    Array.Copy(wire, at, _scratch, at + 1, length - at);
                    return length + 1;
                }

                case 7:
                {
                    // Garbage prefix without a delimiter: merges with the frame, which must then be dropped.
                    int n = 1 + (int)(_rng.Next() % 64);
                    for (int k = 0; k < n; k++)
                    {
                        _scratch[k] = (byte)(1 + (_rng.Next() % 255));
                    }

                    Array.Copy(wire, 0, _scratch, n, length);
                    return n + length;
                }

                case 8:
                {
                    // Delimiter lost: this frame runs into a copy of itself, and the pair is one bad frame.
                    Array.Copy(wire, 0, _scratch, 0, length - 1);
                    Array.Copy(wire, 0, _scratch, length - 1, length);
                    return (2 * length) - 1;
                }

                default:
                    Array.Copy(wire, 0, _scratch, 0, length);
                    return length;
            }
        }
    }

    /// <summary>Checks every delivered frame against the frame that was sent and parses it with its holder.</summary>
    internal sealed class FuzzSink : ILinkFrameSink
    {
        private readonly FramePool _pool;
        private readonly ILinkMessage[] _holdersByType = new ILinkMessage[256];
        private int _expected = -1;

        public FuzzSink(FramePool pool)
        {
            _pool = pool;
            foreach (ILinkMessage holder in CreateHolders())
            {
                _holdersByType[(int)holder.MessageType] = holder;
            }
        }

        public long Delivered { get; private set; }

        public long Undetected { get; private set; }

        public long MessagesParsed { get; private set; }

        public static ILinkMessage[] CreateHolders()
        {
            return typeof(ILinkMessage).Assembly.GetTypes()
                .Where(t => typeof(ILinkMessage).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract)
                .OrderBy(t => t.Name)
                .Select(t => (ILinkMessage)Activator.CreateInstance(t)!)
                .ToArray();
        }

        public void Expect(int index)
        {
            _expected = index;
        }

        public void Reset()
        {
            Delivered = 0;
            Undetected = 0;
            MessagesParsed = 0;
        }

        public void OnFrame(LinkFrame frame)
        {
            Delivered++;
            if (_expected < 0 || !Matches(frame, _expected))
            {
                Undetected++;
                return;
            }

            ILinkMessage holder = _holdersByType[(int)frame.MessageType];
            if (holder != null && frame.TryRead(holder))
            {
                MessagesParsed++;
            }
        }

        private bool Matches(LinkFrame frame, int index)
        {
            byte[] payload = _pool.Payload[index];
            if (frame.MessageType != _pool.Type[index]
                || frame.Sequence != _pool.Sequence[index]
                || frame.Flags != _pool.Flags[index]
                || frame.PayloadLength != payload.Length)
            {
                return false;
            }

            for (int i = 0; i < payload.Length; i++)
            {
                if (frame.Buffer[frame.PayloadOffset + i] != payload[i])
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Marsaglia xorshift32: a fast allocation-free source of test bytes.</summary>
    internal sealed class XorShift
    {
        private uint _state;

        public XorShift(uint seed)
        {
            _state = seed == 0 ? 0x9E3779B9u : seed;
        }

        public uint Next()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }
    }
}
