using Wearable.Kernels.Dsp;
using Wearable.Kernels.Spiking;
using Wearable.Modeling.Dsp;
using Wearable.Modeling.Reference;
using Wearable.Modeling.Spiking;

namespace Wearable.Modeling.Golden;

/// <summary>
/// Generates every committed golden-vector file from the host-only integer-rule references
/// (Wearable.Modeling.Reference) with fixed seeds. The same call must reproduce the committed bytes;
/// a test checks that, and setting WEARABLE_WRITE_GOLDEN=1 while running it rewrites the files.
/// </summary>
public static class GoldenVectorGenerator
{
    /// <summary>Relative path under tests/golden and the function that builds the file.</summary>
    public static IReadOnlyList<(string Path, Func<GoldenVectorFile> Build)> Cases { get; } =
    [
        ("dsp/biquad_emg_chain.wgv", BiquadEmgChain),
        ("dsp/biquad_eeg_chain.wgv", BiquadEegChain),
        ("dsp/dc_blocker.wgv", DcBlocker),
        ("dsp/envelope.wgv", Envelope),
        ("dsp/window_features.wgv", WindowFeatures),
        ("dsp/goertzel.wgv", Goertzel),
        ("spiking/delta_encoder.wgv", Delta),
        ("spiking/lif.wgv", () => Population(11, cuba: false, fractionBits: 14, weightFractionBits: 6)),
        ("spiking/lif_saturating.wgv", () => Population(12, cuba: false, fractionBits: 30, weightFractionBits: 8)),
        ("spiking/cuba_lif.wgv", () => Population(13, cuba: true, fractionBits: 14, weightFractionBits: 6)),
        ("spiking/l2mu.wgv", L2mu),
    ];

    /// <summary>The small L2MU the golden file is built from (rebuilt from seed by L2muFactory).</summary>
    public static readonly L2muShape GoldenL2muShape = new(Channels: 3, PopulationSize: 4, EncoderSize: 8, InputSpikes: 8, MemorySize: 2, Order: 4, HiddenSize: 12, Outputs: 4, Theta: 10);

    public const int GoldenL2muSeed = 21;

    public static void WriteAll(string goldenRoot)
    {
        foreach (var (path, build) in Cases)
        {
            string full = Path.Combine(goldenRoot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, build().ToBytes());
        }
    }

    /// <summary>Noise, a chirp and full-scale steps: exercises the passband, the stopband and the headroom.</summary>
    public static short[] TestSignal(int seed, int channels, int frames)
    {
        var random = new Random(seed);
        var x = new short[channels * frames];
        for (int n = 0; n < frames; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                double v = (c % 3) switch
                {
                    0 => random.Next(-12000, 12000),
                    1 => 30000 * Math.Sin(2 * Math.PI * (0.001 * n + 0.0004 * n * n / 2)),
                    _ => (n / 97) % 2 == 0 ? 32767 : -32768,
                };
                x[n * channels + c] = (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue);
            }
        }

