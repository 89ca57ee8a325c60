using System.Globalization;

namespace Wearable.Modeling.Training;

/// <summary>
/// A feed-forward spiking network trained by backpropagation through time with a fast-sigmoid
/// surrogate gradient (Zenke and Ganguli 2018). Each input frame is split into ON and OFF currents
/// (max(x, 0), max(-x, 0)) so neurons see rectified activity; hidden layers are current-based LIF
/// (snnTorch Synaptic, as the integer kernel: I = alpha I + W x + b; U = beta U + I - theta S_prev;
/// S = U > theta) or plain LIF (alpha = 0); the readout is a non-spiking leaky integrator whose mean
/// over the window gives the logits. Spec: <c>cuba:64</c>, <c>lif:64:0.9</c>, <c>cuba:64:0.9:0.8,lif:32</c>.
/// </summary>
public sealed class SpikingNetwork : IClassifierModel
{
    private const float Threshold = 1f;
    private const float SurrogateSlope = 10f;
    private const float ReadoutBeta = 0.9f;

    private readonly SpikingLayer[] _layers;
    private readonly Parameter _readoutWeights;
    private readonly Parameter _readoutBias;
    private readonly float[] _input;      // [t][2 * channels]
    private readonly float[] _logits;
    private readonly float[] _logitGradient;
    private readonly float[] _readout;    // [t][classes]

