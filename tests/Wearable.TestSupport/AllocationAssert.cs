using Xunit.Sdk;

namespace Wearable.TestSupport;

/// <summary>
/// Proves that a kernel's steady state allocates nothing, the portability contract's rule for
/// anything that runs per sample or per inference on a ~100 KB nanoFramework heap.
/// </summary>
public static class AllocationAssert
{
    /// <summary>
    /// Runs <paramref name="action"/> a few times to warm it up (JIT, lazy statics, first-call
    /// buffer sizing), then measures <paramref name="iterations"/> further calls on this thread and
    /// fails if any byte was allocated.
    /// </summary>
    public static void ZeroBytes(Action action, int iterations = 100, int warmup = 3, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (int i = 0; i < warmup; i++)
        {
            action();
        }

        long allocated = BytesAllocatedBy(action, iterations);
        if (allocated != 0)
        {
            throw new XunitException(
                $"{what ?? "The call"} allocated {allocated} bytes over {iterations} steady-state calls " +
                $"({(double)allocated / iterations:F1} B per call); kernels must not allocate after set-up: " +
                "size buffers at construction and reuse them.");
        }
    }

    /// <summary>Bytes allocated on this thread while running <paramref name="action"/> n times.</summary>
    public static long BytesAllocatedBy(Action action, int iterations)
    {
        ArgumentNullException.ThrowIfNull(action);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++)
        {
            action();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
