using Wearable.Kernels.Cnn;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Quantization;

/// <summary>
/// A CNN under quantization-aware training: the float weights (<see cref="Float"/>) are what the
/// optimizer updates; every forward pass snaps them to the exporter's per-channel int8 grid, snaps
/// biases to int32 at s_in * s_w, the input to the int8 input tensor, and each int8 op's output to
/// its asymmetric activation grid (ReLU fused as the clamp), so the float pass computes what the
/// exported model computes. Gradients use the straight-through estimator: rounding counts as the
/// identity, values clipped by a grid get no gradient. Activation ranges start from calibration and
/// follow an exponential moving average of each batch's min / max while learning; they are part of
/// <see cref="Snapshot"/> so early stopping restores the ranges that went with the best weights.
/// </summary>
public sealed class QatNetwork : IClassifierModel
{
    private readonly Network _shadow; // holds the snapped weights the passes run with
    private readonly IReadOnlyList<PostTrainingQuantizer.Step> _steps;
    private readonly int[] _stepAtOutput; // float layer index -> step whose output tensor it is, or -1
    private readonly float[] _min;
    private readonly float[] _max;
    private readonly float[] _batchMin;
    private readonly float[] _batchMax;
    private readonly ActivationGrid[] _grids;
    private readonly double[][] _weightScales;
    private readonly double[][] _accumulatorSteps; // s_in * s_w per output channel: the value of one accumulator count
    private readonly int[][] _multipliers;
    private readonly int[][] _shifts;
    private readonly float[][] _activations;
    private readonly float[][] _gradients;
    private readonly Parameter[] _master;
    private readonly Parameter[] _snapped;
    private readonly float[][] _rawOutputs; // each step's output before snapping (for the STE mask)
    private readonly int[] _layerOf; // step -> index of the float layer holding its weights
    private int _batchCount;

    public QatNetwork(Network trained, IReadOnlyList<(double Min, double Max)> initialRanges)
    {
        Float = (Network)ClassifierModels.Copy(trained);
        _shadow = (Network)ClassifierModels.Copy(trained);
        _steps = PostTrainingQuantizer.Steps(Float);
        if (initialRanges.Count != _steps.Count)
        {
            throw new ArgumentException(initialRanges.Count + " ranges for " + _steps.Count + " int8 steps.", nameof(initialRanges));
        }

        var layers = _shadow.Layers;
        _stepAtOutput = Enumerable.Repeat(-1, layers.Count).ToArray();
        for (int s = 0; s < _steps.Count; s++)
        {
            _stepAtOutput[_steps[s].LastFloatIndex] = s;
        }

        _min = initialRanges.Select(r => (float)r.Min).ToArray();
        _max = initialRanges.Select(r => (float)r.Max).ToArray();
        _batchMin = new float[_steps.Count];
        _batchMax = new float[_steps.Count];
        ResetBatch();
        _grids = new ActivationGrid[_steps.Count];
        UpdateGrids();
        _weightScales = _steps.Select(s => new double[s.Layer.OutputChannels]).ToArray();
        _accumulatorSteps = _steps.Select(s => new double[s.Layer.OutputChannels]).ToArray();
        _multipliers = _steps.Select(s => new int[s.Layer.OutputChannels]).ToArray();
        _shifts = _steps.Select(s => new int[s.Layer.OutputChannels]).ToArray();
        _activations = new float[layers.Count + 1][];
        _gradients = new float[layers.Count + 1][];
        _activations[0] = new float[InputLength * InputChannels];
        _gradients[0] = new float[InputLength * InputChannels];
        for (int i = 0; i < layers.Count; i++)
        {
            _activations[i + 1] = new float[layers[i].OutputSize];
            _gradients[i + 1] = new float[layers[i].OutputSize];
        }

        _master = Float.Parameters.ToArray();
        _snapped = _shadow.Parameters.ToArray();
        _rawOutputs = _steps.Select(s => new float[layers[s.LastFloatIndex].OutputSize]).ToArray();
        _layerOf = _steps.Select(s => Float.Layers.ToList().IndexOf(s.Layer)).ToArray();
    }

    /// <summary>The float weights being fine-tuned (export these with <see cref="Ranges"/>).</summary>
    public Network Float { get; }

    /// <summary>Weight of the old range in the moving average per batch (1 freezes the calibrated ranges).</summary>
    public double RangeMomentum { get; set; } = 0.99;

