namespace Wearable.Modeling.Training;

/// <summary>Fully connected layer over the whole (flattened) input. Weights [out][in].</summary>
public sealed class DenseTrainingLayer : Layer
{
    private readonly Parameter _weights;
    private readonly Parameter _bias;

    public DenseTrainingLayer(int inputSize, int outputs)
        : base(1, inputSize, 1, outputs)
    {
        _weights = new Parameter("weights", outputs * inputSize);
        _bias = new Parameter("bias", outputs) { Decays = false };
    }

    public Parameter Weights => _weights;

    public Parameter Bias => _bias;

    public override IReadOnlyList<Parameter> Parameters => [_weights, _bias];

    public override string Spec => "dense:" + OutputChannels;

    public override long MultiplyAccumulates => (long)InputSize * OutputSize;

    public override void Initialize(Simulation.Pcg32 random) => HeUniform(_weights.Values, InputSize, random);

    public override void Forward(float[] input, float[] output)
    {
        for (int o = 0; o < OutputSize; o++)
        {
            output[o] = _bias.Values[o] + VectorMath.Dot(_weights.Values, o * InputSize, input, 0, InputSize);
        }
    }

    public override void Backward(float[] input, float[] output, float[] outputGradient, float[]? inputGradient)
    {
        if (inputGradient is not null)
        {
            Array.Clear(inputGradient, 0, InputSize);
        }

        for (int o = 0; o < OutputSize; o++)
        {
            float g = outputGradient[o];
            _bias.Gradients[o] += g;
            VectorMath.Axpy(g, input, 0, _weights.Gradients, o * InputSize, InputSize);
            if (inputGradient is not null)
            {
                VectorMath.Axpy(g, _weights.Values, o * InputSize, inputGradient, 0, InputSize);
            }
        }
    }
}
