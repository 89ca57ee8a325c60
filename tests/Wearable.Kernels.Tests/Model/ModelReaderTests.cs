using System.Text;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Kernels.Tests.Model;

public class ModelReaderTests
{
    [Fact]
    public void Every_section_round_trips()
    {
        ModelDefinition m = ModelReader.Read(ModelFixtures.AllOps().Build());
        Assert.Equal(1, m.FormatVersion);
        Assert.Equal(4, m.Input.Channels);
        Assert.Equal(250_000, m.Input.SampleRateMilliHz);
        Assert.Equal(InputDescription.UnitMicrovolt, m.Input.Unit);
        Assert.Equal(22_351, m.Input.NanoUnitsPerLsb);
        Assert.Equal(12, m.Input.WindowSamples);
        Assert.Equal(4, m.Input.HopSamples);
        Assert.NotNull(m.FrontEnd);
        Assert.Equal(1, m.FrontEnd!.FilterStageCount);
        Assert.Equal(FrontEndConfig.EncoderDelta, m.FrontEnd.EncoderKind);
        Assert.Equal(new[] { 40, 41, 42, 43 }, m.FrontEnd.DeltaThresholds);
        Assert.Equal(8, m.FrontEnd.GuardBits);
        Assert.Equal(2, m.FrontEnd.Decimation);
        Assert.Equal(2, m.SpikingLayers.Length);
        Assert.Equal(SpikingLayerRecord.KindCubaLif, m.SpikingLayers[0].Kind);
        Assert.Equal(new[] { 1, -2, 3, -4, 5 }, m.SpikingLayers[0].Find(SpikingLayerRecord.BlockBias)!.Values32);
        Assert.Equal(new short[] { 2429, -5702, 7893, -3903 }, m.SpikingLayers[1].Find(SpikingLayerRecord.BlockBbar)!.Values16);
        Assert.Equal(new short[] { 1024, 1000, 0, 4096, 2048 }, m.SpikingLayers[0].Find(SpikingLayerRecord.BlockDecayI)!.Values16);
        Assert.Equal(9, m.Tensors.Length);
        Assert.Equal(8, m.Layers.Length);
        Assert.Equal(new[] { "a", "b", "c" }, m.Labels);
        Assert.Equal("fixture-all-ops", m.Name);
        var conv = Assert.IsType<Conv1dLayer>(m.Layers[0]);
        Assert.Equal(Padding1d.Same, conv.Params.Padding);
        Assert.Equal(-3, conv.Params.InputOffset);
        Assert.Equal(-10, conv.Params.ActivationMin);
    }

    [Fact]
    public void Unknown_optional_sections_are_skipped_and_unknown_required_ones_rejected()
    {
        var builder = ModelFixtures.AllOps();
        builder.AddRawSection(200, 0, new byte[] { 1, 2, 3 });
        Assert.Equal(1, ModelReader.Read(builder.Build()).SkippedSections);

        var strict = ModelFixtures.AllOps();
        strict.AddRawSection(201, ModelSectionType.FlagRequired, new byte[] { 1 });
        var ex = Assert.Throws<ModelFormatException>(() => ModelReader.Read(strict.Build()));
        Assert.Equal("section[8].type", ex.Field); // after the 8 known sections
    }

