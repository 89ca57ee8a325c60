using BenchmarkDotNet.Attributes;
using Wearable.Kernels.Dsp;
using Wearable.Kernels.Spiking;
using Wearable.Modeling.Dsp;
using Wearable.Modeling.Spiking;

namespace Wearable.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of the DSP front end, one block of 200 frames x 16 channels at 2 kHz per
/// invocation (the quick figures come from `wearable bench kernels`).
/// </summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private const int Channels = 16;
    private const int Frames = 200;
    private readonly short[] _input = new short[Channels * Frames];
    private readonly int[] _filtered = new int[Channels * Frames];
    private readonly int[] _envelope = new int[Channels * Frames];
    private readonly int[] _features = new int[Channels * WindowFeatures.FeaturesPerChannel];
    private BiquadCascade _filter = null!;
    private EnvelopeDetector _envelopeDetector = null!;
    private WindowFeatures _windowFeatures = null!;

    [GlobalSetup]
    public void Setup()
    {
        _filter = new BiquadCascade(FilterDesign.Quantize(
            [.. FilterDesign.ButterworthHighPass(2, 20, 2000), .. FilterDesign.Notch(50, 20, 2000), .. FilterDesign.ButterworthLowPass(2, 450, 2000)], 8), Channels);
        _envelopeDetector = new EnvelopeDetector(FilterDesign.Quantize(FilterDesign.ButterworthLowPass(2, 5, 2000), 8), Channels);
        _windowFeatures = new WindowFeatures(new WindowFeaturesParameters(400, 100, 512 << 8, (512L << 8) * (512L << 8)), Channels);
        var random = new Random(42);
        for (int i = 0; i < _input.Length; i++)
        {
            _input[i] = (short)random.Next(-8000, 8000);
        }
    }

    [Benchmark]
    public void Filter() => _filter.ProcessFrames(_input, 0, _filtered, 0, Frames);

    [Benchmark]
    public void Envelope() => _envelopeDetector.ProcessFrames(_filtered, 0, _envelope, 0, Frames);

    [Benchmark]
    public void Features()
    {
        for (int f = 0; f < Frames; f++)
        {
            if (_windowFeatures.PushFrame(_filtered, f * Channels))
            {
                _windowFeatures.WriteFeatures(_features, 0);
            }
        }
    }
}

/// <summary>One L2MU step (16 input spikes, memory 8 x 8, 64 hidden), dense versus event-driven.</summary>
[MemoryDiagnoser]
public class L2muStepBenchmarks
{
    private readonly int[] _active = [2, 11];
    private readonly byte[] _spikes = new byte[16];
    private L2muCell _dense = null!;
    private L2muCell _eventDriven = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shape = new L2muShape(Channels: 8, InputSpikes: 16, MemorySize: 8, Order: 8, HiddenSize: 64, Outputs: 7, Theta: 40);
        var (_, parameters) = L2muFactory.CreateRandom(7, shape);
        _dense = new L2muCell(parameters);
        _eventDriven = new L2muCell(parameters);
        _spikes[2] = 1;
        _spikes[11] = 1;
    }

    [Benchmark(Baseline = true)]
    public void Dense() => _dense.StepDense(_spikes, 0);

    [Benchmark]
    public void EventDriven() => _eventDriven.Step(_active, _active.Length);
}
