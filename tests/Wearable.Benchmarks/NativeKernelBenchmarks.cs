using BenchmarkDotNet.Attributes;
using Wearable.EdgeHost.Native;
using Wearable.Kernels.Cnn;

namespace Wearable.Benchmarks;

/// <summary>
/// The portable C# CNN kernels against their native C twins on this machine (the optional P/Invoke back end,
/// native/build/host/libwearable_kernels.so from `make -C native host`), same shapes as
/// <see cref="CnnKernelBenchmarks"/>, so the ratio column compares them within one run.
/// Run: make -C native host &amp;&amp; dotnet run -c Release --project tests/Wearable.Benchmarks -- --filter '*NativeKernel*'
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NativeKernelBenchmarks
{
    private readonly Conv1dParams _conv = new() { KernelSize = 5, InputChannels = 32, OutputChannels = 32, Padding = Padding1d.Same, InputOffset = 3, OutputOffset = -5 };
    private readonly DenseParams _dense = new() { InputSize = 1024, Units = 256, InputOffset = 1 };
    private ChannelQuantization _convQuant = null!;
    private ChannelQuantization _denseQuant = null!;
    private sbyte[] _convIn = null!, _convW = null!, _convOut = null!, _denseIn = null!, _denseW = null!, _denseOut = null!;
    private int[] _convBias = null!, _convScratch = null!, _denseBias = null!, _denseScratch = null!;
    private short[] _convScratch16 = null!, _denseScratch16 = null!;

    [GlobalSetup]
    public void Setup()
    {
        string library = NativeLibraryPath();
        if (!NativeKernels.TryLoad(library, out string? error))
        {
            throw new InvalidOperationException(error);
        }

        var random = new Random(1);
        _convQuant = CnnKernelBenchmarks.Quant(random, 32);
        _denseQuant = CnnKernelBenchmarks.Quant(random, 1);
        _convIn = CnnKernelBenchmarks.Bytes(random, 128 * 32);
        _convW = CnnKernelBenchmarks.Bytes(random, 32 * 5 * 32);
        _convOut = new sbyte[128 * 32];
        _convBias = new int[32];
        _convScratch = new int[Conv1dS8.GetBufferSize(_conv)];
        _convScratch16 = new short[Conv1dS8.GetBufferSize(_conv)];
        _denseIn = CnnKernelBenchmarks.Bytes(random, 1024);
        _denseW = CnnKernelBenchmarks.Bytes(random, 1024 * 256);
        _denseOut = new sbyte[256];
        _denseBias = new int[256];
        _denseScratch = new int[DenseS8.GetBufferSize(_dense)];
        _denseScratch16 = new short[DenseS8.GetBufferSize(_dense)];
    }

    /// <summary>649,216 MACs per call.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("conv")]
    public void Conv1dCSharp() => Conv1dS8.Run(_conv, _convQuant, _convIn, 0, 128, _convW, 0, _convBias, 0, _convOut, 0, _convScratch);

    [Benchmark]
    [BenchmarkCategory("conv")]
    public int Conv1dNative() => NativeKernels.Conv1dS8(_conv, _convQuant, _convIn, 0, 128, _convW, 0, _convBias, 0, _convOut, 0, _convScratch16);

    /// <summary>262,144 MACs per call.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("dense")]
    public void DenseCSharp() => DenseS8.Run(_dense, _denseQuant, _denseIn, 0, _denseW, 0, _denseBias, 0, _denseOut, 0, _denseScratch);

    [Benchmark]
    [BenchmarkCategory("dense")]
    public void DenseNative() => NativeKernels.DenseS8(_dense, _denseQuant, _denseIn, 0, _denseW, 0, _denseBias, 0, _denseOut, 0, _denseScratch16);

    /// <summary>native/build/host/libwearable_kernels.so of the repository this benchmark was built from (BenchmarkDotNet runs a copy deeper in bin/).</summary>
    private static string NativeLibraryPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Wearable.sln")))
            {
                return Path.Combine(folder.FullName, "native", "build", "host", "libwearable_kernels.so");
            }
        }

        throw new InvalidOperationException("Wearable.sln not found above " + AppContext.BaseDirectory + ": run the benchmark from the repository.");
    }
}
