using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Link;

public class CobsTests
{
    // Examples from the COBS literature (Cheshire and Baker; the Wikipedia article's table), without delimiter.
    [Theory]
    [InlineData("", "01")]
    [InlineData("00", "0101")]
    [InlineData("0000", "010101")]
    [InlineData("001100", "01021101")]
    [InlineData("11220033", "03112202 33")]
    [InlineData("11223344", "0511223344")]
    [InlineData("11000000", "02110101 01")]
    public void KnownEncodings(string plainHex, string encodedHex)
    {
        byte[] plain = Convert.FromHexString(plainHex);
        byte[] expected = Convert.FromHexString(encodedHex.Replace(" ", ""));
        byte[] encoded = new byte[Cobs.MaxEncodedLength(plain.Length)];
        int n = Cobs.Encode(plain, 0, plain.Length, encoded, 0);
        Assert.Equal(expected, encoded.AsSpan(0, n).ToArray());
        byte[] decoded = new byte[plain.Length + 1];
        int m = Cobs.Decode(encoded, 0, n, decoded, 0, decoded.Length);
        Assert.Equal(plain, decoded.AsSpan(0, m).ToArray());
    }

    [Fact]
    public void Full254ByteRunHasNoTrailingCode()
    {
        byte[] plain = Sequence(1, 254);
        byte[] encoded = new byte[Cobs.MaxEncodedLength(plain.Length)];
        int n = Cobs.Encode(plain, 0, plain.Length, encoded, 0);
        Assert.Equal(255, n);
        Assert.Equal(0xFF, encoded[0]);
        Assert.Equal(plain, encoded.AsSpan(1, 254).ToArray());
    }

    [Fact]
    public void RunOf255NonZeroBytesSplitsAfter254()
    {
        byte[] plain = Sequence(1, 255);
        byte[] encoded = new byte[Cobs.MaxEncodedLength(plain.Length)];
        int n = Cobs.Encode(plain, 0, plain.Length, encoded, 0);
        Assert.Equal(257, n);
        Assert.Equal(0xFF, encoded[0]);
        Assert.Equal(0x02, encoded[255]);
        Assert.Equal(plain[254], encoded[256]);
    }

    [Fact]
    public void ZeroThen254NonZero()
    {
        byte[] plain = new byte[255];
        Array.Copy(Sequence(1, 254), 0, plain, 1, 254);
        byte[] encoded = new byte[Cobs.MaxEncodedLength(plain.Length)];
        int n = Cobs.Encode(plain, 0, plain.Length, encoded, 0);
        Assert.Equal(256, n);
        Assert.Equal(0x01, encoded[0]);
        Assert.Equal(0xFF, encoded[1]);
        RoundTrip(plain);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(253)]
    [InlineData(254)]
    [InlineData(255)]
    [InlineData(508)]
    [InlineData(509)]
    [InlineData(1036)]
    public void LongZeroFreeRunsAndZeroRunsRoundTripWithinTheBound(int length)
    {
        byte[] nonZero = new byte[length];
        for (int i = 0; i < length; i++)
        {
            nonZero[i] = (byte)(1 + (i % 255));
        }

        RoundTrip(nonZero);
        RoundTrip(new byte[length]);
    }

    [Fact]
    public void EncodedOutputNeverContainsZero()
    {
        var rng = new Random(11);
        for (int t = 0; t < 500; t++)
        {
            byte[] plain = new byte[rng.Next(0, 1200)];
            rng.NextBytes(plain);
            for (int i = 0; i < plain.Length; i++)
            {
                if (rng.Next(4) == 0)
                {
                    plain[i] = 0;
                }
            }

            byte[] encoded = new byte[Cobs.MaxEncodedLength(plain.Length)];
            int n = Cobs.Encode(plain, 0, plain.Length, encoded, 0);
            Assert.DoesNotContain((byte)0, encoded.AsSpan(0, n).ToArray());
            RoundTrip(plain);
        }
    }

    [Theory]
    [InlineData("00")]
    [InlineData("05112233")]
    [InlineData("031100")]
    [InlineData("0211 0000")]
    public void InvalidInputIsReportedNotThrown(string encodedHex)
    {
        byte[] encoded = Convert.FromHexString(encodedHex.Replace(" ", ""));
        byte[] output = new byte[16];
        Assert.Equal(Cobs.Invalid, Cobs.Decode(encoded, 0, encoded.Length, output, 0, output.Length));
    }

    [Fact]
    public void DecodeRefusesToOverrunTheCapacity()
    {
        byte[] plain = Sequence(1, 10);
        byte[] encoded = new byte[Cobs.MaxEncodedLength(plain.Length)];
        int n = Cobs.Encode(plain, 0, plain.Length, encoded, 0);
        byte[] output = new byte[32];
        Assert.Equal(Cobs.Invalid, Cobs.Decode(encoded, 0, n, output, 0, 9));
        Assert.Equal(10, Cobs.Decode(encoded, 0, n, output, 0, 10));
    }

    private static void RoundTrip(byte[] plain)
    {
        byte[] encoded = new byte[Cobs.MaxEncodedLength(plain.Length) + 8];
        int n = Cobs.Encode(plain, 0, plain.Length, encoded, 4);
        Assert.True(n <= Cobs.MaxEncodedLength(plain.Length));
        byte[] decoded = new byte[plain.Length + 4];
        int m = Cobs.Decode(encoded, 4, n, decoded, 2, plain.Length);
        Assert.Equal(plain.Length, m);
        Assert.Equal(plain, decoded.AsSpan(2, m).ToArray());
    }

    private static byte[] Sequence(int first, int count)
    {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = (byte)(first + i);
        }

        return data;
    }
}
