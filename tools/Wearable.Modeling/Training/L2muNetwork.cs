using Wearable.Modeling.Spiking;

namespace Wearable.Modeling.Training;

/// <summary>
/// A float L2MU classifier (an LMU memory built of LIF populations; Fra et al. 2024) trained by BPTT
/// with the fast-sigmoid surrogate and the reset detached. Each step mirrors the integer L2muCell
/// (KERNEL-SPEC 3): u from (s_in, s_h prev, s_m prev); m from (Abar s_m prev, Bbar s_u); h from
/// (s_in, s_h prev, s_m new); out from s_h with a bias. The input is the window's raw samples through
/// the model file's send-on-delta encoder (up = 2c, down = 2c + 1, reference 0 at the window start),
/// every state starts at zero per window, and the logits are the output spike counts times
/// <see cref="CountScale"/>, so the float argmax is the device's decision (argmax of counts, ties to
/// the lowest). Abar/Bbar are the Q2.14 values the device uses and are not learned. All weight
/// matrices are stored fan-out contiguous ([inputs][neurons]) as in the kernels' FanOutWeights.
/// </summary>
public sealed class L2muNetwork : IClassifierModel
{
    /// <summary>Logit per output spike: counts over 52 steps stay in a range softmax trains well on.</summary>
    public const float CountScale = 0.2f;

    public const float Beta = 0.9f;

    public const float Threshold = 1f;

    private readonly L2muPopulation _in;
    private readonly L2muPopulation _u;
    private readonly L2muPopulation _m;
    private readonly L2muPopulation _h;
    private readonly L2muPopulation _o;
    private readonly float[] _abarTransposed; // [j][k]: a spike of memory coefficient j adds column j of Abar
    private readonly float[] _bbar;
    private readonly float[] _logits;
    private readonly float[] _logitGradient;
    private readonly float[] _outputGradient;
    private readonly float[] _hiddenGradient;
    private readonly float[] _memoryGradient;
    private readonly float[] _uGradient;
    private readonly float[] _hiddenCarry;
    private readonly float[] _memoryCarry;
    private readonly int[] _reference;

    public L2muNetwork(string spec, int inputLength, int inputChannels, int classes, float inputScale)
    {
        Spec = spec;
        Shape = L2muSpec.Parse(spec);
        InputLength = inputLength;
        InputChannels = inputChannels;
        Classes = classes;
        InputScale = inputScale;
        int m = Shape.MemorySize, d = Shape.Order, h = Shape.Hidden, n = 2 * inputChannels, md = m * d;
        var (abar, bbar) = LmuDiscretization.Discretize(d, Shape.Theta);
        (AbarQ14, BbarQ14) = LmuDiscretization.Quantize(abar, bbar);
        _abarTransposed = new float[d * d];
        _bbar = new float[d];
        for (int k = 0; k < d; k++)
        {
            _bbar[k] = BbarQ14[k] / 16384f;
            for (int j = 0; j < d; j++)
            {
                _abarTransposed[(j * d) + k] = AbarQ14[(k * d) + j] / 16384f;
            }
        }

        _in = new L2muPopulation(n, Beta, Threshold, inputLength);
        _u = new L2muPopulation(m, Beta, Threshold, inputLength);
        _m = new L2muPopulation(md, Beta, Shape.MemoryThreshold, inputLength);
        _h = new L2muPopulation(h, Beta, Threshold, inputLength);
        _o = new L2muPopulation(classes, Beta, Threshold, inputLength);
        Ex = new Parameter("ex", n * m);
        Eh = new Parameter("eh", h * m);
        Em = new Parameter("em", md * m);
        Wx = new Parameter("wx", n * h);
        Wh = new Parameter("wh", h * h);
        Wm = new Parameter("wm", md * h);
        Wo = new Parameter("wo", h * classes);
        BiasU = new Parameter("bias.u", m) { Decays = false };
        BiasH = new Parameter("bias.h", h) { Decays = false };
        BiasOut = new Parameter("bias.out", classes) { Decays = false };
        _logits = new float[classes];
        _logitGradient = new float[classes];
        _outputGradient = new float[classes];
        _hiddenGradient = new float[h];
        _memoryGradient = new float[md];
        _uGradient = new float[m];
        _hiddenCarry = new float[h];
        _memoryCarry = new float[md];
        _reference = new int[inputChannels];
        LastCounts = new int[classes];
    }

    public string Spec { get; }

    public L2muSpec Shape { get; }

    public int InputLength { get; }

    public int InputChannels { get; }

    public int Classes { get; }

    /// <summary>Kept for the model file's JSON; the delta encoder reads raw sample units.</summary>
    public float InputScale { get; }

    public short[] AbarQ14 { get; }

    public short[] BbarQ14 { get; }

    public Parameter Ex { get; }

    public Parameter Eh { get; }

    public Parameter Em { get; }

    public Parameter Wx { get; }

    public Parameter Wh { get; }

