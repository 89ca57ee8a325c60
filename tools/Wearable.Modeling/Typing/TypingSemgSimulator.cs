using Wearable.Modeling.Simulation;

namespace Wearable.Modeling.Typing;

/// <summary>
/// Seeded synthetic typing sEMG from two 16-electrode wristbands at 2 kHz. Each key press recruits
/// motor units in the pressing finger's flexor compartment, its extensor (more for the top row), and
/// for inner-column and pinky reaches a wrist-deviation source; each unit has its own biphasic action
/// potential and spatial footprint around the wrist (exponential angular fall-off). Users differ in
/// band rotation, gain, electrode contact, key source positions and typing speed and care; sessions
/// of one user differ in how the bands were put on. Timing: log-normal inter-key intervals around the
/// user's speed, same-finger slow-downs, word and sentence pauses, and slips onto a neighbouring key
/// corrected with backspace.
/// </summary>
public sealed class TypingSemgSimulator
{
    public const int ElectrodesPerBand = 16;
    public const int Channels = 2 * ElectrodesPerBand;
    public const double SampleRate = 2000;

    private static readonly double[] FlexorDegrees = [20, 60, 95, 125, 155];
    private static readonly double[] ExtensorDegrees = [250, 285, 305, 325, 345];
    private const double PickupDegrees = 28;
    private const int UnitsPerSource = 6;
    private const int ShapeLength = 12;

    private readonly TypingCorpus _corpus;
    private readonly ulong _seed;

    public TypingSemgSimulator(TypingCorpus corpus, ulong seed)
    {
        _corpus = corpus;
        _seed = seed;
    }

    /// <summary>One session of about <paramref name="seconds"/> seconds of <paramref name="user"/> typing prompts.</summary>
    public TypingSession Session(TypingUser user, int session, double seconds)
    {
        var random = Pcg32.For(_seed, "typing-session", ((ulong)user.Id << 16) | (uint)session);
        var keystrokes = Keystrokes(user, random, seconds, out string prompts);
        int frames = (int)(seconds * SampleRate);
        var samples = new float[frames * Channels];
        double[] rotation = [user.BandRotation[0] + (0.15 * random.NextGaussian()), user.BandRotation[1] + (0.15 * random.NextGaussian())];
        double sessionGain = user.Gain * random.Uniform(0.9, 1.1);
        foreach (var stroke in keystrokes)
        {
            AddKeyPress(samples, frames, stroke, user, rotation, random);
        }

        for (int n = 0; n < frames; n++)
        {
            for (int c = 0; c < Channels; c++)
            {
                int i = (n * Channels) + c;
                samples[i] = (float)((samples[i] * sessionGain * user.ChannelGains[c]) + (4 * random.NextGaussian()));
            }
        }

        AddBackground(samples, frames, rotation, random);
        return new TypingSession(samples, Channels, SampleRate, keystrokes, "synthetic user " + user.Id + " session " + session + ": " + prompts);
    }

    private List<Keystroke> Keystrokes(TypingUser user, Pcg32 random, double seconds, out string prompts)
    {
        var strokes = new List<Keystroke>();
        var typed = new System.Text.StringBuilder();
        double t = 0.5;
        char previous = ' ';
        double end = seconds - 0.5;
        while (t < end)
        {
            string sentence = _corpus.Sentence(random);
            typed.Append(sentence).Append(" | ");
            for (int i = 0; i < sentence.Length && t < end; i++)
            {
                char key = sentence[i];
                string neighbours = KeyboardLayout.Neighbours(key);
                if (neighbours.Length > 0 && random.NextDouble() < user.ErrorRate)
                {
                    // A slip: the wrong key, sometimes one more correct key before noticing, then backspaces.
                    char wrong = neighbours[random.NextInt(neighbours.Length)];
                    Press(wrong);
                    int extra = i + 1 < sentence.Length && random.NextDouble() < 0.4 ? 1 : 0;
                    for (int k = 0; k < extra; k++)
                    {
                        Press(sentence[i + 1]);
                    }

                    t += 0.25; // noticing takes a moment
                    for (int k = 0; k <= extra; k++)
                    {
                        Press(TypingCharset.Backspace);
                    }
                }

                Press(key);
            }

            if (t < end)
            {
                Press(' '); // prompts are separate sentences: a space ends one (emg2qwerty types enter)
            }

            t += random.Uniform(0.8, 2.0); // reading the next prompt
            previous = ' ';
        }

        prompts = typed.ToString();
        strokes.RemoveAll(s => s.ReleaseSample >= (long)(seconds * SampleRate));
        return strokes;

        void Press(char key)
        {
            var (hand, finger, _, _) = KeyboardLayout.Place(key);
            var (lastHand, lastFinger, _, _) = KeyboardLayout.Place(previous);
            double interval = user.MedianIntervalSeconds * Math.Exp(0.35 * Math.Clamp(random.NextGaussian(), -2.5, 2.5));
            interval *= hand == lastHand ? (finger == lastFinger && key != previous ? 1.3 : 1.05) : 0.85;
            if (previous == ' ' && random.NextDouble() < 0.15)
            {
                interval += random.Uniform(0.2, 0.8); // thinking between words
            }

            t += interval;
            double hold = 0.095 * Math.Exp(0.2 * random.NextGaussian());
            strokes.Add(new Keystroke(key, (long)(t * SampleRate), (long)((t + hold) * SampleRate)));
            previous = key;
        }
    }

