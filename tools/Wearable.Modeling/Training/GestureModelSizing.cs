using System.Globalization;

namespace Wearable.Modeling.Training;

/// <summary>
/// Sizes the front end and the CNN from the data and the target board's budget: a window of about a
/// quarter of a second (what sEMG gesture work uses; the Myo protocol's 52 samples at 200 Hz), decisions
/// every quarter window, and the widest of a few CNNs whose int8 weights and activations fit the budget.
/// </summary>
public static class GestureModelSizing
{
    /// <summary>Window length in seconds.</summary>
    public const double WindowSeconds = 0.25;

    private static readonly string[] Candidates =
    [
        Network.DefaultSpec,
        "conv:16:5,relu,maxpool:2,dw:5,relu,pw:16,relu,maxpool:2,dropout:0.2",
        "conv:8:5,relu,maxpool:2,pw:8,relu,maxpool:2",
        "conv:4:3,relu,maxpool:4",
    ];

    /// <summary>
    /// The shape for data of <paramref name="channels"/> at <paramref name="sampleRate"/> Hz with
    /// <paramref name="classes"/> classes, within <paramref name="budgetBytes"/> of device RAM for the
    /// model; <paramref name="inputRms"/> (RMS of the training samples) sets the input scale so
    /// training sees values of about unit size. A given <paramref name="spec"/> is kept as it is.
    /// </summary>
    public static ModelSize For(int channels, double sampleRate, int classes, long budgetBytes, double inputRms, string? spec = null)
    {
        int window = Math.Clamp((int)Math.Round(WindowSeconds * sampleRate), 8, 512);
        int trainHop = Math.Max(1, window / 8);
        int decisionHop = Math.Max(1, window / 4);
        float inputScale = (float)(1.0 / (3.0 * Math.Max(inputRms, 1e-9)));
        if (spec is not null)
        {
            return new ModelSize(window, trainHop, decisionHop, spec, inputScale, DeviceBytes(spec, window, channels, classes));
        }

        foreach (string candidate in Candidates)
        {
            long bytes = DeviceBytes(candidate, window, channels, classes);
            if (bytes <= budgetBytes)
            {
                return new ModelSize(window, trainHop, decisionHop, candidate, inputScale, bytes);
            }
        }

        long smallest = DeviceBytes(Candidates[^1], window, channels, classes);
        throw new ArgumentException(
            "even the smallest gesture CNN needs about " + smallest.ToString(CultureInfo.InvariantCulture) + " bytes for " + channels + " channels x " + window +
            " samples, more than the board's " + budgetBytes.ToString(CultureInfo.InvariantCulture) + "; use fewer channels or a board with more RAM");
    }

    /// <summary>int8 weights (+ int32 biases) plus the largest input+output activation pair.</summary>
    public static long DeviceBytes(string spec, int window, int channels, int classes)
    {
        var network = new Network(spec, window, channels, classes, 1f);
        long weights = network.Parameters.Sum(p => (long)p.Values.Length);
        long activations = window * channels;
        foreach (Layer layer in network.Layers)
        {
            activations = Math.Max(activations, layer.InputSize + layer.OutputSize);
        }

        return weights + activations;
    }
}
