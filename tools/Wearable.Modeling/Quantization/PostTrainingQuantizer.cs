using Wearable.Kernels.Cnn;
using FrontEndConfig = Wearable.Kernels.Model.FrontEndConfig;
using InputDescription = Wearable.Kernels.Model.InputDescription;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.ModelFiles;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Quantization;

/// <summary>How activation ranges are taken from the calibration windows.</summary>
public enum CalibrationRange
{
    /// <summary>The smallest and largest value seen (no clipping, coarser steps).</summary>
    MinMax,

    /// <summary>The 0.01 % / 99.99 % quantiles: clips rare outliers for finer steps.</summary>
    Percentile,
}

/// <summary>
/// Settings of one post-training quantization. Nothing here is specific to a data set: the input's rate,
/// decision hop and labels come from the caller (<see cref="MyoArmbandProtocol.QuantizationOptions"/> for
/// the Myo armband, the float model's card for one's own recordings).
/// </summary>
public sealed class QuantizationOptions
{
    public CalibrationRange Range { get; set; } = CalibrationRange.MinMax;

    /// <summary>Tail fraction clipped on each side with <see cref="CalibrationRange.Percentile"/>.</summary>
    public double PercentileTail { get; set; } = 1e-4;

    public string Name { get; set; } = "gesture-cnn-int8";

    public string Description { get; set; } = "";

    /// <summary>Input rate in milli-hertz; required (the device refuses a model for another rate).</summary>
    public int SampleRateMilliHz { get; set; }

    /// <summary>Hop between decisions in input samples; 0 = a quarter of the window.</summary>
    public int HopSamples { get; set; }

    /// <summary>Class names in label order; missing names become "class k".</summary>
    public string[] Labels { get; set; } = [];

    /// <summary>
    /// Null: the float model was trained on the device's raw counts in int8 range (the Myo armband), which
    /// reach the CNN unchanged. Set: the model was trained on physical units (e.g. µV from an EDF+ file)
    /// and one device count is this many of them; the front end then scales counts so the calibration
    /// windows' peak fills the int8 input.
    /// </summary>
    public double? InputUnitsPerCount { get; set; }

    /// <summary>
    /// For a file that is only scored on the host (experiments comparing float and int8) and never pushed
    /// to a device: its rate field holds a 1 mHz placeholder, since the host runner ignores it.
    /// </summary>
    public static QuantizationOptions HostScoringOnly() => new() { SampleRateMilliHz = 1, Description = "scored on the host only" };
}

/// <summary>The quantized model file and what was decided on the way (scales per tensor, op list).</summary>
public sealed record QuantizedModel(byte[] File, IReadOnlyList<string> Ops, IReadOnlyList<(double Scale, int ZeroPoint)> Tensors, double InputScale, int InputZeroPoint);

/// <summary>
/// Post-training int8 quantization of a trained float CNN (<see cref="Network"/>) as TFLite does it:
/// activation ranges per tensor from calibration windows (asymmetric int8, the range always holding
/// real 0), weights symmetric per output channel, biases int32 at s_in * s_w, requantization (M, S)
/// per channel via <see cref="QuantizedMultiplier.FromReal"/>; ReLU is fused into the preceding
/// conv / dense as its clamp; dropout is the identity at inference; the head is dense -> softmax.
/// The float model's input normalisation (x * InputScale) is folded into the input tensor's scale:
/// the int8 input holds raw Myo values (int8 range) with scale InputScale and zero point 0.
/// </summary>
public static class PostTrainingQuantizer
{
    public static QuantizedModel Quantize(IClassifierModel model, WindowSet calibration, QuantizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Network[] members = Members(model);
        if (calibration.Count == 0)
        {
            throw new ArgumentException("No calibration windows: quantization needs at least one window of the data the model will see.", nameof(calibration));
        }

        var ranges = members.Select(m => CalibrateRanges(m, calibration, options)).ToArray();
        return Build(members, ranges, calibration, options);
    }

    /// <summary>
    /// The activation range of every step of <see cref="Steps"/> from float forward passes over
    /// <paramref name="calibration"/> (what <see cref="Quantize(IClassifierModel, WindowSet, QuantizationOptions?)"/> uses).
    /// </summary>
    public static (double Min, double Max)[] CalibrateRanges(IClassifierModel model, WindowSet calibration, QuantizationOptions? options = null)
    {
        var network = AsNetwork(model);
        if (calibration.Count == 0 || calibration.Channels != network.InputChannels || calibration.Length != network.InputLength)
        {
            throw new ArgumentException("Calibration windows must be non-empty and shaped " + network.InputLength + " x " + network.InputChannels + ".", nameof(calibration));
        }

        return Calibrate(network, calibration, Plan(network), options ?? new QuantizationOptions());
    }

