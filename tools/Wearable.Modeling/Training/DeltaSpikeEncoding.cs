namespace Wearable.Modeling.Training;

/// <summary>The float side of the model file's delta encoder, writing an L2MU's input spike history.</summary>
internal static class DeltaSpikeEncoding
{
    /// <summary>
    /// The send-on-delta encoder of the model file's front end (Spiking.DeltaEncoder): per channel an
    /// up spike (2c) when the rounded sample rose by at least delta since the channel's last spike, a
    /// down spike (2c + 1) when it fell by at least delta; the reference then moves to the sample.
    /// </summary>
    public static void Encode(float[] windows, int offset, int length, int channels, int delta, int[] reference, L2muPopulation target)
    {
        Array.Clear(reference);
        Array.Clear(target.Spikes);
        for (int t = 0; t < length; t++)
        {
            int row = t * 2 * channels;
            int count = 0;
            for (int c = 0; c < channels; c++)
            {
                int x = (int)Math.Clamp(MathF.Round(windows[offset + (t * channels) + c], MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);
                long change = (long)x - reference[c];
                if (change >= delta)
                {
                    target.Spikes[row + (2 * c)] = 1;
                    target.Active[row + count++] = 2 * c;
                    reference[c] = x;
                }
                else if (change <= -delta)
                {
                    target.Spikes[row + (2 * c) + 1] = 1;
                    target.Active[row + count++] = (2 * c) + 1;
                    reference[c] = x;
                }
            }

            target.ActiveCount[t] = count;
        }
    }
}
