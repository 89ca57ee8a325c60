using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Training;

/// <summary>
/// The band turned around the forearm by whole electrodes: what electrode c recorded shows up on
/// electrode (c + shift) mod C. Used to simulate a re-worn band on recordings and to undo it inside a
/// model, so the device keeps feeding its raw channels and needs no extra step.
/// </summary>
public static class BandRotation
{
    /// <summary>A copy of <paramref name="windows"/> in which channel c holds what channel (c - shift) mod C held.</summary>
    public static WindowSet Rotate(WindowSet windows, int shift)
    {
        var rotated = windows.Where(_ => true);
        int channels = windows.Channels;
        int s = Normalise(shift, channels);
        if (s == 0)
        {
            return rotated;
        }

        float[] source = windows.Data;
        float[] target = rotated.Data;
        int frames = windows.Count * windows.Length;
        for (int f = 0; f < frames; f++)
        {
            int row = f * channels;
            for (int c = 0; c < channels; c++)
            {
                target[row + ((c + s) % channels)] = source[row + c];
            }
        }

        return rotated;
    }

    /// <summary>
    /// A copy of the CNN (or CNN ensemble) that computes on raw input r what <paramref name="model"/>
    /// computes on <c>Rotate(r, shift)</c>: the first convolution's input-channel weights are permuted,
    /// nothing else changes (so the int8 export is the same graph).
    /// </summary>
    public static IClassifierModel FoldIntoInput(IClassifierModel model, int shift)
    {
        var copy = ClassifierModels.Copy(model);
        int s = Normalise(shift, model.InputChannels);
        if (s == 0)
        {
            return copy;
        }

        if (!ClassifierModels.IsCnnOnly(copy))
        {
            throw new NotSupportedException("Folding a channel rotation needs a CNN or an ensemble of CNNs; '" + model.Spec + "' is not one.");
        }

        foreach (var network in ClassifierModels.Cnns(copy))
        {
            if (network.Layers[0] is not Conv1dTrainingLayer first)
            {
                throw new NotSupportedException("Folding a channel rotation needs a first conv layer; '" + network.Spec + "' starts with " + network.Layers[0].Spec + ".");
            }

            // Rotate(r, s)[c] = r[c - s], so sum_c w[c] r[c - s] = sum_c' w[c' + s] r[c']: raw channel c'
            // takes the weight the model gave channel c' + s.
            int channels = first.InputChannels;
            float[] w = first.Weights.Values;
            float[] original = (float[])w.Clone();
            int rows = w.Length / channels;
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < channels; c++)
                {
                    w[(r * channels) + c] = original[(r * channels) + ((c + s) % channels)];
                }
            }
        }

        return copy;
    }

    private static int Normalise(int shift, int channels) => ((shift % channels) + channels) % channels;
}