    [Theory]
    [InlineData(0, "too short")]
    [InlineData(10, "too short")]
    public void Tiny_files_are_rejected(int length, string problem)
    {
        var ex = Assert.Throws<ModelFormatException>(() => ModelReader.Read(new byte[length]));
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void Corruption_and_truncation_name_the_field_and_offset()
    {
        byte[] good = ModelFixtures.AllOps().Build();

        byte[] flipped = (byte[])good.Clone();
        flipped[100] ^= 0x10;
        var crc = Assert.Throws<ModelFormatException>(() => ModelReader.Read(flipped));
        Assert.Equal("crc32", crc.Field);
        Assert.Equal(good.Length - 4, crc.Offset);

        var truncated = Assert.Throws<ModelFormatException>(() => ModelReader.Read(good.AsSpan(0, good.Length - 7).ToArray()));
        Assert.Equal("header.file_length", truncated.Field);

        byte[] magic = (byte[])good.Clone();
        magic[0] = (byte)'X';
        Assert.Equal("header.magic", Assert.Throws<ModelFormatException>(() => ModelReader.Read(magic)).Field);

        byte[] version = (byte[])good.Clone();
        version[4] = 9;
        ModelFixtures.FixCrc(version);
        var v = Assert.Throws<ModelFormatException>(() => ModelReader.Read(version));
        Assert.Equal("header.version", v.Field);
        Assert.Contains("version 9", v.Problem);
    }

    [Fact]
    public void Structural_errors_are_found_behind_a_valid_crc()
    {
        // An op that reads a tensor nothing has written yet.
        var b = new ModelFileBuilder();
        int t0 = b.AddTensor(4, 1, 0, 1f);
        int t1 = b.AddTensor(4, 1, 0, 1f);
        int t2 = b.AddTensor(4, 1, 0, 1f);
        b.GraphInput = t0;
        b.GraphOutput = t2;
        b.AddPool(false, t1, t2, 1, 1, Padding1d.Valid);
        var ex = Assert.Throws<ModelFormatException>(() => ModelReader.Read(b.Build()));
        Assert.Equal("cnn.op[0].input", ex.Field);

        // A conv whose output tensor has the wrong length.
        var c = new ModelFileBuilder();
        int a = c.AddTensor(10, 2, 0, 1f);
        int o = c.AddTensor(10, 3, 0, 1f);
        c.GraphInput = a;
        c.GraphOutput = o;
        int q = c.AddQuantTable(new[] { 1 << 30, 1 << 30, 1 << 30 }, new[] { -3, -3, -3 });
        c.AddConv1d(a, o, 3, 3, 1, 1, Padding1d.Valid, new sbyte[3 * 3 * 2], null, q);
        ex = Assert.Throws<ModelFormatException>(() => ModelReader.Read(c.Build()));
        Assert.Equal("cnn.op[0].output", ex.Field);
        Assert.Contains("8x3", ex.Problem);

        // A front end whose outputs do not match the CNN input channels.
        var f = ModelFixtures.AllOps();
        f.FrontEnd!.FeatureWindow = 4;
        f.FrontEnd.FeatureHop = 2;
        f.FrontEnd.FeatureMask = FrontEndConfig.FeatureMav | FrontEndConfig.FeatureRms;
        f.FrontEnd.SlopeSignChangeThreshold = 1;
        var fx = Assert.Throws<ModelFormatException>(() => ModelReader.Read(f.Build()));
        Assert.Equal("front_end.cnn_input_quant_table", fx.Field);
        Assert.Contains("produces 8 values per frame", fx.Problem);

        // Labels that do not match the number of classes.
        var d = ModelFixtures.AllOps();
        d.Labels.Add("extra");
        Assert.Equal("labels.count", Assert.Throws<ModelFormatException>(() => ModelReader.Read(d.Build())).Field);
    }

    [Fact]
    public void Per_neuron_spiking_values_are_range_checked()
    {
        var b = new ModelFileBuilder();
        b.SpikingLayers.Add(new SpikingLayerRecord
        {
            Kind = SpikingLayerRecord.KindLif, StateFracBits = 14, WeightFracBits = 6, Inputs = 2, Neurons = 3, DecayU = 100, Threshold = 100,
            Blocks = new[]
            {
                new SpikingWeightBlock { Id = 0, ElementBits = 8, Rows = 2, Cols = 3, Values8 = new sbyte[6] },
                new SpikingWeightBlock { Id = 6, ElementBits = 16, Rows = 1, Cols = 3, Values16 = new short[] { 10, 5000, 20 } },
            },
        });
        var ex = Assert.Throws<ModelFormatException>(() => ModelReader.Read(b.Build()));
        Assert.Equal("spiking.layer[0].block[1].values[1]", ex.Field);

        // A CuBa-only block on a LIF layer is refused by id.
        b.SpikingLayers[0].Blocks[1] = new SpikingWeightBlock { Id = 7, ElementBits = 16, Rows = 1, Cols = 3, Values16 = new short[3] };
        Assert.Equal("spiking.layer[0].block[1].id", Assert.Throws<ModelFormatException>(() => ModelReader.Read(b.Build())).Field);
    }

    [Fact]
    public void Runner_refuses_a_model_without_a_cnn_graph()
    {
        var b = new ModelFileBuilder { Name = "only input" };
        ModelDefinition m = ModelReader.Read(b.Build());
        Assert.False(m.HasCnn);
        Assert.Throws<InvalidOperationException>(() => new ModelRunner(m));
    }
}