    public Parameter Wm { get; }

    public Parameter Wo { get; }

    public Parameter BiasU { get; }

    public Parameter BiasH { get; }

    public Parameter BiasOut { get; }

    /// <summary>D = round((1 - beta) 4096) of u, m, h and out (all LIF, subtract reset).</summary>
    public int[] Decays => [_u.Decay, _m.Decay, _h.Decay, _o.Decay];

    /// <summary>Firing thresholds of u, m, h and out.</summary>
    public float[] Thresholds => [_u.Threshold, _m.Threshold, _h.Threshold, _o.Threshold];

    public IEnumerable<Parameter> Parameters => [Ex, Eh, Em, Wx, Wh, Wm, Wo, BiasU, BiasH, BiasOut];

    /// <summary>Output spike counts of the last forward pass.</summary>
    public int[] LastCounts { get; }

    /// <summary>Fraction of (u, m, h) neuron-steps that spiked in the last forward pass.</summary>
    public double LastSpikeRate { get; private set; }

    /// <summary>
    /// Gradient-check mode (tests only): every spike becomes the smooth fast sigmoid whose derivative
    /// is the surrogate, so with <see cref="FreezeResets"/> the BPTT gradient is the exact gradient.
    /// </summary>
    public bool SmoothSpikes
    {
        set
        {
            foreach (var p in new[] { _u, _m, _h, _o })
            {
                p.Smooth = value;
            }
        }
    }

    /// <summary>Gradient-check mode: the resets keep the current pass's spikes from now on (BPTT treats them as constants).</summary>
    public void FreezeResets()
    {
        foreach (var p in new[] { _u, _m, _h, _o })
        {
            p.FreezeResets();
        }
    }

    public void Initialize(ulong seed)
    {
        var random = Simulation.Pcg32.For(seed, "l2mu-init");

        // Feed-forward paths larger than He so the membranes reach threshold; recurrent ones smaller to stay stable.
        void Fill(Parameter p, int fanIn, double gain)
        {
            double limit = gain * Math.Sqrt(6.0 / fanIn);
            for (int i = 0; i < p.Values.Length; i++)
            {
                p.Values[i] = (float)random.Uniform(-limit, limit);
            }
        }

        int md = Shape.MemorySize * Shape.Order;
        Fill(Ex, _in.Neurons, 2);
        Fill(Eh, Shape.Hidden, 0.5);
        Fill(Em, md, 0.5);
        Fill(Wx, _in.Neurons, 2);
        Fill(Wh, Shape.Hidden, 0.5);
        Fill(Wm, md, 1);
        Fill(Wo, Shape.Hidden, 2);
    }

    public void SetTraining(Simulation.Pcg32? random)
    {
    }

    public float[] Forward(float[] windows, int offset)
    {
        Encode(windows, offset);
        int d = Shape.Order;
        long spikes = 0;
        Array.Clear(_logits);
        for (int t = 0; t < InputLength; t++)
        {
            float[] iu = _u.Input;
            VectorMath.Axpy(1, BiasU.Values, 0, iu, 0, iu.Length);
            AddRows(Ex, _in, t, iu);
            if (t > 0)
            {
                AddRows(Eh, _h, t - 1, iu);
                AddRows(Em, _m, t - 1, iu);
            }

            _u.Fire(t);

            float[] im = _m.Input;
            if (t > 0)
            {
                int row = (t - 1) * _m.Neurons;
                for (int a = 0; a < _m.ActiveCount[t - 1]; a++)
                {
                    int q = _m.Active[row + a];
                    int i = q / d;
                    VectorMath.Axpy(_m.Spikes[row + q], _abarTransposed, (q - (i * d)) * d, im, i * d, d);
                }
            }

            for (int a = 0; a < _u.ActiveCount[t]; a++)
            {
                int i = _u.Active[(t * _u.Neurons) + a];
                VectorMath.Axpy(_u.Spikes[(t * _u.Neurons) + i], _bbar, 0, im, i * d, d);
            }

            _m.Fire(t);

            float[] ih = _h.Input;
            VectorMath.Axpy(1, BiasH.Values, 0, ih, 0, ih.Length);
            AddRows(Wx, _in, t, ih);
            if (t > 0)
            {
                AddRows(Wh, _h, t - 1, ih);
            }

            AddRows(Wm, _m, t, ih);
            _h.Fire(t);

            float[] io = _o.Input;
            VectorMath.Axpy(1, BiasOut.Values, 0, io, 0, io.Length);
            AddRows(Wo, _h, t, io);
            _o.Fire(t);
            VectorMath.Axpy(CountScale, _o.Spikes, t * Classes, _logits, 0, Classes);
            spikes += _u.ActiveCount[t] + _m.ActiveCount[t] + _h.ActiveCount[t];
        }

        LastSpikeRate = (double)spikes / ((long)InputLength * (_u.Neurons + _m.Neurons + _h.Neurons));
        for (int k = 0; k < Classes; k++)
        {
            LastCounts[k] = (int)MathF.Round(_logits[k] / CountScale);
        }

        return _logits;
    }

