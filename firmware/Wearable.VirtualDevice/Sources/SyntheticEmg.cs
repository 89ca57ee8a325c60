namespace Wearable.VirtualDevice.Sources;

/// <summary>
/// A seeded sEMG-like multichannel signal: band-limited noise (roughly 20-450 Hz, the sEMG band)
/// whose amplitude follows contraction bursts (0.3-0.9 s on, 0.4-1.4 s rest, different per channel),
/// over a small noise floor and 50 Hz mains hum. Integer-only generator state, so the same seed
/// gives the same int16 frames on every machine; tests regenerate the expected stream from the seed.
/// </summary>
public sealed class SyntheticEmg
{
    private readonly int _channels;
    private readonly int _sampleRate;
    private readonly ulong[] _state;
    private readonly double[] _lowPassFast;
    private readonly double[] _lowPassSlow;
    private readonly double[] _envelope;
    private readonly long[] _phaseEnds;
    private readonly bool[] _active;
    private readonly double[] _burstGain;
    private readonly double _fastAlpha;
    private readonly double _slowAlpha;
    private readonly double _envelopeAlpha;
    private long _frame;

    public SyntheticEmg(int channels, int sampleRate, int seed)
    {
        _channels = channels;
        _sampleRate = sampleRate;
        _state = new ulong[channels];
        _lowPassFast = new double[channels];
        _lowPassSlow = new double[channels];
        _envelope = new double[channels];
        _phaseEnds = new long[channels];
        _active = new bool[channels];
        _burstGain = new double[channels];
        for (int c = 0; c < channels; c++)
        {
            // SplitMix64 of (seed, channel): independent, never-zero xorshift states.
            ulong z = unchecked(((ulong)(uint)seed << 32) + (ulong)c + 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            _state[c] = (z ^ (z >> 31)) | 1;
            _phaseEnds[c] = (long)(NextUnit(c) * sampleRate);
        }

        _fastAlpha = OnePole(450, sampleRate);
        _slowAlpha = OnePole(20, sampleRate);
        _envelopeAlpha = OnePole(8, sampleRate);
    }

    public int Channels => _channels;

    public int SampleRate => _sampleRate;

    /// <summary>Writes the next frame.</summary>
    public void Next(short[] buffer, int offset)
    {
        double hum = 40 * Math.Sin(2 * Math.PI * 50 * (double)_frame / _sampleRate);
        for (int c = 0; c < _channels; c++)
        {
            if (_frame >= _phaseEnds[c])
            {
                _active[c] = !_active[c];
                double seconds = _active[c] ? 0.3 + (0.6 * NextUnit(c)) : 0.4 + NextUnit(c);
                _phaseEnds[c] = _frame + (long)(seconds * _sampleRate);
                _burstGain[c] = 0.4 + (0.6 * NextUnit(c));
            }

            double target = _active[c] ? _burstGain[c] : 0.0;
            _envelope[c] += _envelopeAlpha * (target - _envelope[c]);

            // Irwin-Hall(4) ~ Gaussian; the difference of two low-passes keeps the 20-450 Hz band.
            double white = NextUnit(c) + NextUnit(c) + NextUnit(c) + NextUnit(c) - 2.0;
            _lowPassFast[c] += _fastAlpha * (white - _lowPassFast[c]);
            _lowPassSlow[c] += _slowAlpha * (_lowPassFast[c] - _lowPassSlow[c]);
            double band = _lowPassFast[c] - _lowPassSlow[c];
            double value = (band * (60 + (20000 * _envelope[c]))) + hum;
            buffer[offset + c] = (short)Math.Clamp(Math.Round(value), short.MinValue, short.MaxValue);
        }

        _frame++;
    }

    private static double OnePole(double cutoffHz, int sampleRate)
    {
        double a = 1 - Math.Exp(-2 * Math.PI * cutoffHz / sampleRate);
        return Math.Min(a, 1.0);
    }

    private double NextUnit(int channel)
    {
        ulong x = _state[channel];
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        _state[channel] = x;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
