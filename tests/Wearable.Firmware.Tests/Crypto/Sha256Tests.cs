using System.Security.Cryptography;
using System.Text;
using Wearable.Kernels.Crypto;
using Wearable.TestSupport;

namespace Wearable.Firmware.Tests.Crypto;

public class Sha256Tests
{
    // FIPS 180-2 appendix B examples, plus the empty message.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData(
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void PublishedVectors(string message, string expectedHex)
    {
        Assert.Equal(expectedHex, Hash(Encoding.ASCII.GetBytes(message)));
    }

    [Fact]
    public void OneMillionLetterA()
    {
        var sha = new Sha256();
        byte[] chunk = new byte[1000];
        Array.Fill(chunk, (byte)'a');
        for (int i = 0; i < 1000; i++)
        {
            sha.Update(chunk, 0, chunk.Length);
        }

        byte[] digest = new byte[32];
        sha.Final(digest, 0);
        Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void MatchesTheRuntimeOnRandomInputsAndSplits()
    {
        var rng = new Random(180);
        var sha = new Sha256();
        byte[] digest = new byte[32];
        for (int t = 0; t < 400; t++)
        {
            // Lengths around the 55/56/64-byte padding boundaries are where hand-written SHA-256 goes wrong.
            int length = t < 130 ? t : rng.Next(0, 5000);
            byte[] data = new byte[length];
            rng.NextBytes(data);
            int split = rng.Next(0, length + 1);
            sha.Update(data, 0, split);
            for (int i = split; i < length; i++)
            {
                sha.Update(data[i]);
            }

            sha.Final(digest, 0);
            Assert.Equal(SHA256.HashData(data), digest);
        }
    }

    [Fact]
    public void FinalResetsForTheNextMessage()
    {
        var sha = new Sha256();
        byte[] abc = Encoding.ASCII.GetBytes("abc");
        byte[] first = new byte[32];
        byte[] second = new byte[32];
        sha.Update(abc, 0, 3);
        sha.Final(first, 0);
        sha.Update(abc, 0, 3);
        sha.Final(second, 0);
        Assert.Equal(first, second);
    }

    [Fact]
    public void HashingAllocatesNothing()
    {
        var sha = new Sha256();
        byte[] data = new byte[300];
        byte[] digest = new byte[32];
        AllocationAssert.ZeroBytes(
            () =>
            {
                sha.Update(data, 0, data.Length);
                sha.Final(digest, 0);
            },
            iterations: 200,
            what: "Sha256.Update+Final");
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var sha = new Sha256();
        Assert.Throws<ArgumentOutOfRangeException>(() => sha.Update(new byte[4], 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => sha.Final(new byte[31], 0));
        Assert.Throws<ArgumentNullException>(() => sha.Update(null!, 0, 0));
    }

    private static string Hash(byte[] data)
    {
        var sha = new Sha256();
        sha.Update(data, 0, data.Length);
        byte[] digest = new byte[32];
        sha.Final(digest, 0);
        return Convert.ToHexStringLower(digest);
    }
}
