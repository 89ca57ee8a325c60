using FsCheck;
using FsCheck.Fluent;
using Wearable.Kernels.Spiking;
using Wearable.Modeling.Reference;
using Wearable.Modeling.Spiking;

namespace Wearable.Kernels.Tests.Spiking;

/// <summary>FsCheck properties of the spiking kernels: no wrap, event-driven = dense, determinism.</summary>
public class SpikingPropertyTests
{
    [Fact]
    public void Populations_with_extreme_inputs_saturate_and_never_wrap()
    {
        // Random formats, decays, thresholds and currents up to +-2^45 weight units: the kernel must equal the
        // 128-bit reference (which cannot wrap), and a population never stays at a wrapped sign.
        var currents = Gen.ArrayOf(Gen.Choose(-1 << 30, 1 << 30).Select(v => (long)v << 15)).Where(a => a.Length > 0).ToArbitrary();
        Prop.ForAll(currents, Gen.Choose(0, 30).ToArbitrary(), Gen.Choose(0, 2 * 4097 - 1).ToArbitrary(), (input, f, decayAndKind) =>
        {
            int decay = decayAndKind % 4097;
            bool cuba = decayAndKind >= 4097;
            int fw = Math.Max(0, f - 22);
            int threshold = f == 30 ? int.MaxValue / 2 : 1 << f;
            ResetMode reset = decay % 2 == 0 ? ResetMode.Subtract : ResetMode.Zero;
            PopulationParameters p = cuba
                ? new CuBaLifParameters(1, f, fw, [decay / 2], [decay], [threshold], reset, null)
                : new LifParameters(1, f, fw, [decay], [threshold], reset, null);
            SpikingPopulation kernel = p.CreatePopulation();
            var reference = new PopulationIntegerReference(p);
            foreach (long current in input)
            {
                kernel.AddCurrent(0, current);
                kernel.Step();
                reference.Step([current]);
                if (kernel.Membrane[0] != reference.Membrane[0] || kernel.Spikes[0] != reference.Spikes[0])
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Constant_maximal_drive_pins_the_membrane_at_int_max()
    {
        var population = new LifPopulation(new LifParameters(1, 30, 8, [0], [int.MaxValue], ResetMode.Subtract, null));
        for (int t = 0; t < 50; t++)
        {
            population.AddCurrent(0, long.MaxValue / 4);
            population.Step();
            Assert.Equal(int.MaxValue, population.Membrane[0]);
        }
    }

    [Fact]
    public void Event_driven_accumulation_equals_dense_for_random_spike_vectors()
    {
        var spikes = Gen.ArrayOf(Gen.Elements<byte>(0, 1), 40).ToArbitrary();
        Prop.ForAll(spikes, ArbMap.Default.ArbFor<int>(), (s, seed) =>
        {
            var random = new Random(seed);
            var w8 = new sbyte[40 * 7];
            var w16 = new short[40 * 7];
            for (int i = 0; i < w8.Length; i++)
            {
                w8[i] = (sbyte)random.Next(-128, 128);
                w16[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
            }

            var active = Enumerable.Range(0, 40).Where(j => s[j] == 1).ToArray();
            foreach (var w in new[] { new FanOutWeights(40, 7, w8, 6), new FanOutWeights(40, 7, w16, 6) })
            {
                var a = new long[7];
                var b = new long[7];
                w.Accumulate(active, active.Length, a, 0);
                w.AccumulateDense(s, 0, b, 0);
                if (!a.SequenceEqual(b))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void L2mu_same_input_gives_the_same_bytes()
    {
        Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), seed =>
        {
            var shape = new L2muShape(Channels: 3, HiddenSize: 16, MemorySize: 4, Order: 4);
            return Run(seed, shape).SequenceEqual(Run(seed, shape));

            static int[] Run(int seed, L2muShape shape)
            {
                var (ip, cp) = L2muFactory.CreateRandom(seed, shape);
                var input = new L2muInputModule(ip);
                var cell = new L2muCell(cp);
                short[] x = L2muFactory.RandomFrames(seed, shape.Channels, 30);
                var trace = new List<int>();
                for (int t = 0; t < 30; t++)
                {
                    input.Step(x, t * shape.Channels);
                    cell.Step(input.Output.ActiveIndices, input.Output.ActiveCount);
                    trace.AddRange(cell.Hidden.Membrane);
                }

                trace.AddRange(cell.SpikeCounts);
                return [.. trace];
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Delta_encoder_int_and_short_frames_agree_with_the_reference()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<short[]>(), Gen.Choose(1, 5000).ToArbitrary(), (x, th) =>
        {
            var encoder = new DeltaEncoder(1, [th]);
            byte[] expected = DeltaIntegerReference.Run(x.Select(v => (int)v).ToArray(), 1, [th]);
            for (int n = 0; n < x.Length; n++)
            {
                encoder.Step(x, n);
                if (encoder.Spikes[0] != expected[2 * n] || encoder.Spikes[1] != expected[2 * n + 1]
                    || encoder.ActiveCount != expected[2 * n] + expected[2 * n + 1])
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Bad_parameters_get_clear_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LifParameters(4, 14, 15, [0], [1], ResetMode.Subtract, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LifParameters(4, 14, 6, [5000], [1], ResetMode.Subtract, null));
        var perNeuron = Assert.Throws<ArgumentException>(() => new LifParameters(4, 14, 6, [1, 2], [1], ResetMode.Subtract, null));
        Assert.Contains("per neuron", perNeuron.Message);
        Assert.Throws<ArgumentException>(() => new FanOutWeights(3, 3, new sbyte[8], 6));
        var population = new LifPopulation(new LifParameters(3, 6, 100, 1000));
        Assert.Throws<ArgumentException>(() => population.AddSpikes(new FanOutWeights(2, 3, new sbyte[6], 5), [0], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeltaEncoder(2, [0]));
    }
}
