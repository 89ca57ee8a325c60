namespace Wearable.View;

/// <summary>The last <see cref="Capacity"/> samples of every channel (µV), for RMS, spectrum and contact figures.</summary>
public sealed class RecentSamples
{
    private readonly double[][] _rings;
    private int _next;

    public RecentSamples(int channels, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _rings = new double[channels][];
        for (int c = 0; c < channels; c++)
        {
            _rings[c] = new double[capacity];
        }
    }

    public int Capacity { get; }

    /// <summary>Samples held (up to <see cref="Capacity"/>).</summary>
    public int Count { get; private set; }

    public void Add(ReadOnlySpan<double> sample)
    {
        for (int c = 0; c < _rings.Length; c++)
        {
            _rings[c][_next] = sample[c];
        }

        _next = (_next + 1) % Capacity;
        Count = Math.Min(Capacity, Count + 1);
    }

    /// <summary>The latest <paramref name="count"/> samples of <paramref name="channel"/>, oldest first.</summary>
    public double[] Latest(int channel, int count)
    {
        count = Math.Min(count, Count);
        var latest = new double[count];
        double[] ring = _rings[channel];
        int start = ((_next - count) % Capacity + Capacity) % Capacity;
        for (int i = 0; i < count; i++)
        {
            latest[i] = ring[(start + i) % Capacity];
        }

        return latest;
    }
}
