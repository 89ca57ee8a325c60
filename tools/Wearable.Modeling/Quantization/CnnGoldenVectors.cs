using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wearable.Modeling.Quantization;

/// <summary>
/// Generates the seeded golden vectors of every int8 CNN op from <see cref="QuantizedReference"/>.
/// Scales are drawn as real numbers and turned into (M, S) with <see cref="QuantizedMultiplier"/>,
/// as a converter would. Regenerate: WEARABLE_WRITE_GOLDEN=1 dotnet test tests/Wearable.Kernels.Tests --filter CnnGoldenFiles.
/// </summary>
public static class CnnGoldenVectors
{
    public const int DefaultSeed = 20261121;
    private const int CasesPerOp = 12;

    public static readonly string[] Ops =
    {
        "requantize", "conv1d", "depthwise_conv1d", "pointwise_conv", "dense", "dense_per_channel",
        "max_pool1d", "avg_pool1d", "add", "softmax", "argmax",
    };

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = false,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string FileName(string op) => op + ".json";

    public static GoldenFile Generate(string op, int seed = DefaultSeed)
    {
        var random = new Random(seed ^ StableHash(op));
        var file = new GoldenFile { Op = op, Seed = seed };
        for (int i = 0; i < CasesPerOp; i++)
        {
            file.Cases.Add(MakeCase(op, random, i));
        }

        return file;
    }

    public static string Serialize(GoldenFile file)
    {
        // One case per line keeps the committed files diffable.
        var lines = file.Cases.Select(c => "    " + JsonSerializer.Serialize(c, s_json));
        return "{\"op\":\"" + file.Op + "\",\"seed\":" + file.Seed + ",\"generator\":\"" + file.Generator + "\",\"cases\":[\n"
            + string.Join(",\n", lines) + "\n]}\n";
    }

    public static GoldenFile Deserialize(string json) =>
        JsonSerializer.Deserialize<GoldenFile>(json, s_json) ?? throw new InvalidDataException("Empty golden file.");

    public static void WriteAll(string directory, int seed = DefaultSeed)
    {
        Directory.CreateDirectory(directory);
        foreach (string op in Ops)
        {
            File.WriteAllText(Path.Combine(directory, FileName(op)), Serialize(Generate(op, seed)));
        }
    }

