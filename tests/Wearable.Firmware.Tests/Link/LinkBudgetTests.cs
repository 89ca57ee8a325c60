using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Link;

public class LinkBudgetTests
{
    [Fact]
    public void SixteenChannelsAtTwoKilohertzFitA921600BaudUartAtAbout74Percent()
    {
        // 16 + 512 payload + 12 framing = 540 raw, +3 worst-case COBS, +1 delimiter.
        Assert.Equal(544, LinkBudget.SampleBlockWireBytes(16, 16));
        long stream = LinkBudget.StreamBytesPerSecond(16, 2000, 16);
        Assert.Equal(68_000, stream);
        Assert.Equal(92_160, LinkBudget.UartBytesPerSecond(921_600));
        Assert.Equal(738, LinkBudget.LoadPerMille(stream, LinkBudget.UartBytesPerSecond(921_600)));
        Assert.True(LinkBudget.LoadPerMille(stream, LinkBudget.UartBytesPerSecond(460_800)) > 1000);
    }

    [Fact]
    public void WorstCaseBoundHoldsForRealFrames()
    {
        var encoder = new LinkEncoder();
        var block = new SampleBlockMessage { ChannelCount = 16, SampleCount = 31 };
        for (int i = 0; i < block.ValueCount; i++)
        {
            block.Values[i] = (short)(0x0101 * (1 + (i % 200))); // no zero bytes: the COBS worst case
        }

        byte[] wire = new byte[LinkProtocol.MaxEncodedFrameLength];
        int n = encoder.Encode(block, 0, 0, wire, 0);
        Assert.True(n <= LinkBudget.SampleBlockWireBytes(16, 31));
        Assert.Equal(1026, LinkBudget.SampleBlockWireBytes(16, 31));
    }

    [Fact]
    public void ImpossibleShapesAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkBudget.SampleBlockWireBytes(16, 32));
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkBudget.StreamBytesPerSecond(16, 0, 16));
    }
}
