using System.Globalization;
using System.Text;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Reads and validates an EDF/BDF header. Every rejection names the field, its byte offset and the
/// offending text, because a user facing a broken file needs to know where to look.
/// </summary>
public static class EdfHeaderParser
{
    /// <summary>Largest signal count accepted; real montages stay far below, a garbage count would allocate wildly.</summary>
    public const int MaxSignals = 4096;

    private static readonly Encoding s_latin1 = Encoding.Latin1;

    /// <summary>Parses the header at the start of <paramref name="stream"/> (positioned anywhere; it seeks to 0).</summary>
    public static EdfHeader Parse(Stream stream)
    {
        long fileLength = stream.Length;
        if (fileLength < EdfHeader.BlockSize)
        {
            throw new EdfFormatException(
                "header is truncated: the file has " + fileLength + " bytes but the fixed EDF header needs 256.",
                "header", 0, "The file is not an EDF/BDF recording or was cut off while it was being created.");
        }

        byte[] fixedPart = new byte[EdfHeader.BlockSize];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(fixedPart);
        EdfVariant variant = ParseVersion(fixedPart);
        var fields = new FieldReader(fixedPart, 0);
        string patient = fields.Text("local patient identification", 8, 80);
        string recording = fields.Text("local recording identification", 88, 80);
        DateTime start = ParseStart(fields);
        int headerBytes = fields.Integer("number of bytes in header record", 184, 8);
        string reserved = fields.Text("reserved", 192, 44);
        long records = fields.Long("number of data records", 236, 8);
        if (records < -1)
        {
            throw fields.Error("number of data records", 236, 8, "expected -1 (unknown) or a count >= 0");
        }

        double duration = fields.Number("duration of a data record", 244, 8);
        if (duration < 0 || double.IsNaN(duration) || double.IsInfinity(duration))
        {
            throw fields.Error("duration of a data record", 244, 8, "expected a duration in seconds >= 0");
        }

        int signalCount = fields.Integer("number of signals", 252, 4);
        if (signalCount < 1 || signalCount > MaxSignals)
        {
            throw fields.Error("number of signals", 252, 4, "expected 1 to " + MaxSignals + " signals");
        }

        int expectedHeader = EdfHeader.BlockSize * (signalCount + 1);
        if (headerBytes != expectedHeader)
        {
            throw fields.Error(
                "number of bytes in header record", 184, 8,
                "expected 256 x (1 + " + signalCount + " signals) = " + expectedHeader + "; the signal count and header size disagree");
        }

        if (fileLength < headerBytes)
        {
            throw new EdfFormatException(
                "header is truncated: " + signalCount + " signals need a " + headerBytes + "-byte header but the file has only " + fileLength + " bytes.",
                "number of signals", 252, "The file was cut off inside its header; it cannot be repaired.");
        }

        byte[] signalPart = new byte[headerBytes - EdfHeader.BlockSize];
        stream.ReadExactly(signalPart);
        var signals = ParseSignals(new FieldReader(signalPart, EdfHeader.BlockSize), signalCount, variant);
        return new EdfHeader
        {
            Variant = variant,
            PatientId = patient,
            RecordingId = recording,
            StartTime = start,
            HeaderBytes = headerBytes,
            Reserved = reserved,
            DataRecords = records,
            RecordDuration = duration,
            Signals = signals,
        };
    }

    private static EdfVariant ParseVersion(byte[] header)
    {
        if (header[0] == 0xFF && s_latin1.GetString(header, 1, 7) == "BIOSEMI")
        {
            return EdfVariant.Bdf;
        }

        string version = s_latin1.GetString(header, 0, 8);
        if (version.TrimEnd(' ') == "0")
        {
            return EdfVariant.Edf;
        }

        throw new EdfFormatException(
            "header field 'version' at byte 0 is '" + Printable(version) + "': expected '0' (EDF) or 0xFF 'BIOSEMI' (BDF).",
            "version", 0, "This is not an EDF or BDF file.");
    }

    private static DateTime ParseStart(FieldReader fields)
    {
        string date = fields.Text("startdate of recording", 168, 8);
        string time = fields.Text("starttime of recording", 176, 8);
        int[] d = SplitDotted(date);
        if (d.Length != 3 || d[0] < 1 || d[0] > 31 || d[1] < 1 || d[1] > 12)
        {
            throw fields.Error("startdate of recording", 168, 8, "expected dd.mm.yy");
        }

        int[] t = SplitDotted(time);
        if (t.Length != 3 || t[0] > 23 || t[1] > 59 || t[2] > 59)
        {
            throw fields.Error("starttime of recording", 176, 8, "expected hh.mm.ss");
        }

        // EDF's two-digit year: 85-99 are 1985-1999, 00-84 are 2000-2084 (the spec's clipping date).
        int year = d[2] >= 85 ? 1900 + d[2] : 2000 + d[2];
        if (d[0] > DateTime.DaysInMonth(year, d[1]))
        {
            throw fields.Error("startdate of recording", 168, 8, "expected a real calendar date (dd.mm.yy)");
        }

        return new DateTime(year, d[1], d[0], t[0], t[1], t[2], DateTimeKind.Unspecified);
    }

