using Wearable.TestSupport;
using Xunit.Sdk;

namespace Wearable.Kernels.Tests;

/// <summary>The zero-allocation helper must itself be able to fail, or every kernel test built on it proves nothing.</summary>
public class AllocationAssertTests
{
    private static object? s_sink;

    [Fact]
    public void An_allocating_call_fails_with_the_byte_count()
    {
        var error = Assert.Throws<XunitException>(() => AllocationAssert.ZeroBytes(() => s_sink = new byte[64], what: "Allocating lambda"));

        Assert.Contains("Allocating lambda allocated", error.Message);
        Assert.Contains("over 100 steady-state calls", error.Message);
    }

    [Fact]
    public void A_call_that_reuses_its_buffer_passes()
    {
        var buffer = new int[16];
        AllocationAssert.ZeroBytes(() =>
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] += i;
            }
        });
        Assert.Equal(103 * 15, buffer[15]);
    }

    [Fact]
    public void First_call_allocations_are_excluded_by_warm_up()
    {
        int[]? lazy = null;
        AllocationAssert.ZeroBytes(() => lazy ??= new int[8], warmup: 1);
        Assert.NotNull(lazy);
    }
}
