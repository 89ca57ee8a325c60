using Wearable.Firmware.Profiles;

namespace Wearable.Firmware.Tests.Core;

public sealed class BufferPlanTests
{
    [Fact]
    public void A_configuration_that_does_not_fit_the_ESP32_is_refused_with_the_numbers()
    {
        // 16 ch, a 512-frame ring (16 KiB), 31-frame blocks and a 12 KiB model arena: more than the ESP32 offers.
        var plan = new BufferPlan(16, 2000, 512, 31, 16, 1036, 12288, 1020);
        int expected = (16 * 512 * 2) + (16 * 31 * (2 + 4)) + (16 * 16 * 2) + ((3 * 1036) + 1036 + (1036 / 254) + 2) + 1020 + 12288;
        Assert.Equal(expected, plan.TotalBytes);

        var ex = Assert.Throws<BudgetExceededException>(() => plan.CheckFits(BoardProfile.Esp32()));
        Assert.Equal(expected, ex.NeededBytes);
        Assert.Equal(32768, ex.AvailableBytes);
        Assert.Contains("needs " + BufferPlan.FormatBytes(expected) + ", board ESP32 has 32 768 B free for buffers", ex.Message);
        plan.CheckFits(BoardProfile.Esp32S3Psram());
    }

    [Fact]
    public void The_default_streaming_configuration_fits_an_ESP32()
    {
        var plan = new BufferPlan(16, 2000, 256, 31, 16, 1036, 0, 1020);
        plan.CheckFits(BoardProfile.Esp32());
        Assert.True(plan.TotalBytes < 32768);
    }

    [Fact]
    public void Channels_rate_and_single_arrays_are_checked_too()
    {
        Assert.Contains("at most 16", Assert.Throws<BudgetExceededException>(() => new BufferPlan(32, 2000, 64, 8, 8, 1036, 0, 0).CheckFits(BoardProfile.Esp32())).Message);
        Assert.Contains("4000 Hz", Assert.Throws<BudgetExceededException>(() => new BufferPlan(8, 8000, 64, 8, 8, 1036, 0, 0).CheckFits(BoardProfile.Esp32())).Message);
        Assert.Contains("one array", Assert.Throws<BudgetExceededException>(() => new BufferPlan(16, 2000, 1024, 8, 8, 1036, 0, 0).CheckFits(BoardProfile.Esp32())).Message);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(41230, "41 230 B")]
    [InlineData(1048576, "1 048 576 B")]
    public void Byte_counts_are_grouped_by_thousands(int bytes, string text)
    {
        Assert.Equal(text, BufferPlan.FormatBytes(bytes));
    }
}
