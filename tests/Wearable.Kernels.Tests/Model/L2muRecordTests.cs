using Wearable.Kernels.Model;
using Wearable.Kernels.Spiking;
using Wearable.Modeling.ModelFiles;
using Wearable.Modeling.Spiking;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Model;

/// <summary>The kind-4 L2MU spiking layer: writer/reader round trip, typed errors, fuzzing and execution by ModelPipeline.</summary>
public class L2muRecordTests
{
    private const int Channels = 4;
    private const int Window = 24;
    private static readonly L2muShape Shape = new(Channels: Channels, InputSpikes: 2 * Channels, MemorySize: 3, Order: 4, HiddenSize: 10, Outputs: 5, Theta: 12);

    private static byte[] File(int seed, out L2muCellParameters cell)
    {
        cell = L2muFactory.CreateRandomRecordable(seed, Shape);
        return L2muModelFile.Build(cell, 12, Channels, 200_000, Window, 300, ["a", "b", "c", "d", "e"], "l2mu-test", "random weights");
    }

    private static short[] Frames(int seed, int frames) => L2muFactory.RandomFrames(seed, Channels, frames);

    /// <summary>File offset of the spiking section's body (from the section table).</summary>
    private static int SpikingBody(byte[] file) => ModelFixtures.SectionBody(file, ModelSectionType.Spiking);

