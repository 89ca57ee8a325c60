using Wearable.EdgeHost.Sessions;

namespace Wearable.View.Tests;

/// <summary>Known test signals as the session would deliver them.</summary>
internal static class Signals
{
    /// <summary><paramref name="samples"/> samples of <c>amplitude · sin(2π f n / rate)</c> (µV) on every channel, channel c scaled by c + 1.</summary>
    public static SampleBlock SineBlock(int channels, int samples, double frequency, double rate, double amplitude, long firstSample, double microvoltsPerCount = 0.1)
    {
        var counts = new short[channels * samples];
        for (int s = 0; s < samples; s++)
        {
            double value = amplitude * Math.Sin(2 * Math.PI * frequency * (firstSample + s) / rate);
            for (int c = 0; c < channels; c++)
            {
                counts[(s * channels) + c] = (short)Math.Round(value * (c + 1) / microvoltsPerCount);
            }
        }

        return new SampleBlock(StreamKind.Raw, (uint)(firstSample / samples), channels, samples, counts, microvoltsPerCount, firstSample * 1000, 0, 0);
    }

    public static double[] Sine(int length, double frequency, double rate, double amplitude, double offset = 0) =>
        Enumerable.Range(0, length).Select(n => offset + (amplitude * Math.Sin(2 * Math.PI * frequency * n / rate))).ToArray();
}
