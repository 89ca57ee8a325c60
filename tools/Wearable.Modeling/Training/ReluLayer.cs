namespace Wearable.Modeling.Training;

public sealed class ReluLayer : Layer
{
    public ReluLayer(int length, int channels)
        : base(length, channels, length, channels)
    {
    }

    public override string Spec => "relu";

    public override void Forward(float[] input, float[] output)
    {
        for (int i = 0; i < OutputSize; i++)
        {
            output[i] = input[i] > 0 ? input[i] : 0;
        }
    }

    public override void Backward(float[] input, float[] output, float[] outputGradient, float[]? inputGradient)
    {
        if (inputGradient is null)
        {
            return;
        }

        for (int i = 0; i < OutputSize; i++)
        {
            inputGradient[i] = input[i] > 0 ? outputGradient[i] : 0;
        }
    }
}
