using System.Globalization;

namespace Wearable.Modeling.Training;

/// <summary>
/// A feed-forward float32 network over one window [time][channel], built from a spec such as
/// <c>conv:24:5,relu,maxpool:2,dw:5,relu,pw:32,relu,maxpool:2</c>; a dense classifier over the
/// flattened features is appended. Inputs are multiplied by <see cref="InputScale"/> first (part of
/// the model: the front end must apply the same scale).
/// </summary>
public sealed class Network : IClassifierModel
{
    /// <summary>The default tiny CNN for 52 x 8 Myo windows.</summary>
    public const string DefaultSpec = "conv:24:5,relu,maxpool:2,dw:5,relu,pw:32,relu,maxpool:2,dropout:0.2";

    private readonly float[][] _activations;
    private readonly float[][] _gradients;

    public Network(string spec, int inputLength, int inputChannels, int classes, float inputScale)
    {
        Spec = spec;
        InputLength = inputLength;
        InputChannels = inputChannels;
        Classes = classes;
        InputScale = inputScale;
        Layers = Build(spec, inputLength, inputChannels, classes);
        _activations = new float[Layers.Count + 1][];
        _gradients = new float[Layers.Count + 1][];
        _activations[0] = new float[inputLength * inputChannels];
        _gradients[0] = new float[inputLength * inputChannels];
        for (int i = 0; i < Layers.Count; i++)
        {
            _activations[i + 1] = new float[Layers[i].OutputSize];
            _gradients[i + 1] = new float[Layers[i].OutputSize];
        }
    }

    public string Spec { get; }

    public int InputLength { get; }

    public int InputChannels { get; }

    public int Classes { get; }

    public float InputScale { get; }

    public IReadOnlyList<Layer> Layers { get; }

    public IEnumerable<Parameter> Parameters => Layers.SelectMany(l => l.Parameters);

    public int ParameterCount => Parameters.Sum(p => p.Values.Length);

    public long MultiplyAccumulates => Layers.Sum(l => l.MultiplyAccumulates);

    /// <summary>Largest activation buffer in values (one byte each once quantized to int8).</summary>
    public int LargestActivation => Layers.Max(l => l.OutputSize);

    public void Initialize(ulong seed)
    {
        var random = Simulation.Pcg32.For(seed, "init");
        foreach (var layer in Layers)
        {
            layer.Initialize(random);
        }
    }

    /// <summary>Switches dropout on (with a seeded stream) for training, or off (null) for inference.</summary>
    public void SetTraining(Simulation.Pcg32? random)
    {
        foreach (var dropout in Layers.OfType<DropoutLayer>())
        {
            dropout.TrainingRandom = random;
        }
    }

    /// <summary>Runs one window starting at <paramref name="offset"/> and returns the logits (valid until the next call).</summary>
    public float[] Forward(float[] windows, int offset)
    {
        float[] input = _activations[0];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = windows[offset + i] * InputScale;
        }

        for (int i = 0; i < Layers.Count; i++)
        {
            Layers[i].Forward(_activations[i], _activations[i + 1]);
        }

        return _activations[Layers.Count];
    }

    public int Predict(float[] windows, int offset) => ArgMax(Forward(windows, offset));

    /// <summary>Forward, softmax cross-entropy against <paramref name="label"/>, backward; returns the loss.</summary>
    public float Learn(float[] windows, int offset, int label, out bool correct)
    {
        float[] logits = Forward(windows, offset);
        correct = ArgMax(logits) == label;
        float loss = ClassifierModels.SoftmaxCrossEntropy(logits, _gradients[Layers.Count], Classes, label);
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            Layers[i].Backward(_activations[i], _activations[i + 1], _gradients[i + 1], i == 0 ? null : _gradients[i]);
        }

        return loss;
    }

    public float[][] Snapshot() => Parameters.Select(p => (float[])p.Values.Clone()).ToArray();

    public void Restore(float[][] snapshot)
    {
        int i = 0;
        foreach (var p in Parameters)
        {
            Array.Copy(snapshot[i++], p.Values, p.Values.Length);
        }
    }

    public static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static List<Layer> Build(string spec, int length, int channels, int classes)
    {
        var layers = new List<Layer>();
        foreach (string raw in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = raw.Split(':');
            int Arg(int index)
            {
                if (parts.Length <= index || !int.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < 1)
                {
                    throw new ArgumentException("Layer '" + raw + "' needs a positive integer argument " + index + ".");
                }

                return v;
            }

            Layer layer = parts[0] switch
            {
                "conv" => new Conv1dTrainingLayer(length, channels, Arg(1), Arg(2)),
                "pw" => new Conv1dTrainingLayer(length, channels, Arg(1), 1),
                "dw" => new DepthwiseConv1dTrainingLayer(length, channels, Arg(1)),
                "relu" => new ReluLayer(length, channels),
                "maxpool" => new MaxPool1dLayer(length, channels, Arg(1)),
                "gap" => new GlobalAveragePoolLayer(length, channels),
                "dropout" => new DropoutLayer(length, channels, double.Parse(parts.Length > 1 ? parts[1] : "0.2", CultureInfo.InvariantCulture)),
                "dense" => new DenseTrainingLayer(length * channels, Arg(1)),
                _ => throw new ArgumentException(
                    "Unknown layer '" + parts[0] + "' in spec; use conv:<out>:<k>, pw:<out>, dw:<k>, relu, maxpool:<n>, gap, dropout:<p>, dense:<n>."),
            };
            layers.Add(layer);
            length = layer.OutputLength;
            channels = layer.OutputChannels;
        }

        layers.Add(new DenseTrainingLayer(length * channels, classes));
        return layers;
    }
}
