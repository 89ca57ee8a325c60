namespace Wearable.Modeling.Training;

/// <summary>Max pooling over time with window = stride (the remainder frames are dropped, as in valid pooling).</summary>
public sealed class MaxPool1dLayer : Layer
{
    public MaxPool1dLayer(int inputLength, int channels, int size)
        : base(inputLength, channels, inputLength / size, channels)
    {
        Size = size;
    }

    public int Size { get; }

    public override string Spec => "maxpool:" + Size;

    public override void Forward(float[] input, float[] output)
    {
        int channels = OutputChannels;
        for (int t = 0; t < OutputLength; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                float best = input[(t * Size * channels) + c];
                for (int j = 1; j < Size; j++)
                {
                    best = Math.Max(best, input[(((t * Size) + j) * channels) + c]);
                }

                output[(t * channels) + c] = best;
            }
        }
    }

    public override void Backward(float[] input, float[] output, float[] outputGradient, float[]? inputGradient)
    {
        if (inputGradient is null)
        {
            return;
        }

        Array.Clear(inputGradient, 0, InputSize);
        int channels = OutputChannels;
        for (int t = 0; t < OutputLength; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                float best = output[(t * channels) + c];
                for (int j = 0; j < Size; j++)
                {
                    int at = (((t * Size) + j) * channels) + c;
                    if (input[at] == best)
                    {
                        inputGradient[at] += outputGradient[(t * channels) + c];
                        break; // the first maximum takes the gradient, as the forward pass picked it
                    }
                }
            }
        }
    }
}

/// <summary>Mean over all frames per channel: a window-length-independent summary of activity.</summary>
public sealed class GlobalAveragePoolLayer : Layer
{
    public GlobalAveragePoolLayer(int inputLength, int channels)
        : base(inputLength, channels, 1, channels)
    {
    }

    public override string Spec => "gap";

    public override void Forward(float[] input, float[] output)
    {
        int channels = OutputChannels;
        Array.Clear(output, 0, channels);
        for (int t = 0; t < InputLength; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                output[c] += input[(t * channels) + c];
            }
        }

        for (int c = 0; c < channels; c++)
        {
            output[c] /= InputLength;
        }
    }

    public override void Backward(float[] input, float[] output, float[] outputGradient, float[]? inputGradient)
    {
        if (inputGradient is null)
        {
            return;
        }

        int channels = OutputChannels;
        for (int t = 0; t < InputLength; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                inputGradient[(t * channels) + c] = outputGradient[c] / InputLength;
            }
        }
    }
}