    private static GoldenCase MakeCase(string op, Random r, int index)
    {
        var c = new GoldenCase { Op = op };
        string[] paddings = { "valid", "same", "causal" };
        switch (op)
        {
            case "requantize":
                c.Accumulators = new int[32];
                c.ExpectedInts = new int[32];
                // Every fourth case uses M = 2^30 (a real 0.5 * 2^S): products land exactly on the
                // midpoints of both rounding stages, where single and double rounding differ.
                var m = index % 4 == 3 ? new QuantizedMultiplier(1 << 30, -r.Next(1, 12)) : RandomMultiplier(r, index % 4 == 0 ? 4.0 : 0.5);
                c.Multipliers = new[] { m.Multiplier };
                c.Shifts = new[] { m.Shift };
                int bound = m.Shift > 0 ? (1 << (30 - m.Shift)) : 1 << 24;
                for (int i = 0; i < 32; i++)
                {
                    // Include exact ties: multiples of 2^k plus half steps exercise both rounding stages.
                    int step = 1 << Math.Max(0, -m.Shift);
                    c.Accumulators[i] = i < 8 ? (i - 4) * step : i < 16 ? (2 * r.Next(-50, 50) + 1) * step / 2 + (i % 2) : r.Next(-bound, bound);
                    c.ExpectedInts[i] = (int)QuantizedReference.Requantize(c.Accumulators[i], m.Multiplier, m.Shift);
                }

                return c;
            case "conv1d":
                c.InputLength = r.Next(1, 24);
                c.InputChannels = r.Next(1, 9);
                c.OutputChannels = r.Next(1, 11);
                c.KernelSize = r.Next(1, 6);
                c.Stride = r.Next(1, 4);
                c.Dilation = r.Next(1, 4);
                c.Padding = paddings[index % 3];
                if (QuantizedReference.OutLength(c.Padding, c.InputLength, c.KernelSize, c.Stride, c.Dilation) == 0)
                {
                    c.InputLength = (c.KernelSize - 1) * c.Dilation + 1 + r.Next(0, 5);
                }

                FillConv(c, r, c.OutputChannels * c.KernelSize * c.InputChannels, c.OutputChannels, perChannel: true);
                c.Expected = QuantizedReference.Conv1d(c);
                return c;
            case "depthwise_conv1d":
                c.InputLength = r.Next(3, 20);
                c.InputChannels = r.Next(1, 7);
                c.ChannelMultiplier = r.Next(1, 4);
                c.OutputChannels = c.InputChannels * c.ChannelMultiplier;
                c.KernelSize = r.Next(1, 5);
                c.Stride = r.Next(1, 3);
                c.Dilation = r.Next(1, 3);
                c.Padding = paddings[index % 3];
                if (QuantizedReference.OutLength(c.Padding, c.InputLength, c.KernelSize, c.Stride, c.Dilation) == 0)
                {
                    c.InputLength = (c.KernelSize - 1) * c.Dilation + 1;
                }

                FillConv(c, r, c.KernelSize * c.OutputChannels, c.OutputChannels, perChannel: true);
                c.Expected = QuantizedReference.Depthwise(c);
                return c;
            case "pointwise_conv":
            case "dense":
            case "dense_per_channel":
                c.InputLength = op == "pointwise_conv" ? r.Next(1, 10) : 1;
                c.InputChannels = r.Next(1, op == "pointwise_conv" ? 17 : 70);
                c.OutputChannels = r.Next(1, 13);
                FillConv(c, r, c.OutputChannels * c.InputChannels, c.OutputChannels, perChannel: op != "dense");
                c.Expected = QuantizedReference.Dense(c);
                return c;
            case "max_pool1d":
            case "avg_pool1d":
                c.InputLength = r.Next(2, 20);
                c.InputChannels = r.Next(1, 6);
                c.OutputChannels = c.InputChannels;
                c.KernelSize = r.Next(1, 5);
                c.Stride = r.Next(1, 4);
                c.Padding = paddings[index % 3];
                if (QuantizedReference.OutLength(c.Padding, c.InputLength, c.KernelSize, c.Stride, 1) == 0)
                {
                    c.InputLength = c.KernelSize;
                }

                c.Input = RandomBytes(r, c.InputLength * c.InputChannels);
                (c.ActivationMin, c.ActivationMax) = index % 4 == 1 ? (-20, 90) : (-128, 127);
                c.Expected = QuantizedReference.Pool(c, op == "avg_pool1d");
                return c;
            case "add":
                c.InputLength = r.Next(1, 40);
                c.InputChannels = 1;
                c.Input = RandomBytes(r, c.InputLength);
                c.Input2 = RandomBytes(r, c.InputLength);
                c.InputZeroPoint = r.Next(-128, 128);
                c.Input2ZeroPoint = r.Next(-128, 128);
                c.OutputZeroPoint = r.Next(-128, 128);
                c.LeftShift = 20;
                double s1 = Scale(r), s2 = Scale(r), so = Math.Max(s1, s2) * (1 + r.NextDouble());
                double twiceMax = 2 * Math.Max(s1, s2);
                var q1 = QuantizedMultiplier.FromReal(s1 / twiceMax);
                var q2 = QuantizedMultiplier.FromReal(s2 / twiceMax);
                var qo = QuantizedMultiplier.FromReal(twiceMax / ((1 << c.LeftShift) * so));
                c.Multipliers = new[] { q1.Multiplier, q2.Multiplier, qo.Multiplier };
                c.Shifts = new[] { q1.Shift, q2.Shift, qo.Shift };
                (c.ActivationMin, c.ActivationMax) = index % 3 == 2 ? (c.OutputZeroPoint, 127) : (-128, 127);
                c.Expected = QuantizedReference.Add(c);
                return c;
            case "softmax":
                c.InputLength = r.Next(1, 4);
                c.InputChannels = r.Next(1, 12);
                c.OutputChannels = c.InputChannels;
                c.Input = RandomBytes(r, c.InputLength * c.InputChannels);
                c.ExpTable = QuantizedReference.SoftmaxTable(0.01 + r.NextDouble() * 0.08);
                c.Expected = QuantizedReference.Softmax(c);
                return c;
            case "argmax":
                c.InputLength = 1;
                c.InputChannels = r.Next(1, 20);
                c.Input = RandomBytes(r, c.InputChannels);
                if (index % 2 == 0 && c.InputChannels > 2)
                {
                    c.Input[c.InputChannels - 1] = c.Input.Max(); // a tie: the lower index must win
                }

                c.ExpectedIndex = QuantizedReference.ArgMax(c.Input);
                return c;
            default:
                throw new ArgumentException($"No golden generator for op '{op}'.", nameof(op));
        }
    }

