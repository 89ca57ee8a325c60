namespace Wearable.Modeling.Datasets;

/// <summary>
/// One continuous multichannel recording, whatever file it came from. Samples are interleaved frame by
/// frame (frame n, channel c at n * Channels + c) and kept either as int16 (what an ADC or the Myo
/// delivers) or as float (formats that store physical units such as microvolts), never both.
/// Labels are either one per frame (streams that change class inside the file) or one for the whole
/// segment (files that hold a single repetition of one gesture).
/// </summary>
public sealed class LabelledRecording
{
    /// <summary>Label value meaning "this frame carries no label".</summary>
    public const int NoLabel = -1;

    private LabelledRecording(
        string source, string personId, string sessionId, string[] channelNames, double sampleRate, string units,
        short[]? int16Samples, float[]? floatSamples, int[]? frameLabels, int segmentLabel, double unitsPerCount)
    {
        if (channelNames.Length == 0)
        {
            throw new ArgumentException("A recording needs at least one channel.", nameof(channelNames));
        }

        if (!(sampleRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Sample rate must be positive.");
        }

        int length = int16Samples?.Length ?? floatSamples!.Length;
        if (length % channelNames.Length != 0)
        {
            throw new ArgumentException(
                "Sample count " + length + " is not a whole number of frames of " + channelNames.Length + " channels.");
        }

        Source = source;
        PersonId = personId;
        SessionId = sessionId;
        ChannelNames = channelNames;
        SampleRate = sampleRate;
        Units = units;
        Int16Samples = int16Samples;
        FloatSamples = floatSamples;
        Frames = length / channelNames.Length;
        if (frameLabels is not null && frameLabels.Length != Frames)
        {
            throw new ArgumentException("Expected one label per frame (" + Frames + "), got " + frameLabels.Length + ".");
        }

        FrameLabels = frameLabels;
        SegmentLabel = segmentLabel;
        UnitsPerCount = unitsPerCount > 0 ? unitsPerCount : throw new ArgumentOutOfRangeException(nameof(unitsPerCount), unitsPerCount, "Units per count must be positive.");
    }

    /// <summary>Where the samples came from (a path, or a description for generated data).</summary>
    public string Source { get; }

    public string PersonId { get; }

    public string SessionId { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    public int Channels => ChannelNames.Count;

    public double SampleRate { get; }

    /// <summary>Physical meaning of one sample value: "adc" for raw integer codes, "uV" for microvolts.</summary>
    public string Units { get; }

    public int Frames { get; }

    /// <summary>Interleaved int16 samples, or null when the recording is stored as float.</summary>
    public short[]? Int16Samples { get; }

    /// <summary>Interleaved float samples, or null when the recording is stored as int16.</summary>
    public float[]? FloatSamples { get; }

    /// <summary>One label per frame, or null when the recording has a single segment label.</summary>
    public int[]? FrameLabels { get; }

    /// <summary>The label of the whole recording, or <see cref="NoLabel"/>.</summary>
    public int SegmentLabel { get; }

    public double DurationSeconds => Frames / SampleRate;

    /// <summary>
    /// Sample units (<see cref="Units"/>) per count of the device that recorded it: an EDF signal's gain
    /// (e.g. 0.195 µV per ADC count), 1 for raw codes. The quantizer uses it to feed a model trained on
    /// these units with the device's raw counts.
    /// </summary>
    public double UnitsPerCount { get; }

    public static LabelledRecording FromInt16(
        string source, string personId, string sessionId, string[] channelNames, double sampleRate, string units,
        short[] interleaved, int[]? frameLabels = null, int segmentLabel = NoLabel, double unitsPerCount = 1.0) =>
        new(source, personId, sessionId, channelNames, sampleRate, units, interleaved, null, frameLabels, segmentLabel, unitsPerCount);

    public static LabelledRecording FromFloat(
        string source, string personId, string sessionId, string[] channelNames, double sampleRate, string units,
        float[] interleaved, int[]? frameLabels = null, int segmentLabel = NoLabel, double unitsPerCount = 1.0) =>
        new(source, personId, sessionId, channelNames, sampleRate, units, null, interleaved, frameLabels, segmentLabel, unitsPerCount);

    public float Sample(int frame, int channel)
    {
        int index = frame * Channels + channel;
        return Int16Samples is not null ? Int16Samples[index] : FloatSamples![index];
    }

    /// <summary>The label in force at a frame: the per-frame label if any, else the segment label.</summary>
    public int LabelAt(int frame) => FrameLabels is not null ? FrameLabels[frame] : SegmentLabel;

    public static string[] NumberedChannels(int count, string prefix = "ch")
    {
        var names = new string[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = prefix + (i + 1);
        }

        return names;
    }
}
