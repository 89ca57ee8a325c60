using Wearable.Kernels.Crypto;

namespace Wearable.Firmware.Tests.Crypto;

public class FixedTimeTests
{
    [Fact]
    public void EqualRangesCompareEqual()
    {
        byte[] a = { 9, 1, 2, 3 };
        byte[] b = { 1, 2, 3 };
        Assert.True(FixedTime.AreEqual(a, 1, b, 0, 3));
        Assert.True(FixedTime.AreEqual(a, 0, b, 0, 0));
    }

    [Fact]
    public void AnySingleBitDifferenceIsFound()
    {
        byte[] a = new byte[32];
        new Random(2).NextBytes(a);
        for (int i = 0; i < 32; i++)
        {
            for (int bit = 0; bit < 8; bit++)
            {
                byte[] b = (byte[])a.Clone();
                b[i] ^= (byte)(1 << bit);
                Assert.False(FixedTime.AreEqual(a, 0, b, 0, 32));
            }
        }
    }

    [Fact]
    public void RangesOutsideTheArraysAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FixedTime.AreEqual(new byte[4], 0, new byte[3], 0, 4));
        Assert.Throws<ArgumentNullException>(() => FixedTime.AreEqual(null!, 0, new byte[3], 0, 1));
    }
}
