using System.Globalization;
using System.Text;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>
/// An independent check of an EDF/BDF file straight from the specification's byte layout, written
/// without our parser so that writer tests do not only compare our reader with our writer.
/// Returns the facts it read so tests can compare them with what they asked for.
/// </summary>
internal static class SpecHeaderCheck
{
    public sealed record Facts(int Signals, long Records, double Duration, string Reserved, string[] Labels, int[] SamplesPerRecord, int BytesPerSample);

    public static Facts Check(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        Assert.True(b.Length >= 256, "file shorter than the 256-byte fixed header");
        bool bdf = b[0] == 0xFF;
        if (bdf)
        {
            Assert.Equal("BIOSEMI", Encoding.ASCII.GetString(b, 1, 7));
        }
        else
        {
            Assert.Equal("0       ", Encoding.ASCII.GetString(b, 0, 8));
        }

        int ns = Int(b, 252, 4);
        int headerBytes = Int(b, 184, 8);
        Assert.Equal(256 * (ns + 1), headerBytes);
        for (int i = bdf ? 1 : 0; i < headerBytes; i++)
        {
            Assert.True(b[i] >= 32 && b[i] <= 126, "header byte " + i + " is not printable ASCII: " + b[i]);
        }

        // Every field left-justified: no field may start with a space unless it is entirely blank.
        var fixedFields = new (int Offset, int Width)[] { (0, 8), (8, 80), (88, 80), (168, 8), (176, 8), (184, 8), (192, 44), (236, 8), (244, 8), (252, 4) };
        foreach (var (offset, width) in fixedFields)
        {
            if (!(bdf && offset == 0))
            {
                AssertLeftJustified(b, offset, width);
            }
        }

        Assert.Matches(@"^\d\d\.\d\d\.\d\d$", Encoding.ASCII.GetString(b, 168, 8));
        Assert.Matches(@"^\d\d\.\d\d\.\d\d$", Encoding.ASCII.GetString(b, 176, 8));
        int[] widths = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32];
        int at = 256;
        var columns = new int[widths.Length];
        for (int c = 0; c < widths.Length; c++)
        {
            columns[c] = at;
            for (int s = 0; s < ns; s++)
            {
                AssertLeftJustified(b, at + (s * widths[c]), widths[c]);
            }

            at += widths[c] * ns;
        }

        Assert.Equal(headerBytes, at);
        var labels = new string[ns];
        var spr = new int[ns];
        int bytesPerSample = bdf ? 3 : 2;
        int recordBytes = 0;
        for (int s = 0; s < ns; s++)
        {
            labels[s] = Encoding.ASCII.GetString(b, columns[0] + (16 * s), 16).TrimEnd();
            spr[s] = Int(b, columns[8] + (8 * s), 8);
            int dmin = Int(b, columns[5] + (8 * s), 8), dmax = Int(b, columns[6] + (8 * s), 8);
            Assert.True(dmin < dmax);
            Assert.True(Num(b, columns[3] + (8 * s), 8) != Num(b, columns[4] + (8 * s), 8));
            recordBytes += spr[s] * bytesPerSample;
        }

        long records = Int(b, 236, 8);
        Assert.Equal(headerBytes + (records * recordBytes), b.Length);
        double duration = Num(b, 244, 8);
        string reserved = Encoding.ASCII.GetString(b, 192, 44).TrimEnd();

        // EDF+: the first annotation signal of each record opens with a time-keeping TAL "+start\x14\x14".
        int annotation = Array.IndexOf(labels, bdf ? "BDF Annotations" : "EDF Annotations");
        if (reserved.StartsWith("EDF+", StringComparison.Ordinal) || reserved.StartsWith("BDF+", StringComparison.Ordinal))
        {
            Assert.True(annotation >= 0, "EDF+/BDF+ file without an annotation signal");
            int within = 0;
            for (int s = 0; s < annotation; s++)
            {
                within += spr[s] * bytesPerSample;
            }

            for (long r = 0; r < records; r++)
            {
                int start = (int)(headerBytes + (r * recordBytes) + within);
                int sep = Array.IndexOf(b, (byte)0x14, start);
                string onset = Encoding.ASCII.GetString(b, start, sep - start);
                Assert.Equal(r * duration, double.Parse(onset, CultureInfo.InvariantCulture), 9);
                Assert.Equal(0x14, b[sep + 1]);
            }
        }

        return new Facts(ns, records, duration, reserved, labels, spr, bytesPerSample);
    }

    private static void AssertLeftJustified(byte[] b, int offset, int width)
    {
        string text = Encoding.ASCII.GetString(b, offset, width);
        Assert.True(text.Trim().Length == 0 || text[0] != ' ', "field at byte " + offset + " is not left-justified: '" + text + "'");
    }

    private static int Int(byte[] b, int offset, int width) =>
        int.Parse(Encoding.ASCII.GetString(b, offset, width).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static double Num(byte[] b, int offset, int width) =>
        double.Parse(Encoding.ASCII.GetString(b, offset, width).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