    /// <summary>
    /// Exports one CNN with given activation ranges, one per step of <see cref="Steps"/> (pool steps' entries are
    /// unused: pools keep their input's quantization). Quantization-aware training learns these ranges.
    /// </summary>
    public static QuantizedModel Quantize(IClassifierModel model, IReadOnlyList<(double Min, double Max)> ranges, QuantizationOptions options)
    {
        var network = AsNetwork(model);
        int steps = Plan(network).Count;
        if (ranges.Count != steps)
        {
            throw new ArgumentException(ranges.Count + " activation ranges for " + steps + " int8 steps.", nameof(ranges));
        }

        ArgumentNullException.ThrowIfNull(options);
        return Build(new[] { network }, new[] { ranges.ToArray() }, null, options);
    }

    /// <summary>The model file of one CNN, or of an ensemble (whose logit sums are ranged on <paramref name="calibration"/>).</summary>
    private static QuantizedModel Build(Network[] members, (double Min, double Max)[][] ranges, WindowSet? calibration, QuantizationOptions options)
    {
        Network network = members[0];
        if (options.SampleRateMilliHz <= 0)
        {
            throw new ArgumentException("QuantizationOptions.SampleRateMilliHz is required: the device runs the model only at the rate it was trained for.", nameof(options));
        }

        InputScaling scaling = InputScaling.For(network, calibration, options);
        int hop = options.HopSamples > 0 ? options.HopSamples : Math.Max(1, network.InputLength / 4);
        var builder = new ModelFileBuilder
        {
            Name = options.Name,
            Description = options.Description,
            Input = new InputDescription
            {
                Channels = network.InputChannels,
                SampleRateMilliHz = options.SampleRateMilliHz,
                Unit = InputDescription.UnitRaw,
                NanoUnitsPerLsb = 1_000_000_000,
                WindowSamples = network.InputLength,
                HopSamples = Math.Min(hop, network.InputLength),
            },
        };
        builder.Labels.AddRange(Enumerable.Range(0, network.Classes).Select(k => k < options.Labels.Length ? options.Labels[k] : "class " + k));

        // A pass-through front end (no filter, envelope, features or encoder) so ModelPipeline on the
        // device feeds raw int16 samples to the CNN through one requantization: the identity for models
        // trained on raw counts, counts -> int8 steps for models trained on physical units.
        builder.FrontEnd = new FrontEndConfig
        {
            Channels = network.InputChannels,
            EncoderKind = FrontEndConfig.EncoderNone,
            CnnInputQuantTable = builder.AddQuantTable(Enumerable.Repeat(scaling.CountsToInt8.Multiplier, network.InputChannels).ToArray(), Enumerable.Repeat(scaling.CountsToInt8.Shift, network.InputChannels).ToArray()),
        };

        // Input: one int8 step is UnitsPerStep training units, and the float model sees units x InputScale.
        double inScale = network.InputScale * scaling.UnitsPerStep;
        int inZero = 0;
        var tensors = new List<(double Scale, int ZeroPoint)> { (inScale, inZero) };
        var ops = new List<string>();
        int input = builder.AddTensor(network.InputLength, network.InputChannels, inZero, (float)inScale);
        builder.GraphInput = input;
        var heads = members.Select((m, k) => EmitNetwork(builder, m, ranges[k], input, inScale, inZero, tensors, ops)).ToArray();
        var (current, s, z, channels) = heads[0];
        if (members.Length > 1)
        {
            (current, s, z) = EmitLogitSum(builder, members, calibration ?? throw new ArgumentException("An ensemble needs calibration windows for its logit sums.", nameof(calibration)), heads, tensors, ops);
        }

        // Softmax head: output scale 1/256, zero point -128 as the int8 softmax requires. An ensemble's
        // head sees the sum of the members' logits; scaling the table's input by 1/N makes it the
        // softmax of their mean, as in the float ensemble.
        int probabilities = builder.AddTensor(1, channels, -128, 1f / 256);
        builder.AddSoftmax(current, probabilities, QuantizedReference.SoftmaxTable(s / members.Length));
        ops.Add("softmax");
        tensors.Add((1.0 / 256, -128));
        builder.GraphOutput = probabilities;
        return new QuantizedModel(builder.Build(), ops, tensors, inScale, inZero);
    }

