namespace Wearable.Modeling.Training;

/// <summary>
/// Valid, stride-1 conv1d. Weights [out][tap][in] as in the int8 kernel, so a row of weights lines up
/// with <c>kernel * in</c> consecutive input values and each output is one dot product.
/// A kernel of 1 is the pointwise convolution.
/// </summary>
public sealed class Conv1dTrainingLayer : Layer
{
    private readonly Parameter _weights;
    private readonly Parameter _bias;

    public Conv1dTrainingLayer(int inputLength, int inputChannels, int outputChannels, int kernel)
        : base(inputLength, inputChannels, inputLength - kernel + 1, outputChannels)
    {
        Kernel = kernel;
        _weights = new Parameter("weights", outputChannels * kernel * inputChannels);
        _bias = new Parameter("bias", outputChannels) { Decays = false };
    }

    public int Kernel { get; }

    public Parameter Weights => _weights;

    public Parameter Bias => _bias;

    public override IReadOnlyList<Parameter> Parameters => [_weights, _bias];

    public override string Spec => Kernel == 1 ? "pw:" + OutputChannels : "conv:" + OutputChannels + ":" + Kernel;

    public override long MultiplyAccumulates => (long)OutputSize * Kernel * InputChannels;

    public override void Initialize(Simulation.Pcg32 random) => HeUniform(_weights.Values, Kernel * InputChannels, random);

    public override void Forward(float[] input, float[] output)
    {
        int row = Kernel * InputChannels;
        float[] w = _weights.Values;
        float[] b = _bias.Values;
        for (int t = 0; t < OutputLength; t++)
        {
            int inputStart = t * InputChannels;
            int o0 = t * OutputChannels;
            for (int o = 0; o < OutputChannels; o++)
            {
                output[o0 + o] = b[o] + VectorMath.Dot(w, o * row, input, inputStart, row);
            }
        }
    }

    public override void Backward(float[] input, float[] output, float[] outputGradient, float[]? inputGradient)
    {
        int row = Kernel * InputChannels;
        float[] w = _weights.Values;
        float[] gw = _weights.Gradients;
        float[] gb = _bias.Gradients;
        if (inputGradient is not null)
        {
            Array.Clear(inputGradient, 0, InputSize);
        }

        for (int t = 0; t < OutputLength; t++)
        {
            int inputStart = t * InputChannels;
            int o0 = t * OutputChannels;
            for (int o = 0; o < OutputChannels; o++)
            {
                float g = outputGradient[o0 + o];
                if (g == 0)
                {
                    continue; // ReLU zeroes many gradients; skipping them is the main saving.
                }

                gb[o] += g;
                VectorMath.Axpy(g, input, inputStart, gw, o * row, row);
                if (inputGradient is not null)
                {
                    VectorMath.Axpy(g, w, o * row, inputGradient, inputStart, row);
                }
            }
        }
    }
}
