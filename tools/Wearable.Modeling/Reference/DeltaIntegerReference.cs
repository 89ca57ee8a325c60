namespace Wearable.Modeling.Reference;

/// <summary>Send-on-delta rules written out per channel: returns the 0/1 spike vector (2 per channel: up, down) of every frame.</summary>
public static class DeltaIntegerReference
{
    public static byte[] Run(int[] interleaved, int channels, int[] thresholds)
    {
        int frames = interleaved.Length / channels;
        var spikes = new byte[frames * 2 * channels];
        for (int c = 0; c < channels; c++)
        {
            long reference = 0;
            int th = thresholds.Length == 1 ? thresholds[0] : thresholds[c];
            for (int n = 0; n < frames; n++)
            {
                long x = interleaved[n * channels + c];
                if (x - reference >= th)
                {
                    spikes[n * 2 * channels + 2 * c] = 1;
                    reference = x;
                }
                else if (reference - x >= th)
                {
                    spikes[n * 2 * channels + 2 * c + 1] = 1;
                    reference = x;
                }
            }
        }

        return spikes;
    }
}
