using System.Globalization;

namespace Wearable.Modeling.Datasets;

/// <summary>
/// myo-readings text streams <c>&lt;participant&gt;-&lt;session&gt;/&lt;gesture&gt;.txt</c>: one line per sample,
/// <c>ch1,...,ch8,label</c> with signed int8 values; about 200 Hz; per-sample labels (0 rest, 1..7 gestures).
/// </summary>
public sealed class MyoReadingsReader : IRecordingReader
{
    public const int Channels = 8;
    public const double SampleRate = 200.0;

    public static readonly string[] GestureNames =
    [
        "rest", "flexion", "extension", "radial deviation", "ulnar deviation", "pronation", "supination", "fist",
    ];

    public string FormatName => "myo-readings text";

    public LabelledRecording Read(string path)
    {
        var samples = new List<short>(12000 * Channels);
        var labels = new List<int>(12000);
        int lineNumber = 0;
        foreach (string line in ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue; // The format forbids a trailing empty line, but one is harmless.
            }

            int field = 0;
            int start = 0;
            for (int i = 0; i <= line.Length; i++)
            {
                if (i < line.Length && line[i] != ',')
                {
                    continue;
                }

                field++;
                if (field > Channels + 1)
                {
                    throw new DatasetFormatException(path, "too many fields: expected 8 channels and a label", lineNumber, start + 1);
                }

                ReadOnlySpan<char> text = line.AsSpan(start, i - start).Trim();
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
                {
                    throw new DatasetFormatException(
                        path, "field " + field + " is '" + text.ToString() + "', expected an integer", lineNumber, start + 1);
                }

                if (field <= Channels)
                {
                    if (value < sbyte.MinValue || value > sbyte.MaxValue)
                    {
                        throw new DatasetFormatException(
                            path, "channel " + field + " value " + value + " is outside the Myo's int8 range", lineNumber, start + 1);
                    }

                    samples.Add((short)value);
                }
                else
                {
                    if (value < 0 || value >= GestureNames.Length)
                    {
                        throw new DatasetFormatException(path, "label " + value + " is not in 0..7", lineNumber, start + 1);
                    }

                    labels.Add(value);
                }

                start = i + 1;
            }

            if (field != Channels + 1)
            {
                throw new DatasetFormatException(
                    path, "expected 9 comma-separated fields (ch1..ch8,label), got " + field, lineNumber, line.Length + 1);
            }
        }

        if (labels.Count == 0)
        {
            throw new DatasetFormatException(path, "the file holds no samples");
        }

        string full = System.IO.Path.GetFullPath(path);
        string folder = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(full)) ?? string.Empty;
        int dash = folder.LastIndexOf('-');
        string person = dash > 0 ? folder[..dash] : folder;
        string session = dash > 0 ? folder[(dash + 1)..] : string.Empty;
        return LabelledRecording.FromInt16(
            path, person, session, LabelledRecording.NumberedChannels(Channels), SampleRate, "adc", samples.ToArray(), labels.ToArray());
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, "cannot read the file: " + ex.Message);
        }
    }
}
