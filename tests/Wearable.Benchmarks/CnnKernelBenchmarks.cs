using BenchmarkDotNet.Attributes;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Benchmarks;

/// <summary>
/// The int8 CNN cases of `wearable bench cnn` under BenchmarkDotNet, for deeper study (disassembly,
/// memory diagnoser). Run: dotnet run -c Release --project tests/Wearable.Benchmarks -- --filter '*CnnKernel*'
/// </summary>
[MemoryDiagnoser]
public class CnnKernelBenchmarks
{
    internal readonly Conv1dParams _conv = new() { KernelSize = 5, InputChannels = 32, OutputChannels = 32, Padding = Padding1d.Same, InputOffset = 3, OutputOffset = -5 };
    internal readonly DenseParams _dense = new() { InputSize = 1024, Units = 256, InputOffset = 1 };
    internal ChannelQuantization _convQuant = null!;
    internal ChannelQuantization _denseQuant = null!;
    internal sbyte[] _convIn = null!, _convW = null!, _convOut = null!, _denseIn = null!, _denseW = null!, _denseOut = null!;
    internal int[] _convBias = null!, _convScratch = null!, _denseBias = null!, _denseScratch = null!;
    private ModelRunner _runner = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _convQuant = Quant(random, 32);
        _denseQuant = Quant(random, 1);
        _convIn = Bytes(random, 128 * 32);
        _convW = Bytes(random, 32 * 5 * 32);
        _convOut = new sbyte[128 * 32];
        _convBias = new int[32];
        _convScratch = new int[Conv1dS8.GetBufferSize(_conv)];
        _denseIn = Bytes(random, 1024);
        _denseW = Bytes(random, 1024 * 256);
        _denseOut = new sbyte[256];
        _denseBias = new int[256];
        _denseScratch = new int[DenseS8.GetBufferSize(_dense)];
        _runner = ModelRunner.Load(ExampleModels.RandomEmgCnn());
        _runner.SetInput(Bytes(random, _runner.InputBytes), 0);
    }

    /// <summary>649,216 MACs per call.</summary>
    [Benchmark]
    public void Conv1dK5Same128x32() => Conv1dS8.Run(_conv, _convQuant, _convIn, 0, 128, _convW, 0, _convBias, 0, _convOut, 0, _convScratch);

    /// <summary>262,144 MACs per call.</summary>
    [Benchmark]
    public void Dense1024x256() => DenseS8.Run(_dense, _denseQuant, _denseIn, 0, _denseW, 0, _denseBias, 0, _denseOut, 0, _denseScratch);

    /// <summary>32,768 MACs per inference.</summary>
    [Benchmark]
    public void ExampleModelInference() => _runner.Invoke();

    private static ChannelQuantization Quant(Random random, int channels) => new(
        Enumerable.Range(0, channels).Select(_ => random.Next(1 << 30, int.MaxValue)).ToArray(),
        Enumerable.Range(0, channels).Select(_ => -random.Next(6, 10)).ToArray());

    private static sbyte[] Bytes(Random random, int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes.Select(b => unchecked((sbyte)b)).ToArray();
    }
}
