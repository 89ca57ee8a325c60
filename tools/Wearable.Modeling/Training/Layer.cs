namespace Wearable.Modeling.Training;

/// <summary>
/// One float32 layer over a single example laid out [time][channel] (NWC, like the int8 kernels).
/// Forward writes the output; Backward accumulates parameter gradients and, when asked, writes the
/// gradient with respect to the input.
/// </summary>
public abstract class Layer
{
    protected Layer(int inputLength, int inputChannels, int outputLength, int outputChannels)
    {
        if (outputLength <= 0)
        {
            throw new ArgumentException(
                GetType().Name + " would produce no output from " + inputLength + " frames: the network is too deep for the window.");
        }

        InputLength = inputLength;
        InputChannels = inputChannels;
        OutputLength = outputLength;
        OutputChannels = outputChannels;
    }

    public int InputLength { get; }

    public int InputChannels { get; }

    public int OutputLength { get; }

    public int OutputChannels { get; }

    public int InputSize => InputLength * InputChannels;

    public int OutputSize => OutputLength * OutputChannels;

    public virtual IReadOnlyList<Parameter> Parameters => [];

    /// <summary>Spec text that rebuilds this layer (see <see cref="NetworkSpec"/>).</summary>
    public abstract string Spec { get; }

    /// <summary>Multiply-accumulates per forward pass (for model cards).</summary>
    public virtual long MultiplyAccumulates => 0;

    public abstract void Forward(float[] input, float[] output);

    /// <param name="inputGradient">Null for the first layer, whose input gradient nobody needs.</param>
    public abstract void Backward(float[] input, float[] output, float[] outputGradient, float[]? inputGradient);

    public virtual void Initialize(Simulation.Pcg32 random)
    {
    }

    /// <summary>He-uniform initialization for a layer followed by ReLU.</summary>
    protected static void HeUniform(float[] values, int fanIn, Simulation.Pcg32 random)
    {
        double limit = Math.Sqrt(6.0 / fanIn);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)random.Uniform(-limit, limit);
        }
    }
}
