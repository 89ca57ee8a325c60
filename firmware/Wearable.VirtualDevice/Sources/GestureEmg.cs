namespace Wearable.VirtualDevice.Sources;

/// <summary>
/// A simulated wearer who holds one gesture at a time: gesture 0 is rest (a small noise floor), gesture
/// k >= 1 contracts its own set of muscles, so the channels over them carry strong broadband activity
/// (a fixed table: gesture k drives the two electrodes 2(k-1) and 2(k-1)+1 around the band, with
/// cross-talk on their neighbours; the same for every seed, like one person's anatomy across sessions). The amplitude follows a gesture change with a
/// ~50 ms envelope like a real contraction. Seeded, so a test regenerates the same frames.
/// </summary>
public sealed class GestureEmg
{
    /// <summary>Gestures the pattern table distinguishes (class indices modulo this).</summary>
    public const int PatternCount = 16;

    private readonly int _channels;
    private readonly Random _random;
    private readonly double[][] _gains;
    private readonly double[] _envelope;
    private readonly double _envelopeAlpha;
    private volatile int _gesture;

    public GestureEmg(int channels, int sampleRate, int seed)
    {
        _channels = channels;
        _random = new Random(seed);
        _envelope = new double[channels];
        _envelopeAlpha = 1 - Math.Exp(-2 * Math.PI * 3.0 / sampleRate);
        _gains = new double[PatternCount][];
        _gains[0] = new double[channels];
        for (int k = 1; k < PatternCount; k++)
        {
            // Gesture k contracts the muscle under electrodes 2(k-1) and 2(k-1)+1 (around the band),
            // with some cross-talk on the two neighbours.
            _gains[k] = new double[channels];
            int first = (2 * (k - 1)) % channels;
            for (int offset = -1; offset <= 2; offset++)
            {
                int c = ((first + offset) % channels + channels) % channels;
                _gains[k][c] = Math.Max(_gains[k][c], offset is 0 or 1 ? 1.0 : 0.2);
            }
        }
    }

    /// <summary>The gesture being held (0 = rest).</summary>
    public int Gesture => _gesture;

    /// <summary>Switches gesture; takes effect from the next frame (any thread).</summary>
    public void Hold(int gesture) => _gesture = ((gesture % PatternCount) + PatternCount) % PatternCount;

    public void Next(short[] buffer, int offset)
    {
        double[] gains = _gains[_gesture];
        for (int c = 0; c < _channels; c++)
        {
            _envelope[c] += _envelopeAlpha * (gains[c] - _envelope[c]);
            double noise = _random.NextDouble() + _random.NextDouble() + _random.NextDouble() - 1.5;
            double value = noise * (40 + (3000 * _envelope[c]));
            buffer[offset + c] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        }
    }
}
