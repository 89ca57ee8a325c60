using Wearable.Modeling.Simulation;

namespace Wearable.Modeling.Typing;

/// <summary>
/// A simulated typist: where their bands sit, how strong their signals are and how fast and
/// carefully they type. Everything is drawn from (seed, user id), so a user is the same in every run.
/// </summary>
public sealed class TypingUser
{
    public TypingUser(ulong seed, int id)
    {
        Id = id;
        var r = Pcg32.For(seed, "typing-user", (ulong)id);
        BandRotation = [r.Uniform(-1, 1), r.Uniform(-1, 1)];
        Gain = r.Uniform(0.6, 1.5);
        ChannelGains = new double[32];
        for (int c = 0; c < ChannelGains.Length; c++)
        {
            ChannelGains[c] = Math.Exp(0.2 * r.NextGaussian());
        }

        AngleJitterDegrees = new double[32];
        for (int k = 0; k < AngleJitterDegrees.Length; k++)
        {
            AngleJitterDegrees[k] = 6 * r.NextGaussian();
        }

        // emg2qwerty's typists: 130-439 keys/min, mean 265 (a median interval near 220 ms).
        MedianIntervalSeconds = 60.0 / r.Uniform(180, 340);
        ErrorRate = r.Uniform(0.01, 0.04);
    }

    public int Id { get; }

    /// <summary>How far each band (left, right) is turned from the nominal placement, in electrode spacings.</summary>
    public double[] BandRotation { get; }

    public double Gain { get; }

    /// <summary>Skin contact per electrode (left 0-15, right 16-31).</summary>
    public double[] ChannelGains { get; }

    /// <summary>This person's anatomy moves each key's source a little (degrees, per key label).</summary>
    public double[] AngleJitterDegrees { get; }

    public double MedianIntervalSeconds { get; }

    /// <summary>Probability that a key is a slip onto a neighbour (then corrected with backspace).</summary>
    public double ErrorRate { get; }
}
