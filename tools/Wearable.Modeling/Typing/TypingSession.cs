namespace Wearable.Modeling.Typing;

/// <summary>One key press: the key and its press and release times in samples from the session start.</summary>
public readonly record struct Keystroke(char Key, long PressSample, long ReleaseSample);

/// <summary>
/// A typing session: two wristbands' sEMG interleaved per frame (left 0-15, right 16-31) in
/// microvolts-per-count units, and the keystrokes typed. Synthetic sessions, emg2qwerty files and our
/// own EDF+ recordings all load into this.
/// </summary>
public sealed class TypingSession
{
    public TypingSession(float[] samples, int channels, double sampleRate, IReadOnlyList<Keystroke> keystrokes, string name)
    {
        if (channels < 1 || samples.Length % channels != 0)
        {
            throw new ArgumentException("A typing session needs whole frames of " + channels + " channels.", nameof(samples));
        }

        Samples = samples;
        Channels = channels;
        SampleRate = sampleRate;
        Keystrokes = keystrokes;
        Name = name;
    }

    /// <summary>Microvolts, channels interleaved.</summary>
    public float[] Samples { get; }

    public int Channels { get; }

    public double SampleRate { get; }

    public int Frames => Samples.Length / Channels;

    public IReadOnlyList<Keystroke> Keystrokes { get; }

    public string Name { get; }

    /// <summary>The keys pressed, in order, backspaces included (the CTC target, as in emg2qwerty).</summary>
    public string KeyText => new(Keystrokes.Select(k => k.Key).ToArray());
}
