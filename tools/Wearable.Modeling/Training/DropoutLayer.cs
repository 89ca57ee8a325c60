namespace Wearable.Modeling.Training;

/// <summary>Inverted dropout: active only while training, an identity at inference (and in exports).</summary>
public sealed class DropoutLayer : Layer
{
    private readonly bool[] _kept;

    public DropoutLayer(int length, int channels, double rate)
        : base(length, channels, length, channels)
    {
        if (rate < 0 || rate >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "Dropout rate must be in [0, 1).");
        }

        Rate = rate;
        _kept = new bool[length * channels];
    }

    public double Rate { get; }

    /// <summary>Set by the trainer; null means inference.</summary>
    public Simulation.Pcg32? TrainingRandom { get; set; }

    public override string Spec => "dropout:" + Rate.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override void Forward(float[] input, float[] output)
    {
        if (TrainingRandom is null || Rate == 0)
        {
            Array.Copy(input, output, OutputSize);
            return;
        }

        float scale = (float)(1 / (1 - Rate));
        for (int i = 0; i < OutputSize; i++)
        {
            _kept[i] = TrainingRandom.NextDouble() >= Rate;
            output[i] = _kept[i] ? input[i] * scale : 0;
        }
    }

    public override void Backward(float[] input, float[] output, float[] outputGradient, float[]? inputGradient)
    {
        if (inputGradient is null)
        {
            return;
        }

        if (TrainingRandom is null || Rate == 0)
        {
            Array.Copy(outputGradient, inputGradient, InputSize);
            return;
        }

        float scale = (float)(1 / (1 - Rate));
        for (int i = 0; i < InputSize; i++)
        {
            inputGradient[i] = _kept[i] ? outputGradient[i] * scale : 0;
        }
    }
}
