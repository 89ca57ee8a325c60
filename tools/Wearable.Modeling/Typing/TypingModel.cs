using System.Text.Json;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Typing;

/// <summary>
/// The streaming CTC network: per-feature normalisation, a causal conv over the last
/// <see cref="Kernel"/> feature frames (the encoder front, small enough for the device's int8 conv
/// kernel), then two pointwise layers to the key logits (host side). Built from our float training
/// layers; a window of L + Kernel - 1 frames gives L output frames, each depending only on the past.
/// </summary>
public sealed class TypingModel
{
    public const int Kernel = 12;

    /// <summary>The blank's initial logit over the keys' (0): a key lands on ~4 % of 10 ms frames at 4 keys/s; blank starts at 1 / (1 + 28 e^-5) = 0.84.</summary>
    private const float BlankPrior = 5;

    public TypingModel(int features, int hidden)
    {
        Features = features;
        Hidden = hidden;
        Mean = new float[features];
        Scale = new float[features];
        Array.Fill(Scale, 1f);
        Layers = Build(Kernel, features, hidden);
    }

    public int Features { get; }

    public int Hidden { get; }

    public float[] Mean { get; }

    public float[] Scale { get; }

    /// <summary>Layers sized for one output frame; <see cref="Sized"/> makes copies for longer windows.</summary>
    internal IReadOnlyList<Layer> Layers { get; }

    public IEnumerable<Parameter> Parameters => Layers.SelectMany(l => l.Parameters);

    public int ParameterCount => Parameters.Sum(p => p.Values.Length);

    public long MultiplyAccumulatesPerFrame => Layers.Sum(l => l.MultiplyAccumulates);

    public void Initialize(ulong seed)
    {
        var random = Simulation.Pcg32.For(seed, "typing-init");
        foreach (var layer in Layers)
        {
            layer.Initialize(random);
        }

        // Start where CTC's first plateau is (blank nearly everywhere, keys alike) instead of at a
        // random alignment: from He-scaled output weights some runs overshot into confident blanks,
        // the loss sat above chance for thousands of steps and never escaped (4 and 16 users, seed 1).
        var output = Layers[^1].Parameters.ToArray();
        for (int i = 0; i < output[0].Values.Length; i++)
        {
            output[0].Values[i] *= 0.1f;
        }

        Array.Clear(output[1].Values);
        output[1].Values[TypingCharset.Blank] = BlankPrior;
    }

    /// <summary>Fits the normalisation to the features of the training sessions.</summary>
    public void FitNormalisation(IEnumerable<float[]> featureSets)
    {
        var sum = new double[Features];
        var squares = new double[Features];
        long frames = 0;
        foreach (float[] set in featureSets)
        {
            for (int i = 0; i < set.Length; i++)
            {
                sum[i % Features] += set[i];
                squares[i % Features] += set[i] * set[i];
            }

            frames += set.Length / Features;
        }

        for (int f = 0; f < Features; f++)
        {
            double mean = sum[f] / Math.Max(1, frames);
            double variance = (squares[f] / Math.Max(1, frames)) - (mean * mean);
            Mean[f] = (float)mean;
            Scale[f] = (float)(1 / Math.Sqrt(Math.Max(variance, 1e-6)));
        }
    }

    /// <summary>The network's layers for <paramref name="outputFrames"/> output frames, sharing this model's parameter values.</summary>
    internal Layer[] Sized(int outputFrames)
    {
        var layers = Build(outputFrames + Kernel - 1, Features, Hidden);
        var source = Parameters.ToArray();
        var target = layers.SelectMany(l => l.Parameters).ToArray();
        for (int i = 0; i < source.Length; i++)
        {
            Array.Copy(source[i].Values, target[i].Values, source[i].Values.Length);
        }

        return layers;
    }

    /// <summary>Normalises raw features into <paramref name="input"/> (frames x features).</summary>
    public void Normalise(float[] raw, int offset, float[] input, int frames)
    {
        for (int i = 0; i < frames * Features; i++)
        {
            int f = i % Features;
            input[i] = (raw[offset + i] - Mean[f]) * Scale[f];
        }
    }

    /// <summary>Logits [frame][class] for a whole feature sequence (the first Kernel-1 frames are padded with the first frame).</summary>
    public float[] Logits(float[] features)
    {
        int frames = features.Length / Features;
        var padded = new float[(frames + Kernel - 1) * Features];
        for (int t = 0; t < Kernel - 1; t++)
        {
            Array.Copy(features, 0, padded, t * Features, Features);
        }

        Array.Copy(features, 0, padded, (Kernel - 1) * Features, features.Length);
        var network = new TypingNetworkRun(this, frames);
        return network.Forward(padded, 0);
    }

