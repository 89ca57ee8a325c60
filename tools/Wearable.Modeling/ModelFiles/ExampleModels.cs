using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;
using Wearable.Modeling.Quantization;

namespace Wearable.Modeling.ModelFiles;

/// <summary>
/// Example model files built from seeded random weights (NOT trained: training is a later issue).
/// They exercise the whole container and runner with realistic shapes: an 8-channel sEMG front end,
/// two conv layers, a dense classifier and a softmax. Scales are calibrated on random inputs so
/// activations do not sit at the clamp bounds.
/// Regenerate: dotnet run --project tools/Wearable.Cli -- model example --out models/examples/random-emg-cnn-8ch.wmdl
/// </summary>
public static class ExampleModels
{
    public const int DefaultSeed = 4;
    public const string RandomEmgCnnFileName = "random-emg-cnn-8ch.wmdl";

    public static readonly string[] GestureLabels = { "rest", "fist", "open", "pinch", "wrist-flexion", "wrist-extension" };

    public static byte[] RandomEmgCnn(int seed = DefaultSeed, int frames = 32, int channels = 8, int hidden = 16)
    {
        var random = new Random(seed);
        var builder = new ModelFileBuilder
        {
            Name = "random-emg-cnn-8ch (untrained, seed " + seed + ")",
            Description = "Example only: random-but-seeded weights, NOT trained. 8-channel wrist sEMG at 2 kHz -> high-pass 20 Hz -> "
                + "MAV over 50-sample windows every 25 samples (rectified 5 Hz envelope as the sample stream) -> int8 [32 x 8] -> "
                + "conv1d k5 same ReLU -> conv1d k3 s2 d2 causal ReLU6 -> dense 6 -> softmax. Built by Wearable.Modeling.ModelFiles.ExampleModels.",
            Input = new InputDescription
            {
                Channels = channels,
                SampleRateMilliHz = 2_000_000,
                Unit = InputDescription.UnitMicrovolt,
                NanoUnitsPerLsb = 195_000_000,
                WindowSamples = 25 * (frames - 1) + 50,
                HopSamples = 100,
            },
            FrontEnd = new FrontEndConfig
            {
                Channels = channels,
                CoefficientFracBits = 30,
                GuardBits = 4,
                FilterStages = BiquadDesign.Quantize(BiquadDesign.HighPass(20, 2000), 30),
                EnvelopeKind = FrontEndConfig.EnvelopeRectifyLowPass,
                EnvelopeStages = BiquadDesign.Quantize(BiquadDesign.LowPass(5, 2000), 30),
                FeatureWindow = 50,
                FeatureHop = 25,
                FeatureMask = FrontEndConfig.FeatureMav,
                SlopeSignChangeThreshold = 1,
                EncoderKind = FrontEndConfig.EncoderNone,
            },
        };
        builder.Labels.AddRange(GestureLabels);

        const double inputScale = 1.0 / 16;
        var w1 = RandomWeights(random, hidden * 5 * channels, 5 * channels);
        var b1 = RandomBias(random, hidden);
        var w2 = RandomWeights(random, hidden * 3 * hidden, 3 * hidden);
        var b2 = RandomBias(random, hidden);
        int frames2 = ConvGeometry.OutputLength(frames, 3, 2, 2, Padding1d.Causal);
        var w3 = RandomWeights(random, GestureLabels.Length * frames2 * hidden, frames2 * hidden);
        var b3 = RandomBias(random, GestureLabels.Length);

        // Calibrate each layer's output scale on random inputs with a float forward pass.
        var calibration = Enumerable.Range(0, 16).Select(_ => Enumerable.Range(0, frames * channels).Select(_ => (random.NextDouble() * 2 - 1) * 6).ToArray()).ToList();
        var h1 = calibration.Select(x => FloatConv(x, frames, channels, w1, b1, hidden, 5, 1, 1, Padding1d.Same, relu6: false)).ToList();
        var h2 = h1.Select(x => FloatConv(x, frames, hidden, w2, b2, hidden, 3, 2, 2, Padding1d.Causal, relu6: true)).ToList();
        var logits = h2.Select(x => FloatDense(x, w3, b3)).ToList();
        double s1 = h1.SelectMany(v => v).Max() / 255;
        double s2 = 6.0 / 255;
        double s3 = logits.SelectMany(v => v).Select(Math.Abs).Max() / 127;

        // Front end -> CNN input: MAV in guarded LSB (2^4 per LSB) scaled so 1000 LSB of envelope is one unit.
        var feature = QuantizedMultiplier.FromReal(inputScale == 0 ? 0 : 1.0 / (16 * 1000 * inputScale));
        builder.FrontEnd!.CnnInputQuantTable = builder.AddQuantTable(Enumerable.Repeat(feature.Multiplier, channels).ToArray(), Enumerable.Repeat(feature.Shift, channels).ToArray());

        int t0 = builder.AddTensor(frames, channels, 0, (float)inputScale);
        int t1 = builder.AddTensor(frames, hidden, -128, (float)s1);
        int t2 = builder.AddTensor(frames2, hidden, -128, (float)s2);
        int t3 = builder.AddTensor(1, GestureLabels.Length, 0, (float)s3);
        int t4 = builder.AddTensor(1, GestureLabels.Length, -128, 1f / 256);
        builder.GraphInput = t0;
        builder.GraphOutput = t4;

        AddConv(builder, t0, t1, w1, b1, hidden, 5, 1, 1, Padding1d.Same, inputScale, s1, -128, "relu");
        AddConv(builder, t1, t2, w2, b2, hidden, 3, 2, 2, Padding1d.Causal, s1, s2, -128, "relu6");
        (sbyte[] qw3, double sw3) = WeightQuantizer.PerTensor(w3);
        var m3 = QuantizedMultiplier.FromReal(s2 * sw3 / s3);
        int q3 = builder.AddQuantTable(new[] { m3.Multiplier }, new[] { m3.Shift });
        builder.AddDense(t2, t3, GestureLabels.Length, qw3, b3.Select(b => WeightQuantizer.QuantizeBias(b, s2, sw3)).ToArray(), q3);
        builder.AddSoftmax(t3, t4, QuantizedReference.SoftmaxTable(s3));
        return builder.Build();
    }

