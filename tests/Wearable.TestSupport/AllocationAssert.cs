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
    /// buffer sizing), then measures windows of <paramref name="iterations"/> further calls on this
    /// thread and fails unless a window allocates nothing.
    /// </summary>
    /// <remarks>
    /// Up to three consecutive windows: with other test classes running in the same process, the
    /// runtime now and then charges a one-off allocation of its own to this thread (a few kB once in a
    /// window of thousands of calls, seen only under load). Code that allocates per call, or every few
    /// hundred calls, allocates in every window and still fails; the message lists each window.
    /// </remarks>
    public static void ZeroBytes(Action action, int iterations = 100, int warmup = 3, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (int i = 0; i < warmup; i++)
        {
            action();
        }

        const int Windows = 3;
        var seen = new long[Windows];
        for (int window = 0; window < Windows; window++)
        {
            seen[window] = BytesAllocatedBy(action, iterations);
            if (seen[window] == 0)
            {
                return;
            }
        }

        throw new XunitException(
            $"{what ?? "The call"} allocated {string.Join(", then ", seen)} bytes in {Windows} windows of {iterations} steady-state calls " +
            $"({(double)seen[Windows - 1] / iterations:F1} B per call in the last); kernels must not allocate after set-up: " +
            "size buffers at construction and reuse them.");
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
