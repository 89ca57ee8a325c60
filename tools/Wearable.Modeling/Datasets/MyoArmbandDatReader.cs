using System.Globalization;

namespace Wearable.Modeling.Datasets;

/// <summary>
/// Côté-Allard MyoArmbandDataset files <c>&lt;person&gt;/&lt;session&gt;/classe_i.dat</c>: raw little-endian int16,
/// 8 channels interleaved, 200 Hz; one file is one repetition of gesture <c>i % 7</c>.
/// Person and session come from the two enclosing folder names.
/// </summary>
public sealed class MyoArmbandDatReader : IRecordingReader
{
    public const int Channels = 8;
    public const double SampleRate = 200.0;
    public const int GestureCount = 7;

    /// <summary>Gesture names in label order (label = file index modulo 7).</summary>
    public static readonly string[] GestureNames =
    [
        "neutral", "radial deviation", "wrist flexion", "ulnar deviation", "wrist extension", "hand close", "hand open",
    ];

    public string FormatName => "Myo armband .dat";

    public LabelledRecording Read(string path)
    {
        int fileIndex = FileIndex(path);
        byte[] bytes = ReadAll(path);
        const int FrameBytes = Channels * 2;
        if (bytes.Length % FrameBytes != 0)
        {
            throw new DatasetFormatException(
                path,
                "file length " + bytes.Length + " bytes is not a whole number of 16-byte frames (8 channels x int16); " +
                "the file is truncated or not a Myo armband .dat file",
                byteOffset: bytes.Length - (bytes.Length % FrameBytes));
        }

        var samples = new short[bytes.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
        }

        string full = System.IO.Path.GetFullPath(path);
        string session = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(full)) ?? string.Empty;
        string person = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetDirectoryName(full))) ?? string.Empty;
        return LabelledRecording.FromInt16(
            path, person, session, LabelledRecording.NumberedChannels(Channels), SampleRate, "adc", samples,
            segmentLabel: fileIndex % GestureCount);
    }

    /// <summary>The i of <c>classe_i.dat</c>.</summary>
    public static int FileIndex(string path)
    {
        string name = System.IO.Path.GetFileNameWithoutExtension(path);
        const string Prefix = "classe_";
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) ||
            !int.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            throw new DatasetFormatException(
                path, "file name must be classe_<i>.dat (i = repetition index, label = i % 7), got '" +
                System.IO.Path.GetFileName(path) + "'");
        }

        return index;
    }

    private static byte[] ReadAll(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetFormatException(path, "cannot read the file: " + ex.Message);
        }
    }
}
