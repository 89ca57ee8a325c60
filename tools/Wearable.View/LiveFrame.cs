namespace Wearable.View;

/// <summary>
/// What the server sends the page every frame (JSON, camelCase, <c>type</c> = "frame"): the new trace
/// buckets since the previous frame plus the current figures. Traces are min, max pairs per channel,
/// each pair covering <see cref="Decimation"/> samples at <see cref="SampleRate"/>.
/// </summary>
public sealed record LiveFrame(
    long Sequence,
    string Device,
    int SampleRate,
    int Decimation,
    long SamplesTotal,
    long LostSamples,
    string[] Channels,
    float[][] Traces,
    double[] Rms,
    LiveSpectrum? Spectrum,
    ContactVerdict[]? Contact,
    LiveDecision? Decision,
    LiveMarker[] Markers,
    RecordingStatus Recording)
{
    public string Type => "frame";
}

/// <summary>Amplitude spectra (µV per bin) of every channel over the latest <c>(Amplitudes[c].Length - 1) * 2</c> samples.</summary>
public sealed record LiveSpectrum(double BinHz, double[][] Amplitudes);

/// <summary>The device model's latest decision: class, label, confidence (0..1) and how many decisions so far.</summary>
public sealed record LiveDecision(int ClassId, string Label, double Confidence, double UnixTime, long Count);

/// <summary>A marker as the page draws it: its number, text and the sample (since the view started) it landed on.</summary>
public sealed record LiveMarker(int Number, string Text, long Sample);

/// <summary>A reply to a button: which command, whether it worked, a one-line message and the recording's state after it.</summary>
public sealed record LiveReply(string Command, bool Ok, string Message, RecordingStatus Recording)
{
    public string Type => "reply";
}
