namespace Wearable.Modeling.Training;

/// <summary>Valid, stride-1 depthwise conv1d (one filter per channel, multiplier 1). Weights [tap][channel].</summary>
public sealed class DepthwiseConv1dTrainingLayer : Layer
{
    private readonly Parameter _weights;
    private readonly Parameter _bias;

    public DepthwiseConv1dTrainingLayer(int inputLength, int channels, int kernel)
        : base(inputLength, channels, inputLength - kernel + 1, channels)
    {
        Kernel = kernel;
        _weights = new Parameter("weights", kernel * channels);
        _bias = new Parameter("bias", channels) { Decays = false };
    }

    public int Kernel { get; }

    public Parameter Weights => _weights;

    public Parameter Bias => _bias;

    public override IReadOnlyList<Parameter> Parameters => [_weights, _bias];

    public override string Spec => "dw:" + Kernel;

    public override long MultiplyAccumulates => (long)OutputSize * Kernel;

    public override void Initialize(Simulation.Pcg32 random) => HeUniform(_weights.Values, Kernel, random);

    public override void Forward(float[] input, float[] output)
    {
        int channels = OutputChannels;
        float[] w = _weights.Values;
        for (int t = 0; t < OutputLength; t++)
        {
            Array.Copy(_bias.Values, 0, output, t * channels, channels);
            for (int j = 0; j < Kernel; j++)
            {
                int inRow = (t + j) * channels;
                int wRow = j * channels;
                int outRow = t * channels;
                for (int c = 0; c < channels; c++)
                {
                    output[outRow + c] += w[wRow + c] * input[inRow + c];
                }
            }
        }
    }

    public override void Backward(float[] input, float[] output, float[] outputGradient, float[]? inputGradient)
    {
        int channels = OutputChannels;
        float[] w = _weights.Values;
        float[] gw = _weights.Gradients;
        float[] gb = _bias.Gradients;
        if (inputGradient is not null)
        {
            Array.Clear(inputGradient, 0, InputSize);
        }

        for (int t = 0; t < OutputLength; t++)
        {
            int outRow = t * channels;
            for (int c = 0; c < channels; c++)
            {
                gb[c] += outputGradient[outRow + c];
            }

            for (int j = 0; j < Kernel; j++)
            {
                int inRow = (t + j) * channels;
                int wRow = j * channels;
                for (int c = 0; c < channels; c++)
                {
                    float g = outputGradient[outRow + c];
                    gw[wRow + c] += g * input[inRow + c];
                    if (inputGradient is not null)
                    {
                        inputGradient[inRow + c] += g * w[wRow + c];
                    }
                }
            }
        }
    }
}
