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
        Assert.Contains("in 3 windows of 100 steady-state calls", error.Message);
    }

    [Fact]
    public void A_call_that_allocates_now_and_then_fails_in_every_window()
    {
        int calls = 0;
        var error = Assert.Throws<XunitException>(() => AllocationAssert.ZeroBytes(
            () =>
            {
                if (++calls % 50 == 0)
                {
                    s_sink = new byte[64];
                }
            },
            what: "Periodic lambda"));

        Assert.Contains("Periodic lambda allocated", error.Message);
        Assert.Equal(3 + (3 * 100), calls);
    }

    [Fact]
    public void A_single_allocation_in_the_first_window_is_not_steady_state()
    {
        int calls = 0;
        AllocationAssert.ZeroBytes(() =>
        {
            if (++calls == 10)
            {
                s_sink = new byte[64];
            }
        });

        Assert.Equal(3 + 100 + 100, calls);
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
