using Wearable.Kernels.Link;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;
using Wearable.Modeling.Quantization;

namespace Wearable.Kernels.Tests.Model;

/// <summary>Small seeded model files that use every section kind and every op, for reader, runner and fuzz tests.</summary>
internal static class ModelFixtures
{
    /// <summary>
    /// input [12x4] -> conv k3 same -> [12x6] -> depthwise k2 m1 causal d2 -> [12x6] -> add(conv, depthwise) -> [12x6]
    /// -> max pool 2 -> [6x6] -> pointwise -> [6x5] -> avg pool 2 same -> [3x5] -> dense 3 -> [1x3] -> softmax.
    /// </summary>
    public static ModelFileBuilder AllOps(int seed = 1)
    {
        var r = new Random(seed);
        var b = new ModelFileBuilder
        {
            Name = "fixture-all-ops",
            Description = "test fixture",
            Input = new InputDescription { Channels = 4, SampleRateMilliHz = 250_000, Unit = InputDescription.UnitMicrovolt, NanoUnitsPerLsb = 22_351, WindowSamples = 12, HopSamples = 4 },
            FrontEnd = new FrontEndConfig
            {
                Channels = 4,
                CoefficientFracBits = 30,
                FilterStages = BiquadDesign.Quantize(BiquadDesign.HighPass(0.5, 250), 30),
                EnvelopeKind = FrontEndConfig.EnvelopeNone,
                GuardBits = 8,
                Decimation = 2,
                FeatureWindow = 0,
                EncoderKind = FrontEndConfig.EncoderDelta,
                DeltaThresholds = new[] { 40, 41, 42, 43 },
            },
        };
        b.SpikingLayers.Add(new SpikingLayerRecord
        {
            Kind = SpikingLayerRecord.KindCubaLif, StateFracBits = 14, WeightFracBits = 6, Inputs = 8, Neurons = 5, DecayU = 2048, DecayI = 1024, Threshold = 1 << 14,
            Blocks = new[]
            {
                new SpikingWeightBlock { Id = 0, ElementBits = 8, Rows = 8, Cols = 5, Values8 = Bytes(r, 40) },
                new SpikingWeightBlock { Id = 1, ElementBits = 32, Rows = 1, Cols = 5, Values32 = new[] { 1, -2, 3, -4, 5 } },
                new SpikingWeightBlock { Id = 5, ElementBits = 32, Rows = 1, Cols = 5, Values32 = new[] { 16384, 16000, 17000, 15000, 16384 } },
                new SpikingWeightBlock { Id = 7, ElementBits = 16, Rows = 1, Cols = 5, Values16 = new short[] { 1024, 1000, 0, 4096, 2048 } },
            },
        });
        b.SpikingLayers.Add(new SpikingLayerRecord
        {
            Kind = SpikingLayerRecord.KindL2mu, StateFracBits = 14, WeightFracBits = 14, Inputs = 5, Neurons = 4, DecayU = 1000, DecayI = 0, Threshold = 1 << 14, Order = 4, ThetaSteps = 7,
            Blocks = new[]
            {
                new SpikingWeightBlock { Id = 2, ElementBits = 16, Rows = 4, Cols = 4, Values16 = new short[] { 13955, -1901, -1579, -558, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 } },
                new SpikingWeightBlock { Id = 3, ElementBits = 16, Rows = 1, Cols = 4, Values16 = new short[] { 2429, -5702, 7893, -3903 } },
                new SpikingWeightBlock { Id = 4, ElementBits = 8, Rows = 5, Cols = 4, Values8 = Bytes(r, 20) },
            },
        });
        b.Labels.AddRange(new[] { "a", "b", "c" });

        b.FrontEnd!.CnnInputQuantTable = Table(b, r, 4);
        int t0 = b.AddTensor(12, 4, 3, 0.05f);
        int t1 = b.AddTensor(12, 6, -10, 0.08f);
        int t2 = b.AddTensor(12, 6, 5, 0.07f);
        int t3 = b.AddTensor(12, 6, -2, 0.1f);
        int t4 = b.AddTensor(6, 6, -2, 0.1f);
        int t5 = b.AddTensor(6, 5, 7, 0.09f);
        int t6 = b.AddTensor(3, 5, 7, 0.09f);
        int t7 = b.AddTensor(1, 3, 1, 0.2f);
        int t8 = b.AddTensor(1, 3, -128, 1f / 256);
        b.GraphInput = t0;
        b.GraphOutput = t8;

        b.AddConv1d(t0, t1, 3, 6, 1, 1, Padding1d.Same, Bytes(r, 6 * 3 * 4), Ints(r, 6, 300), Table(b, r, 6), -10, 127);
        b.AddDepthwiseConv1d(t1, t2, 2, 1, 1, 2, Padding1d.Causal, Bytes(r, 2 * 6), null, Table(b, r, 6));
        var q1 = QuantizedMultiplier.FromReal(0.08 / 0.16);
        var q2 = QuantizedMultiplier.FromReal(0.07 / 0.16);
        var qo = QuantizedMultiplier.FromReal(0.16 / ((1 << 20) * 0.1));
        b.AddAdd(t1, t2, t3, 20, new QuantizedPair(q1.Multiplier, q1.Shift), new QuantizedPair(q2.Multiplier, q2.Shift), new QuantizedPair(qo.Multiplier, qo.Shift));
        b.AddPool(false, t3, t4, 2, 2, Padding1d.Valid);
        b.AddPointwiseConv(t4, t5, 5, Bytes(r, 5 * 6), Ints(r, 5, 200), Table(b, r, 5));
        b.AddPool(true, t5, t6, 2, 2, Padding1d.Same);
        b.AddDense(t6, t7, 3, Bytes(r, 3 * 15), Ints(r, 3, 500), Table(b, r, 1));
        b.AddSoftmax(t7, t8, QuantizedReference.SoftmaxTable(0.2));
        return b;
    }

