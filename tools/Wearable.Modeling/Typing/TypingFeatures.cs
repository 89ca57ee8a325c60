namespace Wearable.Modeling.Typing;

/// <summary>
/// The encoder's input: every 10 ms (20 samples at 2 kHz), per electrode, the log power of the signal
/// and of its first difference (which weights the high band, where short, near units show) over the
/// last 20 ms. 32 electrodes give 64 features per frame. Causal: a frame uses only past samples.
/// emg2qwerty uses a 33-bin log spectrogram at 125 Hz; two bands keep the model small enough to train here.
/// </summary>
public static class TypingFeatures
{
    public const int Hop = 20;
    public const int Window = 40;
    public const int PerChannel = 2;

    public static int Count(int channels) => channels * PerChannel;

    public static int FrameCount(int samples) => samples < Window ? 0 : ((samples - Window) / Hop) + 1;

    /// <summary>The sample index a feature frame ends at (its key onsets are aligned to this).</summary>
    public static long FrameEnd(int frame) => ((long)frame * Hop) + Window;

    public static float[] Compute(float[] interleaved, int channels)
    {
        int frames = FrameCount(interleaved.Length / channels);
        var features = new float[frames * channels * PerChannel];
        for (int f = 0; f < frames; f++)
        {
            ComputeFrame(interleaved, channels, f * Hop, features, f * channels * PerChannel);
        }

        return features;
    }

    /// <summary>One frame from the <see cref="Window"/> samples (frames of <paramref name="channels"/>) starting at sample <paramref name="start"/>.</summary>
    public static void ComputeFrame(float[] interleaved, int channels, int start, float[] features, int offset)
    {
        for (int c = 0; c < channels; c++)
        {
            double power = 0, highPower = 0;
            float previous = start > 0 ? interleaved[((start - 1) * channels) + c] : interleaved[(start * channels) + c];
            for (int n = start; n < start + Window; n++)
            {
                float x = interleaved[(n * channels) + c];
                float d = x - previous;
                power += x * x;
                highPower += d * d;
                previous = x;
            }

            int o = offset + (c * PerChannel);
            features[o] = (float)Math.Log((power / Window) + 1);
            features[o + 1] = (float)Math.Log((highPower / Window) + 1);
        }
    }
}
