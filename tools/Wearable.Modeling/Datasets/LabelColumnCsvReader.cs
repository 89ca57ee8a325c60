using System.Globalization;

namespace Wearable.Modeling.Datasets;

/// <summary>
/// A CSV of one's own: a header row, one row per sample, a label column (<c>label</c>, <c>class</c> or
/// <c>gesture</c>; an empty cell labels nothing) and one numeric column per channel. The rate comes from a
/// time column in seconds (<c>time</c>, <c>timestamp</c>, <c>t</c> or <c>time_s</c>) or from a comment line
/// <c># sample_rate=200</c> before the header. Any channel count, rate and class set.
/// </summary>
public sealed class LabelColumnCsvReader
{
    private static readonly string[] LabelColumns = ["label", "class", "gesture"];
    private static readonly string[] TimeColumns = ["time", "timestamp", "t", "time_s"];

    /// <summary>True when the file's header has a label column (so this reader, not the Muse one, applies).</summary>
    public static bool HasLabelColumn(string path)
    {
        string? header = ReadHeader(path, out _, out _);
        return header is not null && FindColumn(Split(header), LabelColumns) >= 0;
    }

    /// <summary>The distinct non-empty labels of a file, sorted.</summary>
    public static IReadOnlyList<string> ClassTexts(string path)
    {
        var texts = new SortedSet<string>(StringComparer.Ordinal);
        Parse(path, (_, label) =>
        {
            if (label.Length > 0)
            {
                texts.Add(label);
            }
        });
        return texts.ToList();
    }

    /// <summary>Reads a file, labelling frames by <paramref name="classes"/> (labels not in it become no label).</summary>
    public LabelledRecording Read(string path, IReadOnlyList<string> classes, string subject, string session)
    {
        var samples = new List<float>();
        var labels = new List<int>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Count; i++)
        {
            index[classes[i]] = i;
        }

        CsvLayout layout = Parse(path, (values, label) =>
        {
            samples.AddRange(values);
            labels.Add(index.TryGetValue(label, out int k) ? k : LabelledRecording.NoLabel);
        });
        return LabelledRecording.FromFloat(path, subject, session, layout.Channels, layout.SampleRate, "", samples.ToArray(), labels.ToArray());
    }

    private sealed record CsvLayout(string[] Channels, double SampleRate);

    private static CsvLayout Parse(string path, Action<float[], string> row)
    {
        string? header = ReadHeader(path, out int headerLine, out double? declaredRate);
        if (header is null)
        {
            throw new DatasetFormatException(path, "the file is empty; expected a header row naming a label column and the channels");
        }

        string[] names = Split(header);
        int labelColumn = FindColumn(names, LabelColumns);
        if (labelColumn < 0)
        {
            throw new DatasetFormatException(path, "no label column: name one of the header's columns label, class or gesture", headerLine);
        }

        int timeColumn = FindColumn(names, TimeColumns);
        int[] channelColumns = Enumerable.Range(0, names.Length).Where(c => c != labelColumn && c != timeColumn).ToArray();
        if (channelColumns.Length == 0)
        {
            throw new DatasetFormatException(path, "no channel columns besides the label and time columns", headerLine);
        }

        var times = new List<double>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (lineNumber <= headerLine || line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = Split(line);
            if (fields.Length != names.Length)
            {
                throw new DatasetFormatException(path, "expected " + names.Length + " fields like the header, found " + fields.Length, lineNumber);
            }

            var values = new float[channelColumns.Length];
            for (int c = 0; c < channelColumns.Length; c++)
            {
                values[c] = Number(path, fields[channelColumns[c]], lineNumber, channelColumns[c]);
            }

            if (timeColumn >= 0)
            {
                times.Add(Number(path, fields[timeColumn], lineNumber, timeColumn));
            }

            row(values, fields[labelColumn]);
        }

        double rate = declaredRate ?? RateFromTimes(path, times);
        return new CsvLayout(channelColumns.Select(c => names[c]).ToArray(), rate);
    }

    private static double RateFromTimes(string path, List<double> times)
    {
        if (times.Count < 2)
        {
            throw new DatasetFormatException(path, "cannot tell the sample rate: add a time column in seconds or a line '# sample_rate=200' before the header");
        }

        var steps = new double[times.Count - 1];
        for (int i = 1; i < times.Count; i++)
        {
            steps[i - 1] = times[i] - times[i - 1];
        }

        Array.Sort(steps);
        double median = steps[steps.Length / 2];
        if (!(median > 0))
        {
            throw new DatasetFormatException(path, "the time column does not increase, so it gives no sample rate");
        }

        return Math.Round(1.0 / median, 3);
    }

    private static string? ReadHeader(string path, out int headerLine, out double? rate)
    {
        rate = null;
        headerLine = 0;
        foreach (string line in File.ReadLines(path))
        {
            headerLine++;
            if (line.StartsWith('#'))
            {
                string text = line.TrimStart('#').Trim();
                int equals = text.IndexOf('=');
                if (equals > 0 && text[..equals].Trim() is "sample_rate" or "rate" &&
                    double.TryParse(text[(equals + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double hz) && hz > 0)
                {
                    rate = hz;
                }

                continue;
            }

            if (line.Trim().Length > 0)
            {
                return line;
            }
        }

        return null;
    }

    private static int FindColumn(string[] names, string[] candidates)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (candidates.Contains(names[i].ToLowerInvariant()))
            {
                return i;
            }
        }

        return -1;
    }

    private static string[] Split(string line) => line.Split(',').Select(f => f.Trim().Trim('"')).ToArray();

    private static float Number(string path, string text, int line, int column)
    {
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
        {
            throw new DatasetFormatException(path, "'" + text + "' is not a number", line, column + 1);
        }

        return value;
    }
}