    private static IEnumerable<(int Hand, double Degrees, double Weight)> Sources(char key, TypingUser user)
    {
        var (hand, finger, row, inner) = KeyboardLayout.Place(key);
        int label = TypingCharset.Label(key);

        // Key-specific offsets shared by everyone (how a key's movement differs from its finger's others), plus this person's anatomy.
        var keyAnatomy = Pcg32.For(11, "typing-key", (ulong)label);
        double flexorShift = (inner ? -12 : 0) + (8 * keyAnatomy.NextGaussian()) + user.AngleJitterDegrees[label];
        double extensorShift = 10 * keyAnatomy.NextGaussian();
        double flexorWeight = row switch { 0 => 0.7, 1 => 1.0, 2 => 1.2, _ => 0.9 };
        double extensorWeight = row switch { 0 => 0.8, 1 => 0.35, 2 => 0.15, 3 => 0.2, _ => 1.0 };
        yield return (hand, FlexorDegrees[finger] + flexorShift, flexorWeight);
        yield return (hand, ExtensorDegrees[finger] + extensorShift, extensorWeight);
        if (inner)
        {
            yield return (hand, 0 + (6 * keyAnatomy.NextGaussian()), 0.45); // radial deviation
        }
        else if (finger == KeyboardLayout.Pinky)
        {
            yield return (hand, 180 + (6 * keyAnatomy.NextGaussian()), 0.35); // ulnar deviation
        }
    }

    private static void AddKeyPress(float[] samples, int frames, Keystroke stroke, TypingUser user, double[] rotation, Pcg32 random)
    {
        long onset = stroke.PressSample - (long)(0.05 * SampleRate); // EMG leads the key-down by tens of ms
        long peak = stroke.PressSample + (long)(0.02 * SampleRate);
        long end = stroke.ReleaseSample + (long)(0.03 * SampleRate);
        var shape = new float[ShapeLength];
        var gains = new float[ElectrodesPerBand];
        foreach (var (hand, degrees, weight) in Sources(stroke.Key, user))
        {
            for (int u = 0; u < UnitsPerSource; u++)
            {
                double unitDegrees = degrees + (8 * random.NextGaussian());
                for (int e = 0; e < ElectrodesPerBand; e++)
                {
                    double electrode = (e + rotation[hand]) * 360.0 / ElectrodesPerBand;
                    double distance = Math.Abs(Math.IEEERemainder(electrode - unitDegrees, 360));
                    gains[e] = (float)Math.Exp(-distance / PickupDegrees);
                }

                double amplitude = 30 * weight * random.Uniform(0.5, 2.0);
                double width = random.Uniform(0.8, 1.5) * 1e-3 * SampleRate;
                for (int k = 0; k < ShapeLength; k++)
                {
                    double x = (k - (ShapeLength / 2.0)) / width;
                    shape[k] = (float)(amplitude * -x * Math.Exp(-0.5 * x * x) * 1.65); // first Hermite-Rodriguez function, peak ~amplitude
                }

                double threshold = u / (double)UnitsPerSource * 0.6; // size principle: later units need more drive
                long refractory = 0;
                for (long n = Math.Max(0, onset); n < Math.Min(end, frames - ShapeLength); n++)
                {
                    double drive = n < peak ? (n - onset) / (double)(peak - onset) : 1 - (0.6 * (n - peak) / Math.Max(1, end - peak));
                    if (drive <= threshold || n < refractory)
                    {
                        continue;
                    }

                    double rate = 8 + (40 * (drive - threshold)); // spikes per second
                    if (random.NextDouble() < rate / SampleRate)
                    {
                        refractory = n + (long)(0.02 * SampleRate);
                        int baseIndex = (int)(n * Channels) + (hand * ElectrodesPerBand);
                        for (int k = 0; k < ShapeLength; k++)
                        {
                            int row = baseIndex + (k * Channels);
                            for (int e = 0; e < ElectrodesPerBand; e++)
                            {
                                samples[row + e] += shape[k] * gains[e];
                            }
                        }
                    }
                }
            }
        }
    }

    // Low tonic activity that holds the hands over the keys: a few slow units anywhere around each wrist.
    private static void AddBackground(float[] samples, int frames, double[] rotation, Pcg32 random)
    {
        for (int hand = 0; hand < 2; hand++)
        {
            for (int u = 0; u < 4; u++)
            {
                double degrees = random.Uniform(0, 360);
                double amplitude = random.Uniform(5, 12);
                var gains = new float[ElectrodesPerBand];
                for (int e = 0; e < ElectrodesPerBand; e++)
                {
                    double electrode = (e + rotation[hand]) * 360.0 / ElectrodesPerBand;
                    gains[e] = (float)(amplitude * Math.Exp(-Math.Abs(Math.IEEERemainder(electrode - degrees, 360)) / PickupDegrees));
                }

                for (long n = (long)(random.Uniform(0, 0.2) * SampleRate); n < frames - 2; n += (long)(random.Uniform(0.07, 0.13) * SampleRate))
                {
                    int row = (int)(n * Channels) + (hand * ElectrodesPerBand);
                    for (int e = 0; e < ElectrodesPerBand; e++)
                    {
                        samples[row + e] -= gains[e];
                        samples[row + Channels + e] += gains[e];
                    }
                }
            }
        }
    }
}
