using BenchmarkDotNet.Attributes;
using Wearable.EdgeHost.Recording;

namespace Wearable.Benchmarks.Recording;

/// <summary>
/// Can the recorder keep up with the 16 ch x 2 kHz stream? One operation = one minute of it
/// (60 one-second records), written crash-safely (a positioned write and a count update per record), then read back.
/// </summary>
[MemoryDiagnoser]
public class EdfRecordingBenchmarks
{
    private const int Channels = 16;
    private const int Rate = 2000;
    private const int Seconds = 60;
    private short[][] _record = [];
    private string _path = "";
    private EdfWriterOptions _options = new();

    [Params(EdfVariant.Edf, EdfVariant.Bdf)]
    public EdfVariant Variant { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _record = Enumerable.Range(0, Channels).Select(_ => Enumerable.Range(0, Rate).Select(_ => (short)random.Next(-2000, 2000)).ToArray()).ToArray();
        _options = new EdfWriterOptions
        {
            Variant = Variant,
            Signals = Enumerable.Range(0, Channels).Select(c => EdfSignal.Data("EMG" + c, Rate, -3276.8, 3276.7, -32768, 32767)).ToArray(),
            StartTime = new DateTime(2026, 1, 1),
        };
        _path = Path.Combine(Path.GetTempPath(), "wearable-bench-" + Variant + ".edf");
        WriteOneMinute();
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Description = "write 60 s of 16 ch x 2 kHz")]
    public long WriteOneMinute()
    {
        using var writer = EdfWriter.Create(_path, _options);
        for (int r = 0; r < Seconds; r++)
        {
            if (r % 10 == 0)
            {
                writer.AddAnnotation(r, null, "marker " + r);
            }

            writer.WriteRecord(_record);
        }

        return writer.RecordsWritten;
    }

    [Benchmark(Description = "read 60 s of 16 ch x 2 kHz (digital)")]
    public long ReadOneMinute()
    {
        using var reader = EdfReader.Open(_path);
        long total = 0;
        for (int s = 0; s < Channels; s++)
        {
            total += reader.ReadDigital(s).Length;
        }

        return total;
    }
}
