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
    // The shapes, data and C# side are CnnKernelBenchmarks' own, so the two suites measure the same calls.
    private readonly CnnKernelBenchmarks _portable = new();
    private short[] _convScratch16 = null!, _denseScratch16 = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!NativeKernels.TryLoad(NativeLibraryPath(), out string? error))
        {
            throw new InvalidOperationException(error);
        }

        _portable.Setup();
        _convScratch16 = new short[Conv1dS8.GetBufferSize(_portable._conv)];
        _denseScratch16 = new short[DenseS8.GetBufferSize(_portable._dense)];
    }

    /// <summary>649,216 MACs per call.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("conv")]
    public void Conv1dCSharp() => _portable.Conv1dK5Same128x32();

    [Benchmark]
    [BenchmarkCategory("conv")]
    public int Conv1dNative()
    {
        CnnKernelBenchmarks b = _portable;
        return NativeKernels.Conv1dS8(b._conv, b._convQuant, b._convIn, 0, 128, b._convW, 0, b._convBias, 0, b._convOut, 0, _convScratch16);
    }

    /// <summary>262,144 MACs per call.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("dense")]
    public void DenseCSharp() => _portable.Dense1024x256();

    [Benchmark]
    [BenchmarkCategory("dense")]
    public void DenseNative()
    {
        CnnKernelBenchmarks b = _portable;
        NativeKernels.DenseS8(b._dense, b._denseQuant, b._denseIn, 0, b._denseW, 0, b._denseBias, 0, b._denseOut, 0, _denseScratch16);
    }

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
