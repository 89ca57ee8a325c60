namespace Wearable.Modeling.Training;

/// <summary>
/// What the trainer and the evaluations need from a model over one window [time][channel]: the CNN
/// (<see cref="Network"/>) and the spiking network (<see cref="SpikingNetwork"/>) both provide it.
/// </summary>
public interface IClassifierModel
{
    string Spec { get; }

    int InputLength { get; }

    int InputChannels { get; }

    int Classes { get; }

    float InputScale { get; }

    IEnumerable<Parameter> Parameters { get; }

    void Initialize(ulong seed);

    /// <summary>Dropout and similar training-only behaviour on (seeded) or off (null).</summary>
    void SetTraining(Simulation.Pcg32? random);

    /// <summary>Logits for one window (valid until the next call).</summary>
    float[] Forward(float[] windows, int offset);

    int Predict(float[] windows, int offset);

    /// <summary>Forward, softmax cross-entropy, backward (accumulating gradients); returns the loss.</summary>
    float Learn(float[] windows, int offset, int label, out bool correct);

    float[][] Snapshot();

    void Restore(float[][] snapshot);
}

/// <summary>Builds a model from its spec: specs made of <c>lif:</c>/<c>cuba:</c> layers are spiking, <c>l2mu:</c> an L2MU, others CNN.</summary>
public static class ClassifierModels
{
    public static IClassifierModel Create(string spec, int inputLength, int inputChannels, int classes, float inputScale)
    {
        if (spec.Contains(EnsembleModel.Separator, StringComparison.Ordinal))
        {
            return new EnsembleModel(spec.Split(EnsembleModel.Separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(member => Create(member, inputLength, inputChannels, classes, inputScale))
                .ToArray());
        }

        if (L2muSpec.IsL2muSpec(spec))
        {
            return new L2muNetwork(spec, inputLength, inputChannels, classes, inputScale);
        }

        return SpikingNetwork.IsSpikingSpec(spec)
            ? new SpikingNetwork(spec, inputLength, inputChannels, classes, inputScale)
            : new Network(spec, inputLength, inputChannels, classes, inputScale);
    }

    public static IClassifierModel Copy(IClassifierModel source)
    {
        var copy = Create(source.Spec, source.InputLength, source.InputChannels, source.Classes, source.InputScale);
        copy.Restore(source.Snapshot());
        return copy;
    }

    public static int ParameterCount(IClassifierModel model) => model.Parameters.Sum(p => p.Values.Length);

    /// <summary>The CNNs a model holds: itself, or an ensemble's CNN members (other members left out).</summary>
    public static Network[] Cnns(IClassifierModel model) => model switch
    {
        Network n => [n],
        EnsembleModel e => e.Members.OfType<Network>().ToArray(),
        _ => [],
    };

    /// <summary>Whether the model is a CNN or an ensemble made of CNNs only (what the int8 CNN ops can run).</summary>
    public static bool IsCnnOnly(IClassifierModel model) => model is Network || (model is EnsembleModel e && e.Members.All(m => m is Network));

    /// <summary>Multiply-accumulates per window of a CNN or an ensemble of CNNs; null when a member is not a CNN.</summary>
    public static long? MultiplyAccumulates(IClassifierModel model) => IsCnnOnly(model) ? Cnns(model).Sum(n => n.MultiplyAccumulates) : null;

    /// <summary>Softmax cross-entropy on logits in place: turns them into the loss gradient; returns the loss.</summary>
    internal static float SoftmaxCrossEntropy(float[] logits, float[] gradient, int classes, int label)
    {
        float max = float.NegativeInfinity;
        for (int k = 0; k < classes; k++)
        {
            max = Math.Max(max, logits[k]);
        }

        double sum = 0;
        for (int k = 0; k < classes; k++)
        {
            gradient[k] = MathF.Exp(logits[k] - max);
            sum += gradient[k];
        }

        for (int k = 0; k < classes; k++)
        {
            gradient[k] = (float)(gradient[k] / sum);
        }

        float loss = -MathF.Log(Math.Max(gradient[label], 1e-12f));
        gradient[label] -= 1;
        return loss;
    }
}
