using Wearable.Firmware.Processing;
using Wearable.Modeling.Dsp;

namespace Wearable.Firmware.Tests.Core;

/// <summary>The firmware's committed filter coefficients are exactly what the host design produces.</summary>
public sealed class DefaultFrontEndsTests
{
    [Theory]
    [InlineData(2000)]
    [InlineData(1000)]
    [InlineData(500)]
    [InlineData(200)]
    [InlineData(256)]
    [InlineData(250)]
    [InlineData(160)]
    public void Committed_band_filters_match_the_host_design(int rate)
    {
        var committed = DefaultFrontEnds.BandFor(rate)!;
        var designed = DefaultFrontEnds.IsEmgRate(rate) ? FrontEndDesign.Emg(rate).Band : FrontEndDesign.EegBand(rate);
        Assert.Equal(designed.GuardBits, committed.GuardBits);
        Assert.Equal(designed.Coefficients, committed.Coefficients);
    }

    [Fact]
    public void Rates_without_a_design_have_no_filtered_stream()
    {
        Assert.Null(DefaultFrontEnds.BandFor(1234));
    }
}
