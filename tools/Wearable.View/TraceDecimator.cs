namespace Wearable.View;

/// <summary>
/// Shrinks each channel's samples for display without hiding spikes: every <see cref="Factor"/> samples
/// become one bucket holding their minimum and maximum, so a bucket spans exactly Factor / rate seconds
/// and the page scrolls at the true rate. Buckets still filling are kept for the next call.
/// Not thread-safe: <see cref="LiveViewFeed"/> serialises the calls.
/// </summary>
public sealed class TraceDecimator
{
    private readonly double[] _min;
    private readonly double[] _max;
    private readonly List<float>[] _done;
    private int _filled;

    public TraceDecimator(int channels, int factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        Factor = factor;
        _min = new double[channels];
        _max = new double[channels];
        _done = new List<float>[channels];
        for (int c = 0; c < channels; c++)
        {
            _done[c] = [];
        }
    }

    /// <summary>Samples per bucket.</summary>
    public int Factor { get; }

    /// <summary>The factor that brings <paramref name="sampleRate"/> down to at most <paramref name="bucketsPerSecond"/> buckets a second.</summary>
    public static int FactorFor(int sampleRate, int bucketsPerSecond) =>
        Math.Max(1, (sampleRate + bucketsPerSecond - 1) / Math.Max(1, bucketsPerSecond));

    /// <summary>Adds one sample of every channel (µV).</summary>
    public void Add(ReadOnlySpan<double> sample)
    {
        for (int c = 0; c < _min.Length; c++)
        {
            double v = sample[c];
            if (_filled == 0 || v < _min[c])
            {
                _min[c] = v;
            }

            if (_filled == 0 || v > _max[c])
            {
                _max[c] = v;
            }
        }

        if (++_filled == Factor)
        {
            for (int c = 0; c < _min.Length; c++)
            {
                _done[c].Add((float)_min[c]);
                _done[c].Add((float)_max[c]);
            }

            _filled = 0;
        }
    }

    /// <summary>The completed buckets per channel as min, max pairs, oldest first; empties them.</summary>
    public float[][] Take()
    {
        var buckets = new float[_done.Length][];
        for (int c = 0; c < _done.Length; c++)
        {
            buckets[c] = [.. _done[c]];
            _done[c].Clear();
        }

        return buckets;
    }
}
