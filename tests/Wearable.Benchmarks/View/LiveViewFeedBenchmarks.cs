using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Wearable.EdgeHost.Sessions;
using Wearable.View;

namespace Wearable.Benchmarks.View;

/// <summary>
/// What the live view costs the host: one operation = one second of an 8 ch x 2 kHz stream fed in
/// 20-sample blocks (as the virtual device sends them) plus the 20 frames the server builds and
/// serialises for that second (decimated traces, RMS, spectra, contact).
/// </summary>
[MemoryDiagnoser]
public class LiveViewFeedBenchmarks
{
    private const int Channels = 8;
    private const int Rate = 2000;
    private const int BlockSamples = 20;
    private const int FramesPerSecond = 20;
    private SampleBlock[] _blocks = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20);
        _blocks = Enumerable.Range(0, Rate / BlockSamples)
            .Select(b => new SampleBlock(StreamKind.Raw, (uint)b, Channels, BlockSamples, Enumerable.Range(0, Channels * BlockSamples).Select(_ => (short)random.Next(-2000, 2000)).ToArray(), 0.1, b * 10_000L, 0, 0))
            .ToArray();
        Console.WriteLine($"// JSON sent per second of stream: {OneSecond() / 1024.0:F0} KiB");
    }

    [Benchmark(Description = "1 s of 8 ch x 2 kHz: feed + 20 frames as JSON")]
    public long OneSecond()
    {
        var feed = new LiveViewFeed("bench", Rate, Enumerable.Range(1, Channels).Select(c => "EXG" + c).ToArray());
        long bytes = 0;
        int blocksPerFrame = _blocks.Length / FramesPerSecond;
        for (int f = 0; f < FramesPerSecond; f++)
        {
            for (int b = 0; b < blocksPerFrame; b++)
            {
                feed.Add(_blocks[(f * blocksPerFrame) + b]);
            }

            bytes += JsonSerializer.SerializeToUtf8Bytes(feed.TakeFrame(RecordingStatus.Idle), LiveViewServer.Json).Length;
        }

        return bytes;
    }
}