        return x;
    }

    private static GoldenVectorFile Biquad(BiquadSection[] design, int guardBits, int seed, int channels, int frames)
    {
        BiquadCascadeParameters q = FilterDesign.Quantize(design, guardBits);
        short[] x = TestSignal(seed, channels, frames);
        return new GoldenVectorFile()
            .Add("coefficients", q.Coefficients)
            .Add("config", [guardBits, channels])
            .Add("x", x)
            .Add("y", BiquadIntegerReference.Run(q.Coefficients, guardBits, x, channels));
    }

    private static GoldenVectorFile BiquadEmgChain() =>
        Biquad([.. FilterDesign.ButterworthHighPass(2, 20, 2000), .. FilterDesign.Notch(50, 20, 2000), .. FilterDesign.ButterworthLowPass(2, 450, 2000)], 8, 1, 3, 500);

    private static GoldenVectorFile BiquadEegChain() =>
        Biquad([.. FilterDesign.ButterworthHighPass(2, 0.5, 256), .. FilterDesign.Notch(50, 20, 256), .. FilterDesign.ButterworthLowPass(4, 40, 256)], 10, 2, 2, 500);

    private static GoldenVectorFile DcBlocker()
    {
        int pole = FilterDesign.DcBlockerPole(0.5, 256);
        short[] x = TestSignal(3, 2, 400);
        return new GoldenVectorFile()
            .Add("config", [pole, 8, 2])
            .Add("x", x)
            .Add("y", BiquadIntegerReference.Run([1 << 30, -(1 << 30), 0, -pole, 0], 8, x, 2));
    }

    private static GoldenVectorFile Envelope()
    {
        BiquadCascadeParameters q = FilterDesign.Quantize(FilterDesign.ButterworthLowPass(2, 5, 2000), 8);
        int[] x = TestSignal(4, 2, 500).Select(v => v << 8).ToArray();
        return new GoldenVectorFile()
            .Add("coefficients", q.Coefficients)
            .Add("config", [8, 2])
            .Add("x", x)
            .Add("y", BiquadIntegerReference.Run(q.Coefficients, x.Select(Math.Abs).ToArray(), 2));
    }

    private static GoldenVectorFile WindowFeatures()
    {
        var p = new WindowFeaturesParameters(64, 16, 300, 90000);
        int[] x = TestSignal(5, 3, 400).Select(v => (int)v).ToArray();
        return new GoldenVectorFile()
            .Add("config", [p.WindowLength, p.Hop, p.ZeroCrossingThreshold, 3])
            .Add("ssc_threshold", [p.SlopeSignChangeThreshold])
            .Add("x", x)
            .Add("features", FeaturesIntegerReference.Run(p, x, 3));
    }

    private static GoldenVectorFile Goertzel()
    {
        int[] coefficients = new[] { 10.0, 20, 30, 40 }.Select(f => FilterDesign.GoertzelCoefficient(f, 256)).ToArray();
        var p = new GoertzelParameters(coefficients, 128, 3);
        int[] x = TestSignal(6, 2, 512).Select(v => (int)v).ToArray();
        return new GoldenVectorFile()
            .Add("coefficients", coefficients)
            .Add("config", [p.BlockLength, p.GuardBits, 2])
            .Add("x", x)
            .Add("power", GoertzelIntegerReference.Run(p, x, 2));
    }

    private static GoldenVectorFile Delta()
    {
        int[] x = TestSignal(7, 3, 300).Select(v => (int)v).ToArray();
        int[] thresholds = [2000, 5000, 800];
        return new GoldenVectorFile()
            .Add("thresholds", thresholds)
            .Add("x", x)
            .Add("spikes", DeltaIntegerReference.Run(x, 3, thresholds));
    }

    private static GoldenVectorFile Population(int seed, bool cuba, int fractionBits, int weightFractionBits)
    {
        var random = new Random(seed);
        const int Neurons = 10, Inputs = 24, Steps = 60;
        int[] decay = Enumerable.Range(0, Neurons).Select(_ => random.Next(0, 4097)).ToArray();
        int[] threshold = Enumerable.Range(0, Neurons).Select(_ => random.Next(0, 1 << Math.Min(fractionBits, 30))).ToArray();
        int[] bias = Enumerable.Range(0, Neurons).Select(_ => random.Next(-40, 40)).ToArray();
        int[] currentDecay = [random.Next(0, 4097)];
        int reset = seed % 2;
        var weights = new sbyte[Inputs * Neurons];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (sbyte)random.Next(-128, 128);
        }

        var spikesIn = new byte[Steps * Inputs];
        for (int i = 0; i < spikesIn.Length; i++)
        {
            spikesIn[i] = (byte)(random.Next(100) < 20 ? 1 : 0);
        }

        PopulationParameters p = cuba
            ? new CuBaLifParameters(Neurons, fractionBits, weightFractionBits, currentDecay, decay, threshold, (ResetMode)reset, bias)
            : new LifParameters(Neurons, fractionBits, weightFractionBits, decay, threshold, (ResetMode)reset, bias);
        var w = new FanOutWeights(Inputs, Neurons, weights, weightFractionBits);
        var reference = new PopulationIntegerReference(p);
        var membrane = new List<int>();
        var current = new List<int>();
        var spikes = new List<byte>();
        for (int t = 0; t < Steps; t++)
        {
            var input = new Int128[Neurons];
            for (int i = 0; i < Neurons; i++)
            {
                for (int j = 0; j < Inputs; j++)
                {
                    input[i] += w.Weight(j, i) * spikesIn[t * Inputs + j];
                }
            }

            reference.Step(input);
            membrane.AddRange(reference.Membrane);
            current.AddRange(reference.Current);
            spikes.AddRange(reference.Spikes);
        }

        var file = new GoldenVectorFile()
            .Add("config", [Neurons, Inputs, Steps, fractionBits, weightFractionBits, reset, cuba ? 1 : 0])
            .Add("decay", decay)
            .Add("current_decay", currentDecay)
            .Add("threshold", threshold)
            .Add("bias", bias)
            .Add("weights", weights)
            .Add("spikes_in", spikesIn)
            .Add("membrane", [.. membrane])
            .Add("spikes", [.. spikes]);
        return cuba ? file.Add("current", [.. current]) : file;
    }

    private static GoldenVectorFile L2mu()
    {
        L2muShape s = GoldenL2muShape;
        var (input, cell) = L2muFactory.CreateRandom(GoldenL2muSeed, s);
        const int Steps = 80;
        short[] frames = L2muFactory.RandomFrames(GoldenL2muSeed, s.Channels, Steps);
        var reference = new L2muIntegerReference(input, cell);
        var inputSpikes = new List<byte>();
        var u = new List<int>();
        var m = new List<int>();
        var h = new List<int>();
        var o = new List<byte>();
        for (int t = 0; t < Steps; t++)
        {
            reference.Step(frames, t * s.Channels);
            inputSpikes.AddRange(reference.InputSpikes.Spikes);
            u.AddRange(reference.U.Membrane);
            m.AddRange(reference.Memory.Membrane);
            h.AddRange(reference.Hidden.Membrane);
            o.AddRange(reference.Output.Spikes);
        }

        return new GoldenVectorFile()
            .Add("config", [GoldenL2muSeed, Steps, s.Channels, s.PopulationSize, s.EncoderSize, s.InputSpikes, s.MemorySize, s.Order, s.HiddenSize, s.Outputs, (int)s.Theta])
            .Add("abar", cell.AbarQ14)
            .Add("bbar", cell.BbarQ14)
            .Add("x", frames)
            .Add("input_spikes", [.. inputSpikes])
            .Add("u_membrane", [.. u])
            .Add("m_membrane", [.. m])
            .Add("h_membrane", [.. h])
            .Add("output_spikes", [.. o])
            .Add("counts", reference.Counts);
    }
}