    public SpikingNetwork(string spec, int inputLength, int inputChannels, int classes, float inputScale)
    {
        Spec = spec;
        InputLength = inputLength;
        InputChannels = inputChannels;
        Classes = classes;
        InputScale = inputScale;
        var layers = new List<SpikingLayer>();
        int width = 2 * inputChannels;
        foreach (string raw in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] parts = raw.Split(':');
            if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int neurons) || neurons < 1)
            {
                throw new ArgumentException("Spiking layer '" + raw + "' must be lif:<neurons>[:beta] or cuba:<neurons>[:beta[:alpha]].");
            }

            float beta = parts.Length > 2 ? float.Parse(parts[2], CultureInfo.InvariantCulture) : 0.9f;
            float alpha = parts[0] switch
            {
                "cuba" => parts.Length > 3 ? float.Parse(parts[3], CultureInfo.InvariantCulture) : 0.8f,
                "lif" => 0f,
                _ => throw new ArgumentException("Unknown spiking layer '" + parts[0] + "'; use lif or cuba."),
            };
            if (!(beta > 0 && beta < 1) || !(alpha >= 0 && alpha < 1))
            {
                throw new ArgumentException("Decays must be in (0, 1) for beta and [0, 1) for alpha in '" + raw + "'.");
            }

            layers.Add(new SpikingLayer(width, neurons, alpha, beta, inputLength));
            width = neurons;
        }

        if (layers.Count == 0)
        {
            throw new ArgumentException("A spiking spec needs at least one lif:/cuba: layer.");
        }

        _layers = layers.ToArray();
        _readoutWeights = new Parameter("readout.weights", classes * width);
        _readoutBias = new Parameter("readout.bias", classes) { Decays = false };
        _input = new float[inputLength * 2 * inputChannels];
        _logits = new float[classes];
        _logitGradient = new float[classes];
        _readout = new float[inputLength * classes];
    }

    public string Spec { get; }

    public int InputLength { get; }

    public int InputChannels { get; }

    public int Classes { get; }

    public float InputScale { get; }

    public IEnumerable<Parameter> Parameters => _layers.SelectMany(l => new[] { l.Weights, l.Bias }).Concat([_readoutWeights, _readoutBias]);

    /// <summary>Fraction of hidden neuron-steps that spiked in the last forward pass (sparsity).</summary>
    public double LastSpikeRate { get; private set; }

    public static bool IsSpikingSpec(string spec)
    {
        string first = spec.TrimStart();
        return first.StartsWith("lif:", StringComparison.Ordinal) || first.StartsWith("cuba:", StringComparison.Ordinal);
    }

    public void Initialize(ulong seed)
    {
        var random = Simulation.Pcg32.For(seed, "snn-init");
        foreach (var layer in _layers)
        {
            // Larger than He: the membrane must be pushed past threshold for any spike (and gradient) to appear.
            double limit = 2.0 * Math.Sqrt(6.0 / layer.Inputs);
            for (int i = 0; i < layer.Weights.Values.Length; i++)
            {
                layer.Weights.Values[i] = (float)random.Uniform(-limit, limit);
            }
        }

        double readoutLimit = Math.Sqrt(6.0 / _layers[^1].Neurons);
        for (int i = 0; i < _readoutWeights.Values.Length; i++)
        {
            _readoutWeights.Values[i] = (float)random.Uniform(-readoutLimit, readoutLimit);
        }
    }

    public void SetTraining(Simulation.Pcg32? random)
    {
    }

    public float[] Forward(float[] windows, int offset)
    {
        int channels = InputChannels;
        for (int t = 0; t < InputLength; t++)
        {
            for (int c = 0; c < channels; c++)
            {
                float x = windows[offset + (t * channels) + c] * InputScale;
                _input[(t * 2 * channels) + (2 * c)] = x > 0 ? x : 0;
                _input[(t * 2 * channels) + (2 * c) + 1] = x < 0 ? -x : 0;
            }
        }

        float[] input = _input;
        long spikes = 0, steps = 0;
        foreach (var layer in _layers)
        {
            layer.Forward(input);
            input = layer.Spikes;
            spikes += layer.SpikeCount;
            steps += (long)InputLength * layer.Neurons;
        }

        LastSpikeRate = (double)spikes / steps;
        int width = _layers[^1].Neurons;
        float[] w = _readoutWeights.Values;
        Array.Clear(_logits);
        for (int t = 0; t < InputLength; t++)
        {
            for (int k = 0; k < Classes; k++)
            {
                float previous = t == 0 ? 0 : _readout[((t - 1) * Classes) + k];
                float u = (ReadoutBeta * previous) + _readoutBias.Values[k] + VectorMath.Dot(w, k * width, input, t * width, width);
                _readout[(t * Classes) + k] = u;
                _logits[k] += u / InputLength;
            }
        }

        return _logits;
    }

    public int Predict(float[] windows, int offset) => Network.ArgMax(Forward(windows, offset));

    public float Learn(float[] windows, int offset, int label, out bool correct)
    {
        float[] logits = Forward(windows, offset);
        correct = Network.ArgMax(logits) == label;
        float loss = ClassifierModels.SoftmaxCrossEntropy(logits, _logitGradient, Classes, label);

        // Readout: logits = mean_t u_t with u_t = beta u_{t-1} + W s_t + b, so dL/du_t = g / T + beta dL/du_{t+1}.
        var last = _layers[^1];
        int width = last.Neurons;
        float[] spikeGradient = last.SpikeGradient;
        Array.Clear(spikeGradient);
        var du = new float[Classes];
        for (int t = InputLength - 1; t >= 0; t--)
        {
            for (int k = 0; k < Classes; k++)
            {
                du[k] = (_logitGradient[k] / InputLength) + (ReadoutBeta * du[k]);
                _readoutBias.Gradients[k] += du[k];
                VectorMath.Axpy(du[k], last.Spikes, t * width, _readoutWeights.Gradients, k * width, width);
                VectorMath.Axpy(du[k], _readoutWeights.Values, k * width, spikeGradient, t * width, width);
            }
        }

        for (int i = _layers.Length - 1; i >= 0; i--)
        {
            float[] layerInput = i == 0 ? _input : _layers[i - 1].Spikes;
            float[]? inputGradient = i == 0 ? null : _layers[i - 1].SpikeGradient;
            _layers[i].Backward(layerInput, inputGradient);
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

    /// <summary>One population of (CuBa-)LIF neurons with its state history for BPTT.</summary>
    private sealed class SpikingLayer
    {
        private readonly float _alpha;
        private readonly float _beta;
        private readonly int _steps;
        private readonly float[] _membrane;  // [t][n]
        private readonly float[] _currents;  // [t][n]

        public SpikingLayer(int inputs, int neurons, float alpha, float beta, int steps)
        {
            Inputs = inputs;
            Neurons = neurons;
            _alpha = alpha;
            _beta = beta;
            _steps = steps;
            Weights = new Parameter("weights", neurons * inputs);
            Bias = new Parameter("bias", neurons) { Decays = false };
            _membrane = new float[steps * neurons];
            _currents = new float[steps * neurons];
            Spikes = new float[steps * neurons];
            SpikeGradient = new float[steps * neurons];
        }

        public int Inputs { get; }

        public int Neurons { get; }

        public Parameter Weights { get; }

        public Parameter Bias { get; }

        public float[] Spikes { get; }

        /// <summary>dL/dS per step, filled by the layer above before <see cref="Backward"/>.</summary>
        public float[] SpikeGradient { get; }

        public long SpikeCount { get; private set; }

        public void Forward(float[] input)
        {
            float[] w = Weights.Values;
            long count = 0;
            for (int t = 0; t < _steps; t++)
            {
                for (int n = 0; n < Neurons; n++)
                {
                    float drive = Bias.Values[n] + VectorMath.Dot(w, n * Inputs, input, t * Inputs, Inputs);
                    float current = t == 0 ? drive : (_alpha * Current(t - 1, n)) + drive;
                    float previousU = t == 0 ? 0 : _membrane[((t - 1) * Neurons) + n];
                    float previousS = t == 0 ? 0 : Spikes[((t - 1) * Neurons) + n];
                    float u = (_beta * previousU) + current - (Threshold * previousS);
                    _membrane[(t * Neurons) + n] = u;
                    _currents[(t * Neurons) + n] = current;
                    float s = u > Threshold ? 1 : 0;
                    Spikes[(t * Neurons) + n] = s;
                    count += (long)s;
                }
            }

            SpikeCount = count;
        }

        private float Current(int t, int n) => _currents[(t * Neurons) + n];

        /// <summary>
        /// BPTT with the reset treated as a constant (detached, the usual choice): dL/dU_t =
        /// dL/dS_t sigma'(U_t - theta) + beta dL/dU_{t+1}; dL/dI_t = dL/dU_t + alpha dL/dI_{t+1}.
        /// </summary>
        public void Backward(float[] input, float[]? inputGradient)
        {
            if (inputGradient is not null)
            {
                Array.Clear(inputGradient);
            }

            var du = new float[Neurons];
            var di = new float[Neurons];
            for (int t = _steps - 1; t >= 0; t--)
            {
                for (int n = 0; n < Neurons; n++)
                {
                    float distance = MathF.Abs(_membrane[(t * Neurons) + n] - Threshold);
                    float surrogate = 1f / ((1f + (SurrogateSlope * distance)) * (1f + (SurrogateSlope * distance)));
                    du[n] = (SpikeGradient[(t * Neurons) + n] * surrogate) + (_beta * du[n]);
                    di[n] = du[n] + (_alpha * di[n]);
                    float g = di[n];
                    if (g == 0)
                    {
                        continue;
                    }

                    Bias.Gradients[n] += g;
                    VectorMath.Axpy(g, input, t * Inputs, Weights.Gradients, n * Inputs, Inputs);
                    if (inputGradient is not null)
                    {
                        VectorMath.Axpy(g, Weights.Values, n * Inputs, inputGradient, t * Inputs, Inputs);
                    }
                }
            }
        }
    }
}
