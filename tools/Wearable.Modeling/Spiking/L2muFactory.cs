using Wearable.Kernels.Spiking;

namespace Wearable.Modeling.Spiking;

/// <summary>Sizes of a seeded random L2MU (input module + cell) for tests, golden vectors and benchmarks.</summary>
public sealed record L2muShape(
    int Channels = 8,
    int PopulationSize = 4,
    int EncoderSize = 16,
    int InputSpikes = 16,
    int MemorySize = 8,
    int Order = 8,
    int HiddenSize = 64,
    int Outputs = 7,
    double Theta = 40);

/// <summary>
/// Builds an L2MU with seeded random int8/int16 weights, Abar/Bbar from the real ZOH discretization
/// and per-neuron decays/thresholds, so tests exercise every parameter path. Not a trained model.
/// </summary>
public static class L2muFactory
{
    public const int F = 14;

    public static (L2muInputModuleParameters Input, L2muCellParameters Cell) CreateRandom(int seed, L2muShape shape, bool cuba = false)
    {
        var random = new Random(seed);
        int first = shape.Channels * shape.PopulationSize;
        var inputWeights = new short[first];
        for (int i = 0; i < first; i++)
        {
            inputWeights[i] = (short)random.Next(-8000, 8000);
        }

        var input = new L2muInputModuleParameters(
            shape.Channels, shape.PopulationSize, inputWeights, sampleFractionBits: 12,
            Population(random, first, fw: 12, withBias: true, cuba),
            Weights8(random, first, shape.EncoderSize, 6),
            Population(random, shape.EncoderSize, fw: 6, withBias: true, cuba),
            Weights8(random, shape.EncoderSize, shape.InputSpikes, 6),
            Population(random, shape.InputSpikes, fw: 6, withBias: true, cuba));

        var (abar, bbar) = LmuDiscretization.Discretize(shape.Order, shape.Theta);
        var (aq, bq) = LmuDiscretization.Quantize(abar, bbar);
        int memoryNeurons = shape.MemorySize * shape.Order;
        var cell = new L2muCellParameters(
            shape.InputSpikes, shape.MemorySize, shape.Order, shape.HiddenSize, shape.Outputs,
            Weights8(random, shape.InputSpikes, shape.MemorySize, 6),
            Weights8(random, shape.HiddenSize, shape.MemorySize, 6),
            Weights8(random, memoryNeurons, shape.MemorySize, 6),
            aq, bq,
            Weights16(random, shape.InputSpikes, shape.HiddenSize, 10),
            Weights16(random, shape.HiddenSize, shape.HiddenSize, 10),
            Weights16(random, memoryNeurons, shape.HiddenSize, 10),
            Weights8(random, shape.HiddenSize, shape.Outputs, 6),
            Population(random, shape.MemorySize, 6, withBias: false, cuba),
            Population(random, memoryNeurons, L2muCellParameters.LmuFractionBits, withBias: false, cuba),
            Population(random, shape.HiddenSize, 10, withBias: false, cuba),
            Population(random, shape.Outputs, 6, withBias: true, cuba));
        return (input, cell);
    }

    /// <summary>
    /// A seeded random cell the kind-4 model-file record can hold: LIF populations with one decay and
    /// threshold each, biases on u, h and out, int8 and int16 matrices mixed.
    /// </summary>
    public static L2muCellParameters CreateRandomRecordable(int seed, L2muShape shape)
    {
        var random = new Random(seed);
        var (abar, bbar) = LmuDiscretization.Discretize(shape.Order, shape.Theta);
        var (aq, bq) = LmuDiscretization.Quantize(abar, bbar);
        int md = shape.MemorySize * shape.Order;
        LifParameters Lif(int n, int f, int fw, bool bias) => new(n, f, fw, [random.Next(100, 1500)], [random.Next(1 << (f - 2), 1 << f)],
            random.Next(2) == 0 ? ResetMode.Subtract : ResetMode.Zero,
            bias ? Enumerable.Range(0, n).Select(_ => random.Next(-(1 << fw) / 8, (1 << fw) / 4)).ToArray() : null);
        return new L2muCellParameters(
            shape.InputSpikes, shape.MemorySize, shape.Order, shape.HiddenSize, shape.Outputs,
            Weights8(random, shape.InputSpikes, shape.MemorySize, 6),
            Weights16(random, shape.HiddenSize, shape.MemorySize, 6),
            Weights8(random, md, shape.MemorySize, 6),
            aq, bq,
            Weights16(random, shape.InputSpikes, shape.HiddenSize, 10),
            Weights8(random, shape.HiddenSize, shape.HiddenSize, 10),
            Weights16(random, md, shape.HiddenSize, 10),
            Weights8(random, shape.HiddenSize, shape.Outputs, 6),
            Lif(shape.MemorySize, 12, 6, true),
            Lif(md, 15, L2muCellParameters.LmuFractionBits, false),
            Lif(shape.HiddenSize, 14, 10, true),
            Lif(shape.Outputs, 14, 6, true));
    }

    /// <summary>Raw int16 samples: slow sines with noise per channel, like an IMU or an envelope.</summary>
    public static short[] RandomFrames(int seed, int channels, int frames)
    {
        var random = new Random(seed);
        var x = new short[channels * frames];
        for (int n = 0; n < frames; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                double v = 12000 * Math.Sin(2 * Math.PI * (n * (c + 1) / 37.0)) + random.Next(-3000, 3000);
                x[n * channels + c] = (short)v;
            }
        }

        return x;
    }

    private static PopulationParameters Population(Random random, int n, int fw, bool withBias, bool cuba)
    {
        var decay = new int[n];
        var threshold = new int[n];
        for (int i = 0; i < n; i++)
        {
            decay[i] = random.Next(200, 2500);
            threshold[i] = random.Next(1 << (F - 2), 1 << F);
        }

        int[]? bias = null;
        if (withBias)
        {
            bias = new int[n];
            for (int i = 0; i < n; i++)
            {
                bias[i] = random.Next(-(1 << fw) / 4, (1 << fw) / 4);
            }
        }

        ResetMode reset = random.Next(2) == 0 ? ResetMode.Subtract : ResetMode.Zero;
        if (cuba)
        {
            var currentDecay = new int[] { random.Next(500, 3000) };
            return new CuBaLifParameters(n, F, fw, currentDecay, decay, threshold, reset, bias);
        }

        return new LifParameters(n, F, fw, decay, threshold, reset, bias);
    }

    private static FanOutWeights Weights8(Random random, int inputs, int outputs, int fw)
    {
        var w = new sbyte[inputs * outputs];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = (sbyte)random.Next(-64, 65);
        }

        return new FanOutWeights(inputs, outputs, w, fw);
    }

    private static FanOutWeights Weights16(Random random, int inputs, int outputs, int fw)
    {
        var w = new short[inputs * outputs];
        for (int i = 0; i < w.Length; i++)
        {
            w[i] = (short)random.Next(-800, 801);
        }

        return new FanOutWeights(inputs, outputs, w, fw);
    }
}