    [Fact]
    public void Record_round_trips_into_the_cell_parameters_and_back_to_the_same_bytes()
    {
        byte[] file = File(1, out var cell);
        ModelDefinition model = ModelReader.Read(file);
        SpikingLayerRecord layer = Assert.Single(model.SpikingLayers);
        Assert.Equal(SpikingLayerRecord.KindL2muCell, layer.Kind);
        Assert.Equal(2 * Channels, layer.Inputs);
        Assert.Equal(Shape.Outputs, layer.Neurons);
        L2muRecord l2mu = layer.L2mu!;
        Assert.Equal((3, 4, 10, 5, 12), (l2mu.MemorySize, l2mu.Order, l2mu.Hidden, l2mu.Outputs, l2mu.ThetaSteps));
        L2muCellParameters read = l2mu.CreateParameters(layer);
        Assert.Equal(cell.AbarQ14, read.AbarQ14);
        Assert.Equal(cell.BbarQ14, read.BbarQ14);
        FanOutWeights[] a = [cell.Ex, cell.Eh, cell.Em, cell.Wx, cell.Wh, cell.Wm, cell.Wo];
        FanOutWeights[] b = [read.Ex, read.Eh, read.Em, read.Wx, read.Wh, read.Wm, read.Wo];
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i].FractionBits, b[i].FractionBits);
            Assert.Equal(a[i].Int8Weights, b[i].Int8Weights);
            Assert.Equal(a[i].Int16Weights, b[i].Int16Weights);
        }

        PopulationParameters[] pa = [cell.U, cell.M, cell.H, cell.Output];
        PopulationParameters[] pb = [read.U, read.M, read.H, read.Output];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(((LifParameters)pa[i]).Decay, ((LifParameters)pb[i]).Decay);
            Assert.Equal(pa[i].Thresholds, pb[i].Thresholds);
            Assert.Equal(pa[i].Reset, pb[i].Reset);
            Assert.Equal((pa[i].FractionBits, pa[i].WeightFractionBits), (pb[i].FractionBits, pb[i].WeightFractionBits));
            Assert.Equal(pa[i].Bias, pb[i].Bias);
        }

        Assert.Equal(file, L2muModelFile.Build(read, 12, Channels, 200_000, Window, 300, ["a", "b", "c", "d", "e"], "l2mu-test", "random weights"));
        Assert.True(ModelPipeline.CanRun(model));
    }

    [Fact]
    public void Pipeline_decisions_equal_a_delta_encoder_driving_the_L2muCell_directly()
    {
        byte[] file = File(2, out var cell);
        var pipeline = new ModelPipeline(ModelReader.Read(file));
        var encoder = new DeltaEncoder(Channels, [300]);
        var direct = new L2muCell(cell);
        short[] x = Frames(3, Window * 20);
        int[] decisions = new int[Shape.Outputs];
        for (int w = 0; w < 20; w++)
        {
            pipeline.Reset();
            encoder.Reset();
            direct.Reset();
            bool decided = false;
            for (int n = 0; n < Window; n++)
            {
                int at = ((w * Window) + n) * Channels;
                decided = pipeline.Push(x, at);
                Assert.Equal(n == Window - 1, decided);
                encoder.Step(x, at);
                direct.Step(encoder.ActiveIndices, encoder.ActiveCount);
                if (!decided)
                {
                    Assert.Equal(direct.SpikeCounts, pipeline.Spiking!.Counts); // the decision restarts the counts
                }
            }

            Assert.Equal(direct.Decision(), pipeline.Decision);
            decisions[pipeline.Decision]++;
        }

        Assert.True(decisions.Count(d => d > 0) > 1, "the random cell should not always decide the same class: " + string.Join(",", decisions));
    }

    [Fact]
    public void Pipeline_steps_allocate_nothing()
    {
        var pipeline = new ModelPipeline(ModelReader.Read(File(4, out _)));
        short[] x = Frames(5, 64);
        int n = 0;
        AllocationAssert.ZeroBytes(() =>
        {
            pipeline.Push(x, (n % 64) * Channels);
            n++;
        }, iterations: 500);
    }

    [Theory]
    [InlineData(0, 0, 9, "spiking.layer[0].kind")]
    [InlineData(1, -1, 1, "spiking.layer[0].reserved")]
    [InlineData(4, 0, 0, "spiking.layer[0].memory_size")]
    [InlineData(6, 0, 65, "spiking.layer[0].order")]
    [InlineData(8, 0, 0, "spiking.layer[0].hidden")]
    [InlineData(10, 0, 0, "spiking.layer[0].outputs")]
    [InlineData(12, 0, 0, "spiking.layer[0].theta_steps")]
    [InlineData(14, -1, 8, "spiking.layer[0].block_count")]
    [InlineData(16, -1, 2, "spiking.layer[0].u.reset")]
    [InlineData(17, -1, 25, "spiking.layer[0].u.state_frac_bits")]
    [InlineData(18, -1, 13, "spiking.layer[0].u.weight_frac_bits")]
    [InlineData(30, -1, 13, "spiking.layer[0].m.weight_frac_bits")]
    [InlineData(29, -1, 13, "spiking.layer[0].m.state_frac_bits")]
    [InlineData(32, 0x01, 0x11, "spiking.layer[0].m.decay")]
    [InlineData(43, -1, 1, "spiking.layer[0].h.reserved")]
    [InlineData(60, 0, 0, "spiking.layer[0].out.threshold")]
    [InlineData(64, -1, 14, "spiking.layer[0].block[0].id")]
    [InlineData(64, -1, 3, "spiking.layer[0].block[0].rows")] // Abar relabelled Bbar: wrong shape
    [InlineData(65, -1, 8, "spiking.layer[0].block[0].element_bits")]
    [InlineData(66, 0, 5, "spiking.layer[0].block[0].rows")]
    public void Malformed_fields_raise_typed_errors_naming_the_field_and_offset(int offset, int low, int high, string field)
    {
        byte[] file = File(6, out _);
        int at = SpikingBody(file) + 4 + offset;
        if (low >= 0)
        {
            file[at] = (byte)low;
            file[at + 1] = (byte)high;
        }
        else
        {
            file[at] = (byte)high;
        }

        if (field == "spiking.layer[0].out.threshold")
        {
            file[at + 2] = 0;
            file[at + 3] = 0;
        }

        ModelFixtures.FixCrc(file);
        var ex = Assert.Throws<ModelFormatException>(() => ModelReader.Read(file));
        Assert.Equal(field, ex.Field);
        Assert.InRange(ex.Offset, SpikingBody(file) + 4, at + 4);
    }

    [Fact]
    public void Missing_blocks_and_chain_mismatches_are_rejected()
    {
        byte[] file = File(7, out _);
        int body = SpikingBody(file);
        byte[] fewer = (byte[])file.Clone();
        fewer[body + 4 + 14] = 9; // drop the three bias blocks: the bytes left over are trailing garbage of the section
        ModelFixtures.FixCrc(fewer);
        Assert.Throws<ModelFormatException>(() => ModelReader.Read(fewer));

        byte[] inputs = (byte[])file.Clone();
        inputs[body + 4 + 2] = 2 * Channels + 2;
        ModelFixtures.FixCrc(inputs);
        Assert.Throws<ModelFormatException>(() => ModelReader.Read(inputs));
    }

    [Fact]
    public void Fuzzed_L2mu_files_only_raise_ModelFormatException_and_loaded_ones_run()
    {
        byte[][] seeds = [File(8, out _), File(9, out _)];
        var random = new Random(20261121);
        short[] frames = Frames(10, 16);
        int loaded = 0, structural = 0;
        const int Mutations = 20_000;
        for (int i = 0; i < Mutations; i++)
        {
            byte[] mutant = ModelFuzzTests.Mutate(seeds[i % 2], random);
            if (random.Next(2) == 0)
            {
                ModelFixtures.FixCrc(mutant);
            }

            try
            {
                ModelDefinition model = ModelReader.Read(mutant);
                if (ModelPipeline.CanRun(model) && model.FrontEnd!.Channels * 4 <= frames.Length)
                {
                    var pipeline = new ModelPipeline(model);
                    for (int n = 0; n < 4; n++)
                    {
                        pipeline.Push(frames, 0);
                    }
                }

                loaded++;
            }
            catch (ModelFormatException ex)
            {
                structural += ex.Field != "crc32" && ex.Field != "header.file_length" ? 1 : 0;
            }
            catch (Exception ex)
            {
                Assert.Fail("mutation " + i + " raised " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        Assert.True(structural > Mutations / 10, "only " + structural + " mutants reached the structural checks");
        Assert.True(loaded > 0, "no mutant loaded");
    }
}