    private static int Table(ModelFileBuilder b, Random r, int channels)
    {
        var q = Enumerable.Range(0, channels).Select(_ => QuantizedMultiplier.FromReal(0.002 + 0.01 * r.NextDouble())).ToArray();
        return b.AddQuantTable(q.Select(x => x.Multiplier).ToArray(), q.Select(x => x.Shift).ToArray());
    }

    public static sbyte[] Bytes(Random r, int n)
    {
        var bytes = new byte[n];
        r.NextBytes(bytes);
        return bytes.Select(v => (sbyte)Math.Clamp((int)unchecked((sbyte)v), -127, 127)).ToArray();
    }

    private static int[] Ints(Random r, int n, int range) => Enumerable.Range(0, n).Select(_ => r.Next(-range, range)).ToArray();

    /// <summary>The file offset of a section's body, read from the section table (docs/model-format.md).</summary>
    public static int SectionBody(byte[] file, int sectionType)
    {
        int sections = file[12] | (file[13] << 8);
        for (int s = 0; s < sections; s++)
        {
            int at = 16 + (12 * s);
            if ((file[at] | (file[at + 1] << 8)) == sectionType)
            {
                return BitConverter.ToInt32(file, at + 4);
            }
        }

        throw new InvalidOperationException("no section of type " + sectionType);
    }

    /// <summary>Re-seals a (possibly mutated) file: fixes the stored CRC so the structural checks are reached.</summary>
    public static void FixCrc(byte[] file)
    {
        if (file.Length < 4)
        {
            return;
        }

        uint crc = LinkCrc32.Compute(file, 0, file.Length - 4);
        file[^4] = (byte)crc;
        file[^3] = (byte)(crc >> 8);
        file[^2] = (byte)(crc >> 16);
        file[^1] = (byte)(crc >> 24);
    }
}