    /// <summary>Windows per range update (the trainer's mini-batch).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>The activation range per int8 step, as the exporter takes them.</summary>
    public IReadOnlyList<(double Min, double Max)> Ranges => _min.Select((m, i) => ((double)m, (double)_max[i])).ToArray();

    public string Spec => Float.Spec;

    public int InputLength => Float.InputLength;

    public int InputChannels => Float.InputChannels;

    public int Classes => Float.Classes;

    public float InputScale => Float.InputScale;

    public IEnumerable<Parameter> Parameters => _master;

    public void Initialize(ulong seed) => throw new NotSupportedException("Quantization-aware training fine-tunes a trained network; initialize the float network instead.");

    public void SetTraining(Simulation.Pcg32? random) => _shadow.SetTraining(random);

    public float[] Forward(float[] windows, int offset) => Run(windows, offset, observe: false);

    public int Predict(float[] windows, int offset) => Network.ArgMax(Forward(windows, offset));

    public float Learn(float[] windows, int offset, int label, out bool correct)
    {
        var layers = _shadow.Layers;
        float[] logits = Run(windows, offset, observe: true);
        correct = Network.ArgMax(logits) == label;
        float loss = ClassifierModels.SoftmaxCrossEntropy(logits, _gradients[layers.Count], Classes, label);
        for (int i = layers.Count - 1; i >= 0; i--)
        {
            int step = _stepAtOutput[i];
            if (step >= 0 && _steps[step].Requantizes)
            {
                // Straight-through: the gradient passes where the raw output was inside the grid's range.
                float[] raw = _rawOutputs[step];
                float[] g = _gradients[i + 1];
                for (int k = 0; k < g.Length; k++)
                {
                    if (!_grids[step].Passes(raw[k]))
                    {
                        g[k] = 0;
                    }
                }
            }

            layers[i].Backward(_activations[i], _activations[i + 1], _gradients[i + 1], i == 0 ? null : _gradients[i]);
        }

        // The gradient with respect to the snapped weights is the master weights' gradient (STE).
        for (int p = 0; p < _master.Length; p++)
        {
            float[] from = _snapped[p].Gradients, to = _master[p].Gradients;
            for (int k = 0; k < from.Length; k++)
            {
                to[k] += from[k];
                from[k] = 0;
            }
        }

        if (++_batchCount == BatchSize)
        {
            EndBatch();
        }

        return loss;
    }

    /// <summary>The float parameters, then one array of the ranges (min, max per step).</summary>
    public float[][] Snapshot()
    {
        var snapshot = Float.Snapshot().ToList();
        snapshot.Add(_min.Zip(_max, (a, b) => new[] { a, b }).SelectMany(x => x).ToArray());
        return snapshot.ToArray();
    }

    public void Restore(float[][] snapshot)
    {
        Float.Restore(snapshot);
        if (snapshot.Length == _master.Length + 1)
        {
            float[] ranges = snapshot[^1];
            for (int s = 0; s < _steps.Count; s++)
            {
                _min[s] = ranges[2 * s];
                _max[s] = ranges[(2 * s) + 1];
            }

            UpdateGrids();
        }
    }

    private float[] Run(float[] windows, int offset, bool observe)
    {
        SnapWeights();
        var layers = _shadow.Layers;
        float[] input = _activations[0];
        for (int i = 0; i < input.Length; i++)
        {
            // The int8 input tensor holds the raw value rounded and clamped; its scale is the input scale.
            input[i] = (float)(Math.Clamp(Math.Round(windows[offset + i], MidpointRounding.AwayFromZero), -128, 127) * InputScale);
        }

        for (int i = 0; i < layers.Count; i++)
        {
            layers[i].Forward(_activations[i], _activations[i + 1]);
            int step = _stepAtOutput[i];
            if (step < 0)
            {
                continue;
            }

            float[] y = _activations[i + 1];
            int n = layers[i].OutputSize;
            if (_steps[step].Requantizes)
            {
                Array.Copy(y, _rawOutputs[step], n);
                SnapOutput(step, y, n, layers[i].OutputChannels, observe);
            }
            else if (layers[i] is GlobalAveragePoolLayer)
            {
                SnapAverage(step, (GlobalAveragePoolLayer)layers[i], _activations[i], y);
            }
        }

        return _activations[layers.Count];
    }

