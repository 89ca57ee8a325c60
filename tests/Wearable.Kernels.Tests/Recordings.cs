using System.Globalization;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests;

/// <summary>Loads the real recordings the accuracy tests run on (see ../shared/data/README.md).</summary>
public static class Recordings
{
    /// <summary>
    /// Myo armband sEMG: int8-range values at 200 Hz. Scaled by 256 to use the int16 range and played
    /// as if sampled at 2 kHz (its spectrum then spans the sEMG band relative to fs, which is what the
    /// 20 Hz / 2 kHz high-pass must handle). Returns channel-major arrays [channel][sample].
    /// </summary>
    public static short[][] MyoEmgAsInt16(int files = 4)
    {
        string dir = RepositoryPaths.SharedDataFile("emg", "myo-armband", "EvaluationDataset", "Female0", "training0");
        var channels = new List<short>[8];
        for (int c = 0; c < 8; c++)
        {
            channels[c] = [];
        }

        for (int f = 0; f < files; f++)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(dir, $"classe_{f + 8}.dat"));
            int frames = bytes.Length / 16;
            for (int n = 0; n < frames; n++)
            {
                for (int c = 0; c < 8; c++)
                {
                    short v = (short)(bytes[(n * 8 + c) * 2] | (bytes[(n * 8 + c) * 2 + 1] << 8));
                    channels[c].Add((short)Math.Clamp(v * 256, short.MinValue, short.MaxValue));
                }
            }
        }

        return channels.Select(c => c.ToArray()).ToArray();
    }

    /// <summary>Muse TP9 (behind the ear), microvolts x 64 rounded to int16 (LSB = 1/64 uV), 256 Hz.</summary>
    public static short[] MuseTp9AsInt16()
    {
        string path = RepositoryPaths.SharedDataFile("eeg", "muse-ssvep", "subject1", "session1", "data_2017-09-14-21.20.04.csv");
        string[] lines = File.ReadAllLines(path);
        int column = Array.IndexOf(lines[0].Split(','), "TP9");
        var samples = new short[lines.Length - 1];
        for (int i = 1; i < lines.Length; i++)
        {
            double microvolts = double.Parse(lines[i].Split(',')[column], CultureInfo.InvariantCulture);
            samples[i - 1] = (short)Math.Clamp(Math.Round(microvolts * 64), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>Relative RMS error in dB: 20 log10(rms(actual - expected) / rms(expected)).</summary>
    public static double RelativeErrorDb(IReadOnlyList<double> actual, IReadOnlyList<double> expected, int skip = 0)
    {
        double err = 0, sig = 0;
        for (int i = skip; i < expected.Count; i++)
        {
            double d = actual[i] - expected[i];
            err += d * d;
            sig += expected[i] * expected[i];
        }

        return 10 * Math.Log10(err / sig);
    }
}
