using BenchmarkDotNet.Attributes;
using Wearable.Kernels.Crypto;
using Wearable.Kernels.Link;

namespace Wearable.Benchmarks.Link;

/// <summary>
/// Link codec throughput on the host for the streaming frame that matters: a 16-channel, 16-step SampleBlock
/// (528-byte payload, 542 bytes on the wire: 540 + 1 COBS code byte + delimiter). Throughput = wire bytes / time per operation.
/// Run: dotnet run -c Release --project tests/Wearable.Benchmarks -- --filter '*LinkCodec*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LinkCodecBenchmarks
{
    private readonly LinkEncoder _encoder = new();
    private readonly LinkDecoder _decoder = new();
    private readonly SampleBlockMessage _block = new();
    private readonly SampleBlockMessage _reader = new();
    private readonly byte[] _wire = new byte[LinkProtocol.MaxEncodedFrameLength];
    private readonly byte[] _oneKiB = new byte[1024];
    private readonly byte[] _digest = new byte[32];
    private readonly Sha256 _sha = new();
    private int _wireLength;
    private int _sequence;

    /// <summary>Bytes of one encoded frame, to turn ns/op into MB/s.</summary>
    public int WireLength => _wireLength;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(16);
        _block.Kind = LinkStreamKind.Raw;
        _block.ChannelCount = 16;
        _block.SampleCount = 16;
        for (int i = 0; i < _block.ValueCount; i++)
        {
            // EMG-like amplitudes: small values, so the high bytes are often 0x00 or 0xFF as on a real link.
            _block.Values[i] = (short)rng.Next(-2000, 2000);
        }

        rng.NextBytes(_oneKiB);
        _wireLength = _encoder.Encode(_block, LinkFlags.None, 0, _wire, 0);
    }

    [Benchmark(Description = "encode SampleBlock 16x16")]
    public int Encode()
    {
        _sequence = (_sequence + 1) & 0xFFFF;
        return _encoder.Encode(_block, LinkFlags.None, _sequence, _wire, 0);
    }

    [Benchmark(Description = "decode SampleBlock 16x16")]
    public bool Decode()
    {
        _decoder.Push(_wire, 0, _wireLength);
        return _reader.TryRead(_decoder.Frame.Buffer, _decoder.Frame.PayloadOffset, _decoder.Frame.PayloadLength);
    }

    [Benchmark(Description = "encode+decode SampleBlock 16x16")]
    public bool RoundTrip()
    {
        int n = _encoder.Encode(_block, LinkFlags.None, 1, _wire, 0);
        _decoder.Push(_wire, 0, n);
        return _reader.TryRead(_decoder.Frame.Buffer, _decoder.Frame.PayloadOffset, _decoder.Frame.PayloadLength);
    }

    [Benchmark(Description = "SHA-256 1 KiB")]
    public byte Sha256OneKiB()
    {
        _sha.Update(_oneKiB, 0, _oneKiB.Length);
        _sha.Final(_digest, 0);
        return _digest[0];
    }
}
