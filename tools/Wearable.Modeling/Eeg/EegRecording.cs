using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Eeg;

/// <summary>
/// An EEG recording prepared for the detectors: int16 ADC frames at <see cref="EegDetectorDesign.LsbPerMicrovolt"/>
/// (what a device would stream) and the microvolt values for the double reference, with the
/// detector's channels looked up by name.
/// </summary>
public sealed class EegRecording
{
    public required LabelledRecording Source { get; init; }
    public required short[] Lsb { get; init; }
    public required int[] ChannelIndices { get; init; }

    public int Channels => Source.Channels;
    public double SampleRate => Source.SampleRate;
    public int Frames => Source.Frames;

    public static EegRecording Load(string path, IReadOnlyList<string> channelNames)
    {
        LabelledRecording r = RecordingFiles.Read(path);
        var indices = new int[channelNames.Count];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = IndexOf(r, channelNames[i]);
            if (indices[i] < 0)
            {
                throw new DatasetFormatException(path, "has no channel '" + channelNames[i] + "' (it has " + string.Join(", ", r.ChannelNames) + ")");
            }
        }

        var lsb = new short[r.Frames * r.Channels];
        for (int t = 0; t < r.Frames; t++)
        {
            for (int c = 0; c < r.Channels; c++)
            {
                lsb[(t * r.Channels) + c] = EegDetectorDesign.ToLsb(r.Sample(t, c));
            }
        }

        return new EegRecording { Source = r, Lsb = lsb, ChannelIndices = indices };
    }

    /// <summary>One selected channel in LSB as double over [start, start + length) (the double reference's input: the same ADC values).</summary>
    public double[] ChannelLsb(int selected, int start = 0, int length = -1)
    {
        int count = length < 0 ? Frames - start : length;
        var x = new double[count];
        int c = ChannelIndices[selected];
        for (int t = 0; t < count; t++)
        {
            x[t] = Lsb[((start + t) * Channels) + c];
        }

        return x;
    }

    /// <summary>Frames [start, start + length) of every channel, interleaved.</summary>
    public short[] Slice(int start, int length) => Lsb.AsSpan(start * Channels, length * Channels).ToArray();

    // EDF labels pad with dots ("Tp7."); match ignoring case and trailing dots.
    private static int IndexOf(LabelledRecording r, string name)
    {
        for (int i = 0; i < r.Channels; i++)
        {
            if (string.Equals(r.ChannelNames[i].Trim().TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
