using System.Security.Cryptography;
using System.Text;
using Wearable.Kernels.Crypto;
using Wearable.TestSupport;

namespace Wearable.Firmware.Tests.Crypto;

public class HmacSha256Tests
{
    private const string Tc7Data =
        "This is a test using a larger than block-size key and a larger than block-size data. " +
        "The key needs to be hashed before being used by the HMAC algorithm.";

    // RFC 4231 section 4, test cases 1-7 (case 5 is compared on its published 128-bit truncation).
    public static TheoryData<string, string, string> Rfc4231 => new()
    {
        { Repeat("0b", 20), Hex("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { Hex("Jefe"), Hex("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { Repeat("aa", 20), Repeat("dd", 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        {
            "0102030405060708090a0b0c0d0e0f10111213141516171819", Repeat("cd", 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        },
        { Repeat("0c", 20), Hex("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b" },
        {
            Repeat("aa", 131), Hex("Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        },
        { Repeat("aa", 131), Hex(Tc7Data), "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2" },
    };

    [Theory]
    [MemberData(nameof(Rfc4231))]
    public void Rfc4231TestCases(string keyHex, string dataHex, string expectedHex)
    {
        byte[] key = Convert.FromHexString(keyHex);
        byte[] data = Convert.FromHexString(dataHex);
        var hmac = new HmacSha256(key);
        byte[] mac = new byte[32];
        hmac.Compute(data, 0, data.Length, mac, 0);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(mac).Substring(0, expectedHex.Length));
    }

    [Fact]
    public void MatchesTheRuntimeOnRandomKeysAndMessages()
    {
        var rng = new Random(4231);
        var hmac = new HmacSha256();
        byte[] mac = new byte[32];
        for (int t = 0; t < 300; t++)
        {
            byte[] key = new byte[rng.Next(0, 200)];
            byte[] data = new byte[rng.Next(0, 2000)];
            rng.NextBytes(key);
            rng.NextBytes(data);
            hmac.SetKey(key, 0, key.Length);
            int split = rng.Next(0, data.Length + 1);
            hmac.Update(data, 0, split);
            hmac.Update(data, split, data.Length - split);
            hmac.Final(mac, 0);
            Assert.Equal(HMACSHA256.HashData(key, data), mac);
        }
    }

    [Fact]
    public void KeyIsReusedAcrossMessagesWithoutAllocation()
    {
        byte[] key = new byte[32];
        new Random(1).NextBytes(key);
        var hmac = new HmacSha256(key);
        byte[] data = new byte[48];
        byte[] mac = new byte[32];
        hmac.Compute(data, 0, data.Length, mac, 0);
        Assert.Equal(HMACSHA256.HashData(key, data), mac);
        AllocationAssert.ZeroBytes(() => hmac.Compute(data, 0, data.Length, mac, 0), what: "HmacSha256.Compute");
        AllocationAssert.ZeroBytes(() => hmac.SetKey(key, 0, key.Length), what: "HmacSha256.SetKey");
    }

    [Fact]
    public void ClearedInstanceRefusesToMac()
    {
        var hmac = new HmacSha256(new byte[16]);
        hmac.Clear();
        Assert.Throws<InvalidOperationException>(() => hmac.Update(new byte[1], 0, 1));
        Assert.Throws<InvalidOperationException>(() => new HmacSha256().Reset());
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));

    private static string Repeat(string byteHex, int count) => string.Concat(Enumerable.Repeat(byteHex, count));
}
