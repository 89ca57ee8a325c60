using System.Globalization;

namespace Wearable.Modeling.Datasets;

/// <summary>
/// NeuroTechX eeg-notebooks Muse CSV: header <c>timestamps,TP9,AF7,AF8,TP10,Right AUX,Marker0</c> (or
/// <c>Marker</c>), microvolts at 256 Hz. The marker column becomes per-frame labels (0 none, 1 = 30 Hz
/// flicker onset, 2 = 20 Hz flicker onset); timestamps are checked for order (allowing the Muse's few-millisecond packet jitter) but not kept.
/// </summary>
public sealed class MuseCsvReader : IRecordingReader
{
    public const double SampleRate = 256.0;

    /// <summary>How far a timestamp may step back before the file counts as out of order.</summary>
    public const double MaxTimestampJitterSeconds = 0.05;

    private static readonly string[] s_expected = ["timestamps", "TP9", "AF7", "AF8", "TP10", "Right AUX"];

    public string FormatName => "Muse CSV";

    public LabelledRecording Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, "cannot read the file: " + ex.Message);
        }

        if (lines.Length == 0)
        {
            throw new DatasetFormatException(path, "empty file; expected a header line", 1, 1);
        }

        string[] header = lines[0].Split(',');
        int markerColumn = -1;
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i].Trim();
            if (i < s_expected.Length && !string.Equals(name, s_expected[i], StringComparison.Ordinal))
            {
                throw new DatasetFormatException(
                    path, "header field " + (i + 1) + " is '" + name + "', expected '" + s_expected[i] + "'", 1, i + 1);
            }

            if (name.StartsWith("Marker", StringComparison.Ordinal))
            {
                markerColumn = i;
            }
        }

        if (header.Length < s_expected.Length)
        {
            throw new DatasetFormatException(
                path, "header has " + header.Length + " fields, expected timestamps,TP9,AF7,AF8,TP10,Right AUX[,Marker]", 1, 1);
        }

        const int Channels = 5;
        var samples = new float[(lines.Length - 1) * Channels];
        var labels = new int[lines.Length - 1];
        int frames = 0;
        double previousTime = double.NegativeInfinity;
        for (int n = 1; n < lines.Length; n++)
        {
            string line = lines[n];
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new DatasetFormatException(
                    path, "expected " + header.Length + " fields like the header, got " + fields.Length, n + 1, 1);
            }

            double time = Parse(path, fields[0], n + 1, 1);
            // The Muse stamps 12-sample packets, so timestamps jitter back by a few milliseconds in
            // real recordings (all six subject1 files do); only a larger step means a spliced file.
            if (time < previousTime - MaxTimestampJitterSeconds)
            {
                throw new DatasetFormatException(path, "timestamp " + fields[0] + " goes backwards", n + 1, 1);
            }

            previousTime = time;
            for (int c = 0; c < Channels; c++)
            {
                samples[(frames * Channels) + c] = (float)Parse(path, fields[c + 1], n + 1, c + 2);
            }

            labels[frames] = markerColumn < 0 ? 0 : (int)Parse(path, fields[markerColumn], n + 1, markerColumn + 1);
            frames++;
        }

        Array.Resize(ref samples, frames * Channels);
        Array.Resize(ref labels, frames);
        string full = System.IO.Path.GetFullPath(path);
        string sessionDir = System.IO.Path.GetDirectoryName(full) ?? string.Empty;
        string session = System.IO.Path.GetFileName(sessionDir);
        string person = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(sessionDir)) ?? string.Empty;
        return LabelledRecording.FromFloat(
            path, person, session, ["TP9", "AF7", "AF8", "TP10", "Right AUX"], SampleRate, "uV", samples, labels);
    }

    private static double Parse(string path, string text, int line, int column)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new DatasetFormatException(path, "field " + column + " is '" + text + "', expected a number", line, column);
        }

        return value;
    }
}