    /// <summary>The CNNs a model is made of: itself, or every member of an ensemble of CNNs.</summary>
    private static Network[] Members(IClassifierModel model)
    {
        if (!ClassifierModels.IsCnnOnly(model))
        {
            throw new NotSupportedException(
                "Only feed-forward CNNs (Network) and ensembles of them map to the int8 ops; '" + model.Spec + "' is " + model.GetType().Name +
                " (spiking layers have no int8 CNN op: export spiking models through the spiking section instead).");
        }

        Network[] members = ClassifierModels.Cnns(model);
        if (members.Any(m => m.InputScale != members[0].InputScale))
        {
            throw new NotSupportedException("Ensemble members must share one input scale to share the int8 input tensor.");
        }

        return members;
    }

    /// <summary>
    /// Ensemble head: the members' logits added one by one with the int8 add op (TFLite's rescaling),
    /// each partial sum quantized to the range it takes on the calibration windows.
    /// </summary>
    private static (int Tensor, double Scale, int ZeroPoint) EmitLogitSum(
        ModelFileBuilder builder, Network[] members, WindowSet calibration, (int Tensor, double Scale, int ZeroPoint, int Channels)[] heads,
        List<(double Scale, int ZeroPoint)> tensors, List<string> ops)
    {
        const int LeftShift = 20;
        var ranges = Enumerable.Range(0, members.Length).Select(_ => (Min: double.MaxValue, Max: double.MinValue)).ToArray();
        foreach (var m in members)
        {
            m.SetTraining(null);
        }

        var sum = new double[heads[0].Channels];
        for (int w = 0; w < calibration.Count; w++)
        {
            Array.Clear(sum);
            for (int k = 0; k < members.Length; k++)
            {
                float[] logits = members[k].Forward(calibration.Data, w * calibration.WindowSize);
                for (int c = 0; c < sum.Length; c++)
                {
                    sum[c] += logits[c];
                    ranges[k].Min = Math.Min(ranges[k].Min, sum[c]);
                    ranges[k].Max = Math.Max(ranges[k].Max, sum[c]);
                }
            }
        }

        var (current, s, z, channels) = heads[0];
        for (int k = 1; k < members.Length; k++)
        {
            var (outScale, outZero) = ActivationQuantization(ranges[k].Min, ranges[k].Max);
            var (t2, s2, z2, _) = heads[k];
            double twiceMax = 2 * Math.Max(s, s2);
            var q1 = QuantizedMultiplier.FromReal(s / twiceMax);
            var q2 = QuantizedMultiplier.FromReal(s2 / twiceMax);
            var qo = QuantizedMultiplier.FromReal(twiceMax / ((1 << LeftShift) * outScale));
            int output = builder.AddTensor(1, channels, outZero, (float)outScale);
            builder.AddAdd(current, t2, output, LeftShift, new QuantizedPair(q1.Multiplier, q1.Shift), new QuantizedPair(q2.Multiplier, q2.Shift), new QuantizedPair(qo.Multiplier, qo.Shift));
            ops.Add("add (ensemble logits " + (k + 1) + " of " + members.Length + ")");
            tensors.Add((outScale, outZero));
            (current, s, z) = (output, outScale, outZero);
        }

        return (current, s, z);
    }

