using Wearable.Kernels.Spiking;
using Wearable.Kernels.Tests.Golden;
using Wearable.Modeling.Golden;
using Wearable.Modeling.Spiking;

namespace Wearable.Kernels.Tests.Spiking;

/// <summary>The spiking kernels reproduce the committed golden vectors byte for byte.</summary>
public class SpikingGoldenVectorTests
{
    [Fact]
    public void Delta_encoder_matches_golden()
    {
        GoldenVectorFile g = GoldenFiles.Load("spiking/delta_encoder.wgv");
        int[] thresholds = g.Int32("thresholds");
        int channels = thresholds.Length;
        int[] x = g.Int32("x");
        var encoder = new DeltaEncoder(channels, thresholds);
        var spikes = new List<byte>();
        for (int f = 0; f < x.Length / channels; f++)
        {
            encoder.Step(x, f * channels);
            spikes.AddRange(encoder.Spikes);
        }

        GoldenFiles.AssertSameBytes(g.Payload("spikes"), [.. spikes], "delta spikes", 1);
    }

    [Theory]
    [InlineData("spiking/lif.wgv")]
    [InlineData("spiking/lif_saturating.wgv")]
    [InlineData("spiking/cuba_lif.wgv")]
    public void Population_matches_golden(string path)
    {
        GoldenVectorFile g = GoldenFiles.Load(path);
        int[] c = g.Int32("config");
        int neurons = c[0], inputs = c[1], steps = c[2], f = c[3], fw = c[4];
        var reset = (ResetMode)c[5];
        bool cuba = c[6] == 1;
        PopulationParameters p = cuba
            ? new CuBaLifParameters(neurons, f, fw, g.Int32("current_decay"), g.Int32("decay"), g.Int32("threshold"), reset, g.Int32("bias"))
            : new LifParameters(neurons, f, fw, g.Int32("decay"), g.Int32("threshold"), reset, g.Int32("bias"));
        SpikingPopulation population = p.CreatePopulation();
        var weights = new FanOutWeights(inputs, neurons, g.Int8("weights"), fw);
        byte[] spikesIn = g.Bytes("spikes_in");
        var active = new int[inputs];
        var membrane = new List<int>();
        var current = new List<int>();
        var spikes = new List<byte>();
        for (int t = 0; t < steps; t++)
        {
            int count = 0;
            for (int j = 0; j < inputs; j++)
            {
                if (spikesIn[t * inputs + j] == 1)
                {
                    active[count++] = j;
                }
            }

            population.AddSpikes(weights, active, count);
            population.Step();
            membrane.AddRange(population.Membrane);
            spikes.AddRange(population.Spikes);
            if (population is CuBaLifPopulation cubaPopulation)
            {
                current.AddRange(cubaPopulation.Current);
            }
        }

        GoldenFiles.AssertSameBytes(g.Payload("membrane"), GoldenVectorFile.Encode([.. membrane]), path + " membrane", 4);
        GoldenFiles.AssertSameBytes(g.Payload("spikes"), [.. spikes], path + " spikes", 1);
        if (cuba)
        {
            GoldenFiles.AssertSameBytes(g.Payload("current"), GoldenVectorFile.Encode([.. current]), path + " current", 4);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void L2mu_matches_golden(bool eventDriven)
    {
        GoldenVectorFile g = GoldenFiles.Load("spiking/l2mu.wgv");
        int[] c = g.Int32("config");
        var shape = new L2muShape(c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
        Assert.Equal(GoldenVectorGenerator.GoldenL2muShape, shape);
        var (inputParameters, cellParameters) = L2muFactory.CreateRandom(c[0], shape);
        Assert.Equal(g.Int16("abar"), cellParameters.AbarQ14);
        var input = new L2muInputModule(inputParameters);
        var cell = new L2muCell(cellParameters);
        short[] x = g.Int16("x");
        var inputSpikes = new List<byte>();
        var u = new List<int>();
        var m = new List<int>();
        var h = new List<int>();
        var o = new List<byte>();
        for (int t = 0; t < c[1]; t++)
        {
            input.Step(x, t * shape.Channels);
            if (eventDriven)
            {
                cell.Step(input.Output.ActiveIndices, input.Output.ActiveCount);
            }
            else
            {
                cell.StepDense(input.Output.Spikes, 0);
            }

            inputSpikes.AddRange(input.Output.Spikes);
            u.AddRange(cell.U.Membrane);
            m.AddRange(cell.Memory.Membrane);
            h.AddRange(cell.Hidden.Membrane);
            o.AddRange(cell.Output.Spikes);
        }

        GoldenFiles.AssertSameBytes(g.Payload("input_spikes"), [.. inputSpikes], "input spikes", 1);
        GoldenFiles.AssertSameBytes(g.Payload("u_membrane"), GoldenVectorFile.Encode([.. u]), "u", 4);
        GoldenFiles.AssertSameBytes(g.Payload("m_membrane"), GoldenVectorFile.Encode([.. m]), "m", 4);
        GoldenFiles.AssertSameBytes(g.Payload("h_membrane"), GoldenVectorFile.Encode([.. h]), "h", 4);
        GoldenFiles.AssertSameBytes(g.Payload("output_spikes"), [.. o], "output spikes", 1);
        GoldenFiles.AssertSameBytes(g.Payload("counts"), GoldenVectorFile.Encode(cell.SpikeCounts), "counts", 4);
    }
}
