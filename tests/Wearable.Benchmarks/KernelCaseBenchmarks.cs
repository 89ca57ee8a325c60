using BenchmarkDotNet.Attributes;
using Wearable.Cli.Bench;

namespace Wearable.Benchmarks;

/// <summary>
/// Every case of `wearable bench kernels` (tools/Wearable.Cli/Bench, where each is defined once)
/// under BenchmarkDotNet, for deeper study: memory diagnoser, disassembly, statistics. Run one family:
/// dotnet run -c Release --project tests/Wearable.Benchmarks -- --filter '*KernelCase*' (add e.g.
/// --anyCategories cnn, or pick cases with BenchmarkDotNet's filters on the Case parameter).
/// </summary>
[MemoryDiagnoser]
public class KernelCaseBenchmarks
{
    private Action _operation = null!;

    public static IEnumerable<string> Cases => KernelBenchmarkCatalog.All.Select(c => c.Name);

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup() => _operation = KernelBenchmarkCatalog.All.Single(c => c.Name == Case).Setup();

    /// <summary>One call of the case's operation (its UnitsPerCall units: MACs, samples, steps or inferences).</summary>
    [Benchmark]
    public void Run() => _operation();
}
