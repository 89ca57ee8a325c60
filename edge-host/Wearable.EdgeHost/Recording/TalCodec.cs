using System.Globalization;
using System.Text;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Time-stamped Annotation Lists (TALs), the text EDF+ stores in its "EDF Annotations" signal:
/// <c>+onset[0x15 duration]0x14 text 0x14 [text 0x14 ...] 0x00</c>. A TAL whose first text is empty
/// and that opens a record is the record's time-keeping TAL (its onset = the record's start).
/// </summary>
public static class TalCodec
{
    private const byte OnsetEnd = 0x14;
    private const byte DurationStart = 0x15;

    /// <summary>
    /// Appends one TAL at <paramref name="offset"/>; returns the new offset, or -1 (nothing written)
    /// when it does not fit before <paramref name="end"/>. An empty <paramref name="text"/> makes a time-keeping TAL.
    /// </summary>
    public static int Write(byte[] buffer, int offset, int end, double onset, double? duration, string text)
    {
        var builder = new StringBuilder();
        builder.Append(onset < 0 ? '-' : '+').Append(FormatSeconds(Math.Abs(onset)));
        if (duration is double d)
        {
            builder.Append((char)DurationStart).Append(FormatSeconds(d));
        }

        builder.Append((char)OnsetEnd);
        string head = builder.ToString();
        int headBytes = Encoding.ASCII.GetByteCount(head);
        int textBytes = Encoding.UTF8.GetByteCount(text);
        int total = headBytes + textBytes + 2;
        if (offset + total > end)
        {
            return -1;
        }

        offset += Encoding.ASCII.GetBytes(head, 0, head.Length, buffer, offset);
        offset += Encoding.UTF8.GetBytes(text, 0, text.Length, buffer, offset);
        buffer[offset++] = OnsetEnd;
        buffer[offset++] = 0;
        return offset;
    }

    /// <summary>Bytes a TAL for these values takes, so writers can size the annotation signal.</summary>
    public static int Size(double onset, double? duration, string text)
    {
        var scratch = new byte[64 + (4 * text.Length)];
        return Write(scratch, 0, scratch.Length, onset, duration, text);
    }

    /// <summary>Rejects texts that would break the TAL framing.</summary>
    public static void ValidateText(string text)
    {
        foreach (char c in text)
        {
            if (c == '\0' || c == (char)OnsetEnd || c == (char)DurationStart)
            {
                throw new ArgumentException("Annotation text must not contain the TAL separators 0x00, 0x14 or 0x15: '" + text + "'.", nameof(text));
            }
        }
    }

    /// <summary>
    /// Decodes the TALs of one record's annotation signal bytes. Returns the onset of its time-keeping TAL
    /// (the first TAL when its first text is empty), or null when there is none. Annotations are appended to <paramref name="into"/>.
    /// </summary>
    public static double? Read(byte[] buffer, int offset, int length, long fileOffset, List<EdfAnnotation> into)
    {
        double? recordOnset = null;
        bool first = true;
        int end = offset + length;
        int at = offset;
        while (at < end)
        {
            if (buffer[at] == 0)
            {
                at++;
                continue;
            }

            int stop = Array.IndexOf(buffer, (byte)0, at, end - at);
            if (stop < 0)
            {
                throw new EdfFormatException(
                    "annotation at byte " + (fileOffset + (at - offset)) + " is not terminated by a 0x00 byte before the annotation signal ends.",
                    "EDF Annotations", fileOffset + (at - offset));
            }

            bool keeping = ReadTal(buffer, at, stop, fileOffset + (at - offset), into);
            if (first && keeping)
            {
                recordOnset = ParseOnsetOnly(buffer, at, stop);
            }

            first = false;
            at = stop + 1;
        }

        return recordOnset;
    }

    private static double ParseOnsetOnly(byte[] buffer, int start, int stop)
    {
        int sep = Array.IndexOf(buffer, OnsetEnd, start, stop - start);
        int dur = Array.IndexOf(buffer, DurationStart, start, sep - start);
        int onsetEnd = dur >= 0 ? dur : sep;
        return ParseSeconds(Encoding.ASCII.GetString(buffer, start, onsetEnd - start), signed: true, 0)!.Value;
    }

    /// <summary>Reads one TAL [start, stop); returns true when its first text is empty (time-keeping form).</summary>
    private static bool ReadTal(byte[] buffer, int start, int stop, long fileOffset, List<EdfAnnotation> into)
    {
        int sep = Array.IndexOf(buffer, OnsetEnd, start, stop - start);
        if (sep < 0 || buffer[stop - 1] != OnsetEnd)
        {
            throw new EdfFormatException(
                "annotation at byte " + fileOffset + " ('" + Shown(buffer, start, stop) + "') does not have the form '+onset[\\x15duration]\\x14text\\x14'.",
                "EDF Annotations", fileOffset);
        }

        int dur = Array.IndexOf(buffer, DurationStart, start, sep - start);
        int onsetEnd = dur >= 0 ? dur : sep;
        string onsetText = Encoding.ASCII.GetString(buffer, start, onsetEnd - start);
        double onset = ParseSeconds(onsetText, signed: true, fileOffset)
            ?? throw new EdfFormatException("annotation at byte " + fileOffset + " has onset '" + onsetText + "': expected '+' or '-' then seconds.", "EDF Annotations", fileOffset);
        double? duration = null;
        if (dur >= 0)
        {
            string durationText = Encoding.ASCII.GetString(buffer, dur + 1, sep - dur - 1);
            duration = ParseSeconds(durationText, signed: false, fileOffset)
                ?? throw new EdfFormatException("annotation at byte " + fileOffset + " has duration '" + durationText + "': expected seconds >= 0.", "EDF Annotations", fileOffset);
        }

        bool firstEmpty = false;
        int textStart = sep + 1;
        bool firstText = true;
        while (textStart < stop)
        {
            int textEnd = Array.IndexOf(buffer, OnsetEnd, textStart, stop - textStart);
            string text = Encoding.UTF8.GetString(buffer, textStart, textEnd - textStart);
            if (text.Length > 0)
            {
                into.Add(new EdfAnnotation(onset, duration, text));
            }
            else if (firstText)
            {
                firstEmpty = true;
            }

            firstText = false;
            textStart = textEnd + 1;
        }

        return firstEmpty;
    }

    private static double? ParseSeconds(string text, bool signed, long fileOffset)
    {
        int digitsFrom = 0;
        if (signed)
        {
            if (text.Length == 0 || (text[0] != '+' && text[0] != '-'))
            {
                return null;
            }

            digitsFrom = 1;
        }

        bool dot = false;
        bool digit = false;
        for (int i = digitsFrom; i < text.Length; i++)
        {
            if (text[i] == '.' && !dot)
            {
                dot = true;
            }
            else if (char.IsAsciiDigit(text[i]))
            {
                digit = true;
            }
            else
            {
                return null;
            }
        }

        return digit ? double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Seconds as plain decimal text (no exponent), exact enough to parse back to the same double.</summary>
    public static string FormatSeconds(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), "Annotation times must be finite; durations >= 0. Got " + seconds + ".");
        }

        string text = seconds.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal)
            ? seconds.ToString("F9", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.')
            : text;
    }

    private static string Shown(byte[] buffer, int start, int stop)
    {
        var builder = new StringBuilder();
        for (int i = start; i < stop && i < start + 40; i++)
        {
            byte b = buffer[i];
            builder.Append(b >= 32 && b < 127 ? ((char)b).ToString() : "\\x" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