    /// <summary>Emits one CNN's ops from the shared input tensor to its logits; returns the logits tensor and its quantization.</summary>
    private static (int Tensor, double Scale, int ZeroPoint, int Channels) EmitNetwork(
        ModelFileBuilder builder, Network network, (double Min, double Max)[] ranges, int input, double inScale, int inZero,
        List<(double Scale, int ZeroPoint)> tensors, List<string> ops)
    {
        var plan = Plan(network);
        int current = input;
        double s = inScale;
        int z = inZero;
        int length = network.InputLength;
        int channels = network.InputChannels;
        for (int i = 0; i < plan.Count; i++)
        {
            Step step = plan[i];
            Layer layer = step.Layer;
            if (layer is MaxPool1dLayer pool)
            {
                int t = builder.AddTensor(layer.OutputLength, layer.OutputChannels, z, (float)s);
                builder.AddPool(false, current, t, pool.Size, pool.Size, Padding1d.Valid);
                ops.Add("max_pool1d " + pool.Size);
                tensors.Add((s, z));
                current = t;
                length = layer.OutputLength;
                continue;
            }

            if (layer is GlobalAveragePoolLayer)
            {
                int t = builder.AddTensor(1, layer.OutputChannels, z, (float)s);
                builder.AddPool(true, current, t, length, length, Padding1d.Valid);
                ops.Add("avg_pool1d " + length + " (global)");
                tensors.Add((s, z));
                current = t;
                length = 1;
                continue;
            }

            (double outScale, int outZero) = ActivationQuantization(ranges[i].Min, ranges[i].Max);
            string activation = step.Relu ? "relu" : "none";
            (int actMin, int actMax) = WeightQuantizer.ActivationRange(activation, outScale, outZero);
            int outLength = layer is DenseTrainingLayer ? 1 : layer.OutputLength;
            int output = builder.AddTensor(outLength, layer.OutputChannels, outZero, (float)outScale);
            switch (layer)
            {
                case Conv1dTrainingLayer conv:
                {
                    (sbyte[] qw, double[] ws, int table, int[] qb) = PerChannel(builder, conv.Weights.Values, conv.Bias.Values, conv.OutputChannels, s, outScale, innermost: false);
                    if (conv.Kernel == 1)
                    {
                        builder.AddPointwiseConv(current, output, conv.OutputChannels, qw, qb, table, actMin, actMax);
                        ops.Add("pointwise_conv " + conv.OutputChannels + (step.Relu ? " relu" : ""));
                    }
                    else
                    {
                        builder.AddConv1d(current, output, conv.Kernel, conv.OutputChannels, 1, 1, Padding1d.Valid, qw, qb, table, actMin, actMax);
                        ops.Add("conv1d " + conv.OutputChannels + " k" + conv.Kernel + " valid" + (step.Relu ? " relu" : ""));
                    }

                    break;
                }

                case DepthwiseConv1dTrainingLayer dw:
                {
                    (sbyte[] qw, double[] ws, int table, int[] qb) = PerChannel(builder, dw.Weights.Values, dw.Bias.Values, dw.OutputChannels, s, outScale, innermost: true);
                    builder.AddDepthwiseConv1d(current, output, dw.Kernel, 1, 1, 1, Padding1d.Valid, qw, qb, table, actMin, actMax);
                    ops.Add("depthwise_conv1d k" + dw.Kernel + " valid" + (step.Relu ? " relu" : ""));
                    break;
                }

                case DenseTrainingLayer dense:
                {
                    (sbyte[] qw, double[] ws, int table, int[] qb) = PerChannel(builder, dense.Weights.Values, dense.Bias.Values, dense.OutputChannels, s, outScale, innermost: false);
                    builder.AddDense(current, output, dense.OutputChannels, qw, qb, table, actMin, actMax);
                    ops.Add("dense " + dense.OutputChannels + " (per-unit scales)" + (step.Relu ? " relu" : ""));
                    break;
                }

                default:
                    throw new NotSupportedException("Layer '" + layer.Spec + "' has no int8 op; supported: conv, pw, dw, relu (fused), maxpool, gap, dropout (identity), dense.");
            }

            tensors.Add((outScale, outZero));
            current = output;
            s = outScale;
            z = outZero;
            length = outLength;
            channels = layer.OutputChannels;
        }

        return (current, s, z, channels);
    }

    /// <summary>Raw Myo samples (int8 range, held as floats or int16) to the int8 input tensor: the identity with a clamp, since the scale folds the normalisation.</summary>
    public static void QuantizeInput(float[] windows, int offset, sbyte[] destination, int count, double inputScale, double floatInputScale, int zeroPoint)
    {
        double factor = floatInputScale / inputScale;
        for (int i = 0; i < count; i++)
        {
            double q = zeroPoint + Math.Round(windows[offset + i] * factor, MidpointRounding.AwayFromZero);
            destination[i] = (sbyte)Math.Clamp(q, -128, 127);
        }
    }

    /// <summary>Asymmetric int8 for [min, max] widened to hold 0 (so ReLU's 0 and padding are exact): TFLite's ChooseQuantizationParams.</summary>
    public static (double Scale, int ZeroPoint) ActivationQuantization(double min, double max)
    {
        min = Math.Min(min, 0);
        max = Math.Max(max, 0);
        if (max - min < 1e-9)
        {
            max = min + 1e-3;
        }

        double scale = (max - min) / 255.0;
        int zero = (int)Math.Clamp(Math.Round(-128 - min / scale, MidpointRounding.AwayFromZero), -128, 127);
        return (scale, zero);
    }

    /// <summary>
    /// The int8 ops a network maps to, in order: dropout dropped, ReLU fused into the layer before it.
    /// <see cref="Step.LastFloatIndex"/> is the float layer whose output the op's output tensor holds.
    /// </summary>
    public static IReadOnlyList<Step> Steps(IClassifierModel model) => Plan(AsNetwork(model));