    /// <summary>
    /// Snaps an op's output to its grid the way the int8 op computes it: the accumulator count
    /// (y / (s_in s_w), an integer up to float rounding) requantized with the op's Q31 multiplier and
    /// shift and its double rounding, plus the zero point, clamped. Rounding y / s_out directly would
    /// disagree by one code wherever the exact value sits near a rounding midpoint (about 2^S of the
    /// time for a right shift S), which is what made a plain float snap differ from the runner.
    /// </summary>
    private void SnapOutput(int step, float[] y, int n, int channels, bool observe)
    {
        ActivationGrid grid = _grids[step];
        double[] unit = _accumulatorSteps[step];
        int[] multipliers = _multipliers[step], shifts = _shifts[step];
        for (int k = 0; k < n; k++)
        {
            if (observe)
            {
                _batchMin[step] = Math.Min(_batchMin[step], y[k]);
                _batchMax[step] = Math.Max(_batchMax[step], y[k]);
            }

            int c = k % channels;
            double count = Math.Clamp(Math.Round(y[k] / unit[c], MidpointRounding.AwayFromZero), int.MinValue, int.MaxValue);
            int code = Requantize.ToActivation((int)count, multipliers[c], shifts[c], grid.ZeroPoint, grid.Min, grid.Max);
            y[k] = grid.Real(code);
        }
    }

    /// <summary>The int8 average pool sums codes and rounds the quotient half away from zero in code space.</summary>
    private void SnapAverage(int step, GlobalAveragePoolLayer pool, float[] input, float[] output)
    {
        ActivationGrid grid = InputGrid(step);
        int channels = pool.OutputChannels;
        int count = pool.InputLength;
        for (int c = 0; c < channels; c++)
        {
            int sum = 0;
            for (int t = 0; t < count; t++)
            {
                sum += (int)Math.Round((input[(t * channels) + c] / grid.Scale) + grid.ZeroPoint);
            }

            int average = sum > 0 ? (sum + (count / 2)) / count : (sum - (count / 2)) / count;
            output[c] = grid.Real(average);
        }
    }

    /// <summary>The grid of the tensor a step reads (the last requantizing step before it, or the input).</summary>
    private ActivationGrid InputGrid(int step)
    {
        for (int s = step - 1; s >= 0; s--)
        {
            if (_steps[s].Requantizes)
            {
                return _grids[s];
            }
        }

        return new ActivationGrid(InputScale, 0, -128, 127);
    }

    private void SnapWeights()
    {
        for (int s = 0; s < _steps.Count; s++)
        {
            if (!_steps[s].Requantizes)
            {
                continue;
            }

            Layer master = Float.Layers[_layerOf[s]];
            Layer snapped = _shadow.Layers[_layerOf[s]];
            float[] w = master.Parameters[0].Values, b = master.Parameters[1].Values;
            double[] scales = _weightScales[s];
            if (master is DepthwiseConv1dTrainingLayer)
            {
                FakeQuantization.PerChannelInnermost(w, snapped.Parameters[0].Values, master.OutputChannels, scales);
            }
            else
            {
                FakeQuantization.PerChannel(w, snapped.Parameters[0].Values, master.OutputChannels, scales);
            }

            double inputScale = InputGrid(s).Scale;
            FakeQuantization.Bias(b, snapped.Parameters[1].Values, inputScale, scales);
            for (int c = 0; c < scales.Length; c++)
            {
                _accumulatorSteps[s][c] = inputScale * scales[c];
                var m = QuantizedMultiplier.FromReal(inputScale * scales[c] / _grids[s].Scale);
                _multipliers[s][c] = m.Multiplier;
                _shifts[s][c] = m.Shift;
            }
        }
    }

    private void EndBatch()
    {
        if (RangeMomentum < 1)
        {
            for (int s = 0; s < _steps.Count; s++)
            {
                if (_steps[s].Requantizes && _batchMin[s] <= _batchMax[s])
                {
                    _min[s] = (float)((RangeMomentum * _min[s]) + ((1 - RangeMomentum) * _batchMin[s]));
                    _max[s] = (float)((RangeMomentum * _max[s]) + ((1 - RangeMomentum) * _batchMax[s]));
                }
            }

            UpdateGrids();
        }

        ResetBatch();
    }

    private void ResetBatch()
    {
        _batchCount = 0;
        Array.Fill(_batchMin, float.MaxValue);
        Array.Fill(_batchMax, float.MinValue);
    }

    private void UpdateGrids()
    {
        for (int s = 0; s < _steps.Count; s++)
        {
            _grids[s] = ActivationGrid.From(_min[s], _max[s], _steps[s].Relu);
        }
    }
}