    public int Predict(float[] windows, int offset) => Network.ArgMax(Forward(windows, offset));

    public float Learn(float[] windows, int offset, int label, out bool correct)
    {
        float[] logits = Forward(windows, offset);
        correct = Network.ArgMax(logits) == label;
        float loss = ClassifierModels.SoftmaxCrossEntropy(logits, _logitGradient, Classes, label);
        Backward(_logitGradient);
        return loss;
    }

    /// <summary>BPTT from dL/dlogits; accumulates into the parameters' gradients.</summary>
    internal void Backward(float[] logitGradient)
    {
        int d = Shape.Order, h = Shape.Hidden, mem = Shape.MemorySize;
        for (int k = 0; k < Classes; k++)
        {
            _outputGradient[k] = CountScale * logitGradient[k];
        }

        foreach (var p in new[] { _u, _m, _h, _o })
        {
            p.ClearGradients();
        }

        Array.Clear(_hiddenCarry);
        Array.Clear(_memoryCarry);
        for (int t = InputLength - 1; t >= 0; t--)
        {
            _o.Backward(t, _outputGradient);
            float[] dio = _o.CurrentGradient;
            VectorMath.Axpy(1, dio, 0, BiasOut.Gradients, 0, Classes);
            GradRows(Wo, _h, t, dio);
            for (int j = 0; j < h; j++)
            {
                _hiddenGradient[j] = _hiddenCarry[j] + VectorMath.Dot(Wo.Values, j * Classes, dio, 0, Classes);
            }

            _h.Backward(t, _hiddenGradient);
            float[] dih = _h.CurrentGradient;
            VectorMath.Axpy(1, dih, 0, BiasH.Gradients, 0, h);
            GradRows(Wx, _in, t, dih);
            GradRows(Wm, _m, t, dih);
            if (t > 0)
            {
                GradRows(Wh, _h, t - 1, dih);
            }

            for (int q = 0; q < _m.Neurons; q++)
            {
                _memoryGradient[q] = _memoryCarry[q] + VectorMath.Dot(Wm.Values, q * h, dih, 0, h);
            }

            _m.Backward(t, _memoryGradient);
            float[] dim = _m.CurrentGradient;
            for (int i = 0; i < mem; i++)
            {
                _uGradient[i] = VectorMath.Dot(_bbar, 0, dim, i * d, d);
            }

            _u.Backward(t, _uGradient);
            float[] diu = _u.CurrentGradient;
            VectorMath.Axpy(1, diu, 0, BiasU.Gradients, 0, mem);
            GradRows(Ex, _in, t, diu);
            if (t == 0)
            {
                break;
            }

            GradRows(Eh, _h, t - 1, diu);
            GradRows(Em, _m, t - 1, diu);
            for (int j = 0; j < h; j++)
            {
                _hiddenCarry[j] = VectorMath.Dot(Wh.Values, j * h, dih, 0, h) + VectorMath.Dot(Eh.Values, j * mem, diu, 0, mem);
            }

            for (int q = 0; q < _m.Neurons; q++)
            {
                int i = q / d;
                int j = q - (i * d);
                _memoryCarry[q] = VectorMath.Dot(_abarTransposed, j * d, dim, i * d, d) + VectorMath.Dot(Em.Values, q * mem, diu, 0, mem);
            }
        }
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

    /// <summary>The input spikes [t][2 x channels] (0/1) the network sees for one window.</summary>
    public byte[] EncodeSpikes(float[] windows, int offset)
    {
        Encode(windows, offset);
        return _in.Spikes.Select(s => (byte)s).ToArray();
    }

    private void Encode(float[] windows, int offset) =>
        DeltaSpikeEncoding.Encode(windows, offset, InputLength, InputChannels, Shape.DeltaThreshold, _reference, _in);

    /// <summary>target += sum over the source's active neurons j at step t of s_j W[j, :].</summary>
    private static void AddRows(Parameter w, L2muPopulation source, int t, float[] target)
    {
        int cols = target.Length;
        int row = t * source.Neurons;
        for (int a = 0; a < source.ActiveCount[t]; a++)
        {
            int j = source.Active[row + a];
            VectorMath.Axpy(source.Spikes[row + j], w.Values, j * cols, target, 0, cols);
        }
    }

    /// <summary>dW[j, :] += s_j dI for the source's active neurons at step t.</summary>
    private static void GradRows(Parameter w, L2muPopulation source, int t, float[] currentGradient)
    {
        int cols = currentGradient.Length;
        int row = t * source.Neurons;
        for (int a = 0; a < source.ActiveCount[t]; a++)
        {
            int j = source.Active[row + a];
            VectorMath.Axpy(source.Spikes[row + j], currentGradient, 0, w.Gradients, j * cols, cols);
        }
    }
}
