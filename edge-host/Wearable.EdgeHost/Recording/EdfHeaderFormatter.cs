using System.Globalization;
using System.Text;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Serialises an <see cref="EdfHeader"/> to its on-disk bytes: ASCII fields, left-justified and
/// space-padded to the widths the EDF specification fixes.
/// </summary>
public static class EdfHeaderFormatter
{
    /// <summary>The header bytes for <paramref name="header"/> (256 x (signals + 1)).</summary>
    public static byte[] Format(EdfHeader header)
    {
        int n = header.Signals.Count;
        var bytes = new byte[EdfHeader.BlockSize * (n + 1)];
        if (header.Variant == EdfVariant.Bdf)
        {
            bytes[0] = 0xFF;
            Put(bytes, 1, 7, "BIOSEMI", "version");
        }
        else
        {
            Put(bytes, 0, 8, "0", "version");
        }

        Put(bytes, 8, 80, header.PatientId, "local patient identification");
        Put(bytes, 88, 80, header.RecordingId, "local recording identification");
        DateTime t = header.StartTime;
        if (t.Year < 1985 || t.Year > 2084)
        {
            throw new ArgumentOutOfRangeException(nameof(header), "EDF start dates must lie in 1985-2084 (two-digit years); got " + t.Year + ".");
        }

        Put(bytes, 168, 8, t.ToString("dd.MM.yy", CultureInfo.InvariantCulture), "startdate of recording");
        Put(bytes, 176, 8, t.ToString("HH.mm.ss", CultureInfo.InvariantCulture), "starttime of recording");
        Put(bytes, 184, 8, bytes.Length.ToString(CultureInfo.InvariantCulture), "number of bytes in header record");
        Put(bytes, 192, 44, header.Reserved, "reserved");
        Put(bytes, EdfHeader.DataRecordCountOffset, 8, RecordCountField(header.DataRecords), "number of data records");
        Put(bytes, 244, 8, FormatNumber(header.RecordDuration, 8, "duration of a data record"), "duration of a data record");
        Put(bytes, 252, 4, n.ToString(CultureInfo.InvariantCulture), "number of signals");

        int at = EdfHeader.BlockSize;
        void Column(int width, Func<EdfSignal, string> value, string field)
        {
            for (int i = 0; i < n; i++)
            {
                Put(bytes, at + (i * width), width, value(header.Signals[i]), field + " of signal " + (i + 1));
            }

            at += width * n;
        }

        Column(16, s => s.Label, "label");
        Column(80, s => s.Transducer, "transducer type");
        Column(8, s => s.PhysicalDimension, "physical dimension");
        Column(8, s => FormatNumber(s.PhysicalMinimum, 8, "physical minimum"), "physical minimum");
        Column(8, s => FormatNumber(s.PhysicalMaximum, 8, "physical maximum"), "physical maximum");
        Column(8, s => s.DigitalMinimum.ToString(CultureInfo.InvariantCulture), "digital minimum");
        Column(8, s => s.DigitalMaximum.ToString(CultureInfo.InvariantCulture), "digital maximum");
        Column(80, s => s.Prefiltering, "prefiltering");
        Column(8, s => s.SamplesPerRecord.ToString(CultureInfo.InvariantCulture), "number of samples in each data record");
        Column(32, s => s.Reserved, "reserved");
        return bytes;
    }

    /// <summary>The 8 bytes of the "number of data records" field, for in-place updates while recording.</summary>
    public static byte[] RecordCountBytes(long records)
    {
        var bytes = new byte[8];
        Put(bytes, 0, 8, RecordCountField(records), "number of data records");
        return bytes;
    }

    /// <summary>
    /// Shortest decimal text of <paramref name="value"/> that fits <paramref name="width"/> characters,
    /// rounding away decimals when needed (EDF has no room for more). Never uses exponent notation,
    /// which some readers reject.
    /// </summary>
    public static string FormatNumber(double value, int width, string field)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "EDF field '" + field + "' must be a finite number, got " + value + ".");
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Length <= width && !text.Contains('E', StringComparison.Ordinal))
        {
            return text;
        }

        for (int decimals = width; decimals >= 0; decimals--)
        {
            text = value.ToString("F" + decimals, CultureInfo.InvariantCulture);
            if (text.Contains('.', StringComparison.Ordinal))
            {
                text = text.TrimEnd('0').TrimEnd('.');
            }

            if (text == "-0")
            {
                text = "0";
            }

            if (text.Length <= width)
            {
                return text;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), "EDF field '" + field + "' has only " + width + " characters; " + value.ToString("R", CultureInfo.InvariantCulture) + " does not fit. Use a smaller unit (e.g. mV instead of uV).");
    }

    private static string RecordCountField(long records)
    {
        if (records < -1 || records > 99_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(records), "EDF's record count field holds -1 to 99999999, got " + records + ".");
        }

        return records.ToString(CultureInfo.InvariantCulture);
    }

    private static void Put(byte[] bytes, int offset, int width, string value, string field)
    {
        if (value.Length > width)
        {
            throw new ArgumentException("EDF header field '" + field + "' holds at most " + width + " characters; '" + value + "' has " + value.Length + ".");
        }

        for (int i = 0; i < width; i++)
        {
            char c = i < value.Length ? value[i] : ' ';
            if (c < ' ' || c > '~')
            {
                throw new ArgumentException("EDF header field '" + field + "' must be printable ASCII (32-126); '" + value + "' has character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ".");
            }

            bytes[offset + i] = (byte)c;
        }
    }
}