    private static void AddConv(ModelFileBuilder builder, int input, int output, double[] w, double[] b, int cout, int k, int stride, int dilation,
        Padding1d padding, double inScale, double outScale, int outZero, string activation)
    {
        (sbyte[] qw, double[] ws) = WeightQuantizer.PerChannel(w, cout);
        var m = ws.Select(s => QuantizedMultiplier.FromReal(inScale * s / outScale)).ToArray();
        int table = builder.AddQuantTable(m.Select(q => q.Multiplier).ToArray(), m.Select(q => q.Shift).ToArray());
        int[] qb = b.Select((v, c) => WeightQuantizer.QuantizeBias(v, inScale, ws[c])).ToArray();
        (int min, int max) = WeightQuantizer.ActivationRange(activation, outScale, outZero);
        builder.AddConv1d(input, output, k, cout, stride, dilation, padding, qw, qb, table, min, max);
    }

    private static double[] RandomWeights(Random r, int n, int fanIn) =>
        Enumerable.Range(0, n).Select(_ => Gaussian(r) * Math.Sqrt(2.0 / fanIn)).ToArray();

    private static double[] RandomBias(Random r, int n) => Enumerable.Range(0, n).Select(_ => 0.1 * Gaussian(r)).ToArray();

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static double[] FloatConv(double[] x, int length, int cin, double[] w, double[] b, int cout, int k, int stride, int dilation, Padding1d padding, bool relu6)
    {
        int outLength = ConvGeometry.OutputLength(length, k, stride, dilation, padding);
        int pad = ConvGeometry.PadLeft(length, k, stride, dilation, padding);
        var y = new double[outLength * cout];
        for (int t = 0; t < outLength; t++)
        {
            for (int o = 0; o < cout; o++)
            {
                double acc = b[o];
                for (int tap = 0; tap < k; tap++)
                {
                    int pos = t * stride - pad + tap * dilation;
                    if (pos < 0 || pos >= length)
                    {
                        continue;
                    }

                    for (int c = 0; c < cin; c++)
                    {
                        acc += x[pos * cin + c] * w[(o * k + tap) * cin + c];
                    }
                }

                y[t * cout + o] = Math.Clamp(acc, 0, relu6 ? 6 : double.MaxValue);
            }
        }

        return y;
    }

    private static double[] FloatDense(double[] x, double[] w, double[] b) =>
        b.Select((bias, o) => bias + x.Select((v, i) => v * w[o * x.Length + i]).Sum()).ToArray();
}