    private static Network AsNetwork(IClassifierModel model) => model as Network ?? throw new NotSupportedException(
        "Only feed-forward CNNs (Network) map to the int8 ops; '" + model.Spec + "' is " + model.GetType().Name +
        " (one CNN here; spiking layers have no int8 CNN op: export spiking models through the spiking section instead).");

    /// <summary>One int8 op: the float layer it maps, whether a ReLU is fused, the index of the last float layer it covers.</summary>
    public sealed record Step(Layer Layer, bool Relu, int LastFloatIndex)
    {
        /// <summary>Whether the op requantizes to a new scale (conv, dw, pw, dense); pools keep their input's.</summary>
        public bool Requantizes => Layer is Conv1dTrainingLayer or DepthwiseConv1dTrainingLayer or DenseTrainingLayer;
    }

    private static List<Step> Plan(Network network)
    {
        var steps = new List<Step>();
        var layers = network.Layers;
        for (int i = 0; i < layers.Count; i++)
        {
            Layer layer = layers[i];
            if (layer is DropoutLayer)
            {
                continue;
            }

            if (layer is ReluLayer)
            {
                if (steps.Count > 0 && steps[^1].Layer is Conv1dTrainingLayer or DepthwiseConv1dTrainingLayer or DenseTrainingLayer && !steps[^1].Relu)
                {
                    steps[^1] = steps[^1] with { Relu = true, LastFloatIndex = i };
                    continue;
                }

                throw new NotSupportedException("A ReLU that does not follow conv / dw / pw / dense has no int8 op (layer " + i + ").");
            }

            steps.Add(new Step(layer, false, i));
        }

        return steps;
    }

    /// <summary>Runs the float network over the calibration windows and records each step's output range.</summary>
    private static (double Min, double Max)[] Calibrate(Network network, WindowSet calibration, List<Step> plan, QuantizationOptions options)
    {
        var layers = network.Layers;
        var activations = new float[layers.Count + 1][];
        activations[0] = new float[network.InputLength * network.InputChannels];
        for (int i = 0; i < layers.Count; i++)
        {
            activations[i + 1] = new float[layers[i].OutputSize];
        }

        network.SetTraining(null);
        var samples = plan.Select(_ => new List<float>()).ToArray();
        var ranges = plan.Select(_ => (Min: double.MaxValue, Max: double.MinValue)).ToArray();
        for (int w = 0; w < calibration.Count; w++)
        {
            int offset = w * calibration.WindowSize;
            for (int i = 0; i < activations[0].Length; i++)
            {
                activations[0][i] = calibration.Data[offset + i] * network.InputScale;
            }

            for (int i = 0; i < layers.Count; i++)
            {
                layers[i].Forward(activations[i], activations[i + 1]);
            }

            for (int p = 0; p < plan.Count; p++)
            {
                float[] y = activations[plan[p].LastFloatIndex + 1];
                foreach (float v in y)
                {
                    ranges[p].Min = Math.Min(ranges[p].Min, v);
                    ranges[p].Max = Math.Max(ranges[p].Max, v);
                }

                if (options.Range == CalibrationRange.Percentile)
                {
                    samples[p].AddRange(y);
                }
            }
        }

        if (options.Range == CalibrationRange.Percentile)
        {
            for (int p = 0; p < plan.Count; p++)
            {
                samples[p].Sort();
                int n = samples[p].Count;
                int k = (int)Math.Floor(options.PercentileTail * n);
                ranges[p] = (samples[p][k], samples[p][n - 1 - k]);
            }
        }

        return ranges;
    }

    private static (sbyte[] Weights, double[] Scales, int Table, int[] Bias) PerChannel(
        ModelFileBuilder builder, float[] weights, float[] bias, int channels, double inScale, double outScale, bool innermost)
    {
        double[] w = weights.Select(v => (double)v).ToArray();
        (sbyte[] qw, double[] ws) = innermost ? WeightQuantizer.PerChannelInnermost(w, channels) : WeightQuantizer.PerChannel(w, channels);
        var m = ws.Select(sw => QuantizedMultiplier.FromReal(inScale * sw / outScale)).ToArray();
        int table = builder.AddQuantTable(m.Select(q => q.Multiplier).ToArray(), m.Select(q => q.Shift).ToArray());
        int[] qb = bias.Select((b, c) => WeightQuantizer.QuantizeBias(b, inScale, ws[c])).ToArray();
        return (qw, ws, table, qb);
    }
}
