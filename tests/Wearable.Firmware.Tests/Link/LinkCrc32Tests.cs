using System.Text;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Link;

public class LinkCrc32Tests
{
    [Fact]
    public void CheckValueOf123456789IsTheCatalogueValue()
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xCBF43926u, LinkCrc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void EmptyInputIsZero()
    {
        Assert.Equal(0u, LinkCrc32.Compute(new byte[0], 0, 0));
    }

    [Fact]
    public void IncrementalEqualsOneShotAndSystemIoHashing()
    {
        var rng = new Random(5);
        for (int n = 0; n < 200; n++)
        {
            byte[] data = new byte[rng.Next(0, 3000)];
            rng.NextBytes(data);
            int split = rng.Next(0, data.Length + 1);
            uint state = LinkCrc32.Begin();
            state = LinkCrc32.Update(state, data, 0, split);
            state = LinkCrc32.Update(state, data, split, data.Length - split);
            uint expected = ReferenceCrc32(data);
            Assert.Equal(expected, LinkCrc32.Finish(state));
            Assert.Equal(expected, LinkCrc32.Compute(data, 0, data.Length));
        }
    }

    [Fact]
    public void OffsetAndCountSelectTheRange()
    {
        byte[] data = Encoding.ASCII.GetBytes("xx123456789yy");
        Assert.Equal(0xCBF43926u, LinkCrc32.Compute(data, 2, 9));
    }

    [Fact]
    public void BadRangeIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LinkCrc32.Compute(new byte[4], 2, 3));
        Assert.Throws<ArgumentNullException>(() => LinkCrc32.Compute(null!, 0, 0));
    }

    // Bitwise definition, independent of the table: the test oracle.
    private static uint ReferenceCrc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
