using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Training;

/// <summary>
/// Training-time changes to a window that a new session of the same person could also bring: overall
/// gain, per-electrode gain, the band rotated by a whole electrode, or displaced by a fraction of one.
/// Random draws happen only for the enabled kinds, so adding a kind leaves older runs bit-identical.
/// </summary>
public sealed class WindowAugmenter
{
    private readonly TrainingOptions _options;
    private readonly float[] _gains;
    private readonly float[] _rotated;

    public WindowAugmenter(TrainingOptions options, int channels)
    {
        _options = options;
        _gains = new float[channels];
        _rotated = new float[channels];
    }

    public bool Enabled => _options.GainJitter > 0 || _options.RotationProbability > 0 || _options.ChannelGainJitter > 0 || _options.RotationJitter > 0;

    /// <summary>Writes window <paramref name="window"/> of <paramref name="set"/>, augmented, to <paramref name="destination"/> (one window, [time][channel]).</summary>
    public void Apply(WindowSet set, int window, float[] destination, Simulation.Pcg32 random)
    {
        int channels = set.Channels;
        float gain = (float)(1 + (_options.GainJitter * ((2 * random.NextDouble()) - 1)));
        int shift = 0;
        if (random.NextDouble() < _options.RotationProbability)
        {
            shift = random.NextDouble() < 0.5 ? 1 : channels - 1;
        }

        for (int c = 0; c < channels; c++)
        {
            _gains[c] = _options.ChannelGainJitter > 0 ? gain * (float)(1 + (_options.ChannelGainJitter * ((2 * random.NextDouble()) - 1))) : gain;
        }

        // Fractional displacement: electrode c reads (1 - f) of its own signal and f of its neighbour
        // on the side the band moved to.
        float fraction = 0;
        int neighbour = 0;
        if (_options.RotationJitter > 0)
        {
            double displacement = _options.RotationJitter * ((2 * random.NextDouble()) - 1);
            fraction = (float)Math.Abs(displacement);
            neighbour = displacement >= 0 ? 1 : channels - 1;
        }

        int start = window * set.WindowSize;
        for (int t = 0; t < set.Length; t++)
        {
            int row = t * channels;
            for (int c = 0; c < channels; c++)
            {
                float own = set.Data[start + row + c];
                _rotated[c] = fraction == 0 ? own : ((1 - fraction) * own) + (fraction * set.Data[start + row + ((c + neighbour) % channels)]);
            }

            for (int c = 0; c < channels; c++)
            {
                destination[row + ((c + shift) % channels)] = _rotated[c] * _gains[c];
            }
        }
    }
}
