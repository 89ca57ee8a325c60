using System.Globalization;

namespace Wearable.VirtualDevice.Sources;

/// <summary>
/// A recording loaded for playback: interleaved int16 frames plus its channel count and rate. Two
/// small readers for the formats in ../shared/data: Myo .dat (raw int16 LE, 8 ch, 200 Hz) and Muse
/// CSV (timestamps, TP9, AF7, AF8, TP10, ...; microvolts, 256 Hz; stored at 0.1 uV per LSB).
/// </summary>
public sealed class Recording
{
    /// <summary>Muse samples are stored at 0.1 uV per LSB (range +-3276.7 uV).</summary>
    public const double MuseLsbMicrovolts = 0.1;

    public Recording(short[] samples, int channels, int sampleRate)
    {
        if (channels < 1 || samples.Length < channels || samples.Length % channels != 0)
        {
            throw new InvalidDataException($"A recording needs whole frames of {channels} channels; got {samples.Length} samples.");
        }

        Samples = samples;
        Channels = channels;
        SampleRate = sampleRate;
    }

    public short[] Samples { get; }

    public int Channels { get; }

    public int SampleRate { get; }

    public int Frames => Samples.Length / Channels;

    /// <summary>What one count is in nanovolts (the device reports it in DeviceInfo): 1000 unless the source says otherwise.</summary>
    public int NanovoltsPerLsb { get; init; } = 1000;

    /// <summary>Channel names from the source (shown to the user; the link carries none), or empty.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Loads by extension: .dat (Myo) or .csv (Muse).</summary>
    public static Recording Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Recording {path} does not exist.", path);
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".dat" => LoadMyoDat(path),
            ".csv" => LoadMuseCsv(path),
            _ => throw new InvalidDataException($"Cannot play {path}: use a Myo .dat or a Muse .csv file."),
        };
    }

    /// <summary>Myo armband .dat: little-endian int16, 8 channels interleaved, 200 Hz.</summary>
    public static Recording LoadMyoDat(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0 || bytes.Length % 16 != 0)
        {
            throw new InvalidDataException($"{path} has {bytes.Length} bytes; a Myo .dat holds whole frames of 8 int16 (16 bytes).");
        }

        var samples = new short[bytes.Length / 2];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(bytes[2 * i] | (bytes[(2 * i) + 1] << 8));
        }

        return new Recording(samples, 8, 200);
    }

    /// <summary>Muse CSV: the four EEG columns TP9, AF7, AF8, TP10 at 256 Hz.</summary>
    public static Recording LoadMuseCsv(string path)
    {
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        string[] names = header?.Split(',') ?? [];
        int[] columns = new[] { "TP9", "AF7", "AF8", "TP10" }.Select(n => Array.IndexOf(names, n)).ToArray();
        if (columns.Any(c => c < 0))
        {
            throw new InvalidDataException($"{path} is not a Muse CSV: its header must name TP9, AF7, AF8 and TP10 (found '{header}').");
        }

        var samples = new List<short>();
        int lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(',');
            foreach (int column in columns)
            {
                if (column >= fields.Length || !double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double microvolts))
                {
                    throw new InvalidDataException($"{path}:{lineNumber}: column {names[column]} is not a number.");
                }

                samples.Add((short)Math.Clamp(Math.Round(microvolts / MuseLsbMicrovolts), short.MinValue, short.MaxValue));
            }
        }

        return new Recording(samples.ToArray(), columns.Length, 256) { NanovoltsPerLsb = (int)(MuseLsbMicrovolts * 1000), Labels = columns.Select(c => names[c]).ToArray() };
    }
}
