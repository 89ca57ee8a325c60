using System.Text;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Link;

/// <summary>
/// LinkText carries its own UTF-8 codec because nanoFramework's mscorlib has no System.Text.Encoding; it must
/// give exactly the bytes and strings .NET's Encoding.UTF8 gives, malformed input included.
/// </summary>
public class LinkTextUtf8Tests
{
    [Fact]
    public void Encoding_and_decoding_match_Encoding_UTF8_on_random_text_and_bytes()
    {
        var random = new Random(20261205);
        var buffer = new byte[256];
        for (int trial = 0; trial < 2000; trial++)
        {
            var chars = new char[random.Next(0, 40)];
            for (int i = 0; i < chars.Length; i++)
            {
                // Mix ASCII, two- and three-byte characters, surrogate pairs and lone surrogates.
                chars[i] = (random.Next(5)) switch
                {
                    0 => (char)random.Next(0x20, 0x7F),
                    1 => (char)random.Next(0x80, 0x800),
                    2 => (char)random.Next(0x800, 0xD800),
                    3 => (char)random.Next(0xD800, 0xE000),
                    _ => (char)random.Next(0xE000, 0x10000),
                };
            }

            string text = new(chars);
            byte[] expected = Encoding.UTF8.GetBytes(text);
            int written = LinkText.Encode(text, buffer, buffer.Length);
            Assert.Equal(expected, buffer.AsSpan(0, written).ToArray());
            Assert.Equal(expected.Length, LinkText.ByteCount(text));

            var bytes = new byte[random.Next(0, 24)];
            random.NextBytes(bytes);
            Assert.Equal(Encoding.UTF8.GetString(bytes), LinkText.Decode(bytes, 0, bytes.Length));
            Assert.Equal(Encoding.UTF8.GetString(expected), LinkText.Decode(expected, expected.Length));
        }
    }

    [Fact]
    public void Encoding_cuts_at_the_capacity_on_a_character_boundary()
    {
        var buffer = new byte[8];

        int written = LinkText.Encode("ab\u00e9\u20ac\u20ac", buffer, 6);

        Assert.Equal(4, written);
        Assert.Equal("ab\u00e9", LinkText.Decode(buffer, written));
    }
}
