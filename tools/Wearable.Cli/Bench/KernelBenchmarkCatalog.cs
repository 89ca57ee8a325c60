namespace Wearable.Cli.Bench;

/// <summary>
/// Every kernel family's benchmarks. A family adds its cases in its own file as a static
/// IReadOnlyList&lt;KernelBenchmark&gt; and registers it here with one line.
/// </summary>
public static class KernelBenchmarkCatalog
{
    public static IReadOnlyList<KernelBenchmark> All { get; } =
    [
        .. DspSpikingBenchmarks.Cases,
        .. CnnBenchmarks.Cases,
    ];
}