    private static int[] SplitDotted(string text)
    {
        string[] parts = text.Split('.');
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length != 2 || !char.IsAsciiDigit(parts[i][0]) || !char.IsAsciiDigit(parts[i][1]))
            {
                return [];
            }

            values[i] = ((parts[i][0] - '0') * 10) + (parts[i][1] - '0');
        }

        return values;
    }

    private static EdfSignal[] ParseSignals(FieldReader fields, int n, EdfVariant variant)
    {
        int at = EdfHeader.BlockSize;
        int Column(int width)
        {
            int start = at;
            at += width * n;
            return start;
        }

        int label = Column(16), transducer = Column(80), dimension = Column(8), pmin = Column(8), pmax = Column(8);
        int dmin = Column(8), dmax = Column(8), prefilter = Column(80), spr = Column(8), reserved = Column(32);
        int lowest = variant == EdfVariant.Bdf ? -8388608 : short.MinValue;
        int highest = variant == EdfVariant.Bdf ? 8388607 : short.MaxValue;
        var signals = new EdfSignal[n];
        for (int i = 0; i < n; i++)
        {
            string name = fields.Text("label", label + (16 * i), 16);
            string who = " of signal " + (i + 1) + " ('" + Printable(name) + "')";
            double physicalMin = fields.Number("physical minimum" + who, pmin + (8 * i), 8);
            double physicalMax = fields.Number("physical maximum" + who, pmax + (8 * i), 8);
            int digitalMin = fields.Integer("digital minimum" + who, dmin + (8 * i), 8);
            int digitalMax = fields.Integer("digital maximum" + who, dmax + (8 * i), 8);
            int samples = fields.Integer("number of samples in each data record" + who, spr + (8 * i), 8);
            if (samples < 1)
            {
                throw fields.Error("number of samples in each data record" + who, spr + (8 * i), 8, "expected a count >= 1");
            }

            if (digitalMin < lowest || digitalMin > highest)
            {
                throw fields.Error("digital minimum" + who, dmin + (8 * i), 8, "expected a value a " + (variant == EdfVariant.Bdf ? "24" : "16") + "-bit sample can hold");
            }

            if (digitalMax <= digitalMin || digitalMax > highest)
            {
                throw fields.Error("digital maximum" + who, dmax + (8 * i), 8, "expected a value above the digital minimum (" + digitalMin + ") that a sample can hold");
            }

            if (physicalMax == physicalMin)
            {
                throw fields.Error("physical maximum" + who, pmax + (8 * i), 8, "expected a value different from the physical minimum, otherwise no sample can be scaled");
            }

            signals[i] = new EdfSignal
            {
                Label = name,
                Transducer = fields.Text("transducer type" + who, transducer + (80 * i), 80),
                PhysicalDimension = fields.Text("physical dimension" + who, dimension + (8 * i), 8),
                PhysicalMinimum = physicalMin,
                PhysicalMaximum = physicalMax,
                DigitalMinimum = digitalMin,
                DigitalMaximum = digitalMax,
                Prefiltering = fields.Text("prefiltering" + who, prefilter + (80 * i), 80),
                SamplesPerRecord = samples,
                Reserved = fields.Text("reserved" + who, reserved + (32 * i), 32),
            };
        }

        return signals;
    }

    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.TrimEnd(' '))
        {
            builder.Append(c >= ' ' && c < 127 ? c : '?');
        }

        return builder.ToString();
    }

    /// <summary>Reads fixed-width ASCII fields; offsets are file offsets, <c>bias</c> maps them into the buffer.</summary>
    private readonly struct FieldReader(byte[] bytes, int bias)
    {
        public string Text(string field, int offset, int width) => Raw(offset, width).Trim(' ');

        public long Long(string field, int offset, int width)
        {
            string text = Raw(offset, width).Trim(' ');
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
            {
                throw Error(field, offset, width, "expected an integer");
            }

            return value;
        }

        public int Integer(string field, int offset, int width)
        {
            long value = Long(field, offset, width);
            if (value < int.MinValue || value > int.MaxValue)
            {
                throw Error(field, offset, width, "expected an integer of a sensible size");
            }

            return (int)value;
        }

        public double Number(string field, int offset, int width)
        {
            string text = Raw(offset, width).Trim(' ');
            if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double value)
                || double.IsInfinity(value))
            {
                throw Error(field, offset, width, "expected a number");
            }

            return value;
        }

        public EdfFormatException Error(string field, int offset, int width, string expected)
        {
            int of = field.IndexOf(" of signal ", StringComparison.Ordinal);
            string name = of > 0 ? field[..of] : field;
            string which = of > 0 ? field[of..] : "";
            return new EdfFormatException(
                "header field '" + name + "'" + which + " at byte " + offset + " is '" + Printable(Raw(offset, width)) + "': " + expected + ".",
                name, offset);
        }

        private string Raw(int offset, int width) => s_latin1.GetString(bytes, offset - bias, width);
    }
}