    public void Save(string path)
    {
        var file = new ModelFileJson(Features, Hidden, Mean, Scale, Parameters.Select(p => p.Values).ToArray());
        File.WriteAllText(path, JsonSerializer.Serialize(file));
    }

    public static TypingModel Load(string path)
    {
        ModelFileJson file;
        try
        {
            file = JsonSerializer.Deserialize<ModelFileJson>(File.ReadAllText(path)) ?? throw new InvalidDataException("empty");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(path + " is not a typing model (" + ex.Message + ").");
        }

        var model = new TypingModel(file.Features, file.Hidden);
        var parameters = model.Parameters.ToArray();
        if (file.Mean is null || file.Scale is null || file.Parameters is null || file.Mean.Length != file.Features || file.Scale.Length != file.Features || file.Parameters.Length != parameters.Length
            || parameters.Where((p, i) => p.Values.Length != file.Parameters[i].Length).Any())
        {
            throw new InvalidDataException(path + " is not a typing model of this version (its sizes do not match).");
        }

        Array.Copy(file.Mean, model.Mean, file.Features);
        Array.Copy(file.Scale, model.Scale, file.Features);
        for (int i = 0; i < parameters.Length; i++)
        {
            Array.Copy(file.Parameters[i], parameters[i].Values, parameters[i].Values.Length);
        }

        return model;
    }

    private static Layer[] Build(int inputFrames, int features, int hidden)
    {
        var conv = new Conv1dTrainingLayer(inputFrames, features, hidden, Kernel);
        int frames = conv.OutputLength;
        return
        [
            conv,
            new ReluLayer(frames, hidden),
            new Conv1dTrainingLayer(frames, hidden, hidden, 1),
            new ReluLayer(frames, hidden),
            new Conv1dTrainingLayer(frames, hidden, TypingCharset.Classes, 1),
        ];
    }

    private sealed record ModelFileJson(int Features, int Hidden, float[] Mean, float[] Scale, float[][] Parameters);
}

/// <summary>Activations and gradients of one window size, for training steps or inference.</summary>
internal sealed class TypingNetworkRun
{
    private readonly TypingModel _model;
    private readonly Layer[] _layers;
    private readonly float[][] _activations;
    private readonly float[][] _gradients;

    public TypingNetworkRun(TypingModel model, int outputFrames)
    {
        _model = model;
        _layers = model.Sized(outputFrames);
        OutputFrames = outputFrames;
        _activations = new float[_layers.Length + 1][];
        _gradients = new float[_layers.Length + 1][];
        _activations[0] = new float[_layers[0].InputSize];
        _gradients[0] = new float[_layers[0].InputSize];
        for (int i = 0; i < _layers.Length; i++)
        {
            _activations[i + 1] = new float[_layers[i].OutputSize];
            _gradients[i + 1] = new float[_layers[i].OutputSize];
        }
    }

    public int OutputFrames { get; }

    public IEnumerable<Parameter> Parameters => _layers.SelectMany(l => l.Parameters);

    public float[] Forward(float[] raw, int offset)
    {
        _model.Normalise(raw, offset, _activations[0], OutputFrames + TypingModel.Kernel - 1);
        return ForwardNormalised();
    }

    public float[] ForwardNormalised()
    {
        for (int i = 0; i < _layers.Length; i++)
        {
            _layers[i].Forward(_activations[i], _activations[i + 1]);
        }

        return _activations[_layers.Length];
    }

    public float[] Input => _activations[0];

    /// <summary>Back-propagates d loss / d logits (accumulating parameter gradients).</summary>
    public void Backward(float[] logitGradient)
    {
        Array.Copy(logitGradient, _gradients[_layers.Length], logitGradient.Length);
        for (int i = _layers.Length - 1; i >= 0; i--)
        {
            _layers[i].Backward(_activations[i], _activations[i + 1], _gradients[i + 1], i == 0 ? null : _gradients[i]);
        }
    }

    /// <summary>Writes this run's (trained) parameter values back into the model.</summary>
    public void CopyParametersToModel()
    {
        var own = _model.Parameters.ToArray();
        var mine = Parameters.ToArray();
        for (int i = 0; i < own.Length; i++)
        {
            Array.Copy(mine[i].Values, own[i].Values, own[i].Values.Length);
        }
    }
}