    private static void FillConv(GoldenCase c, Random r, int weightCount, int channels, bool perChannel)
    {
        int frames = Math.Max(c.InputLength, 1);
        c.Input = RandomBytes(r, frames * c.InputChannels);
        c.InputZeroPoint = r.Next(-128, 128);
        c.OutputZeroPoint = r.Next(-128, 128);
        double inputScale = Scale(r);
        double outputScale = Scale(r) * 4;
        var real = new double[weightCount];
        for (int i = 0; i < real.Length; i++)
        {
            real[i] = (r.NextDouble() * 2 - 1) * (0.2 + r.NextDouble());
        }

        double[] weightScales;
        if (perChannel && c.Op == "depthwise_conv1d")
        {
            (c.Weights, weightScales) = WeightQuantizer.PerChannelInnermost(real, channels);
        }
        else if (perChannel)
        {
            (c.Weights, weightScales) = WeightQuantizer.PerChannel(real, channels);
        }
        else
        {
            (c.Weights, double scale) = WeightQuantizer.PerTensor(real);
            weightScales = new[] { scale };
        }

        c.Bias = r.Next(4) == 0 ? null : Enumerable.Range(0, channels)
            .Select(i => WeightQuantizer.QuantizeBias(r.NextDouble() - 0.5, inputScale, weightScales[weightScales.Length == 1 ? 0 : i]))
            .ToArray();
        var multipliers = weightScales.Select(s => QuantizedMultiplier.FromReal(inputScale * s / outputScale)).ToArray();
        c.Multipliers = multipliers.Select(q => q.Multiplier).ToArray();
        c.Shifts = multipliers.Select(q => q.Shift).ToArray();
        string activation = new[] { "none", "relu", "relu6" }[r.Next(3)];
        (c.ActivationMin, c.ActivationMax) = WeightQuantizer.ActivationRange(activation, outputScale, c.OutputZeroPoint);
    }

    private static QuantizedMultiplier RandomMultiplier(Random r, double max) =>
        QuantizedMultiplier.FromReal(max * Math.Pow(2, -14 * r.NextDouble()));

    private static double Scale(Random r) => Math.Pow(2, -8 + 6 * r.NextDouble());

    private static sbyte[] RandomBytes(Random r, int n)
    {
        var bytes = new byte[n];
        r.NextBytes(bytes);
        return bytes.Select(b => unchecked((sbyte)b)).ToArray();
    }

    private static int StableHash(string s)
    {
        int h = 17;
        foreach (char ch in s)
        {
            h = unchecked(h * 31 + ch);
        }

        return h;
    }
}
