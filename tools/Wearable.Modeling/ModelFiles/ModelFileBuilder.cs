using Wearable.Kernels.Link;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;

namespace Wearable.Modeling.ModelFiles;

/// <summary>
/// Writes model files in the container format of docs/model-format.md (the host side of
/// <see cref="ModelReader"/>). Sections are written in type order, 4-byte aligned, with the CRC-32
/// trailer. The builder checks nothing the reader checks: it is also used to produce invalid files in tests.
/// </summary>
public sealed class ModelFileBuilder
{
    private readonly List<byte[]> _tensors = new();
    private readonly List<byte[]> _quantTables = new();
    private readonly List<byte[]> _ops = new();
    private readonly List<(int Type, int Flags, byte[] Body)> _extraSections = new();

    public InputDescription Input { get; set; } = new() { Channels = 1, SampleRateMilliHz = 1000_000, Unit = InputDescription.UnitRaw, NanoUnitsPerLsb = 1_000_000_000, WindowSamples = 1, HopSamples = 1 };
    public FrontEndConfig? FrontEnd { get; set; }
    public List<SpikingLayerRecord> SpikingLayers { get; } = new();
    public List<string> Labels { get; } = new();
    public string? Name { get; set; }
    public string Description { get; set; } = "";
    public int GraphInput { get; set; }
    public int GraphOutput { get; set; }

    public int TensorCount => _tensors.Count;

    public int AddTensor(int length, int channels, int zeroPoint, float scale)
    {
        var w = new LittleEndianWriter();
        w.U16(length).U16(channels).I8(zeroPoint).Zeros(3).I32(BitConverter.SingleToInt32Bits(scale));
        _tensors.Add(w.ToArray());
        return _tensors.Count - 1;
    }

    public int AddQuantTable(int[] multipliers, int[] shifts)
    {
        var w = new LittleEndianWriter();
        w.U16(multipliers.Length).Zeros(2);
        foreach (int m in multipliers)
        {
            w.I32(m);
        }

        foreach (int s in shifts)
        {
            w.I32(s);
        }

        _quantTables.Add(w.ToArray());
        return _quantTables.Count - 1;
    }

    public void AddConv1d(int input, int output, int kernelSize, int outputChannels, int stride, int dilation, Padding1d padding,
        sbyte[] weights, int[]? bias, int quantTable, int activationMin = -128, int activationMax = 127)
    {
        var b = new LittleEndianWriter();
        b.U16(kernelSize).U16(outputChannels).U16(stride).U16(dilation).U8((int)padding).U8(bias is null ? 0 : 1).U16(quantTable);
        b.Bytes(weights).Ints(bias);
        AddOp(CnnOpCode.Conv1d, input, CnnSectionReader.NoTensor, output, activationMin, activationMax, b);
    }

    public void AddDepthwiseConv1d(int input, int output, int kernelSize, int multiplier, int stride, int dilation, Padding1d padding,
        sbyte[] weights, int[]? bias, int quantTable, int activationMin = -128, int activationMax = 127)
    {
        var b = new LittleEndianWriter();
        b.U16(kernelSize).U16(multiplier).U16(stride).U16(dilation).U8((int)padding).U8(bias is null ? 0 : 1).U16(quantTable);
        b.Bytes(weights).Ints(bias);
        AddOp(CnnOpCode.DepthwiseConv1d, input, CnnSectionReader.NoTensor, output, activationMin, activationMax, b);
    }

    public void AddPointwiseConv(int input, int output, int outputChannels, sbyte[] weights, int[]? bias, int quantTable, int activationMin = -128, int activationMax = 127)
    {
        var b = new LittleEndianWriter();
        b.U16(outputChannels).U8(bias is null ? 0 : 1).Zeros(1).U16(quantTable).Zeros(2);
        b.Bytes(weights).Ints(bias);
        AddOp(CnnOpCode.PointwiseConv, input, CnnSectionReader.NoTensor, output, activationMin, activationMax, b);
    }

    public void AddDense(int input, int output, int units, sbyte[] weights, int[]? bias, int quantTable, int activationMin = -128, int activationMax = 127)
    {
        var b = new LittleEndianWriter();
        b.U16(units).U8(bias is null ? 0 : 1).Zeros(1).U16(quantTable).Zeros(2);
        b.Bytes(weights).Ints(bias);
        AddOp(CnnOpCode.Dense, input, CnnSectionReader.NoTensor, output, activationMin, activationMax, b);
    }

    public void AddPool(bool average, int input, int output, int poolSize, int stride, Padding1d padding, int activationMin = -128, int activationMax = 127)
    {
        var b = new LittleEndianWriter();
        b.U16(poolSize).U16(stride).U8((int)padding).Zeros(3);
        AddOp(average ? CnnOpCode.AvgPool1d : CnnOpCode.MaxPool1d, input, CnnSectionReader.NoTensor, output, activationMin, activationMax, b);
    }

    public void AddAdd(int input1, int input2, int output, int leftShift, QuantizedPair in1, QuantizedPair in2, QuantizedPair outScale, int activationMin = -128, int activationMax = 127)
    {
        var b = new LittleEndianWriter();
        b.U8(leftShift).Zeros(3).I32(in1.Multiplier).I32(in1.Shift).I32(in2.Multiplier).I32(in2.Shift).I32(outScale.Multiplier).I32(outScale.Shift);
        AddOp(CnnOpCode.Add, input1, input2, output, activationMin, activationMax, b);
    }

    public void AddSoftmax(int input, int output, int[] expTable)
    {
        var b = new LittleEndianWriter();
        b.U16(expTable.Length).Zeros(2).Ints(expTable);
        AddOp(CnnOpCode.Softmax, input, CnnSectionReader.NoTensor, output, -128, 127, b);
    }

    /// <summary>Adds a section of a kind this version does not define (forward-compatibility tests).</summary>
    public void AddRawSection(int type, int flags, byte[] body) => _extraSections.Add((type, flags, body));

    public byte[] Build()
    {
        var sections = new List<(int Type, int Flags, byte[] Body)> { (ModelSectionType.Input, 1, InputBody()) };
        if (FrontEnd is not null)
        {
            sections.Add((ModelSectionType.FrontEnd, 1, FrontEndBody(FrontEnd)));
        }

        if (SpikingLayers.Count > 0)
        {
            sections.Add((ModelSectionType.Spiking, 1, SpikingBody()));
        }

        if (_ops.Count > 0)
        {
            sections.Add((ModelSectionType.Tensors, 1, Table(_tensors)));
            if (_quantTables.Count > 0)
            {
                sections.Add((ModelSectionType.QuantTables, 1, Table(_quantTables)));
            }

            var graph = new LittleEndianWriter();
            graph.U16(GraphInput).U16(GraphOutput).U16(_ops.Count).Zeros(2);
            _ops.ForEach(op => graph.Bytes(op));
            sections.Add((ModelSectionType.CnnGraph, 1, graph.ToArray()));
        }

        if (Labels.Count > 0)
        {
            var labels = new LittleEndianWriter();
            labels.U16(Labels.Count);
            Labels.ForEach(l => labels.String8(l));
            sections.Add((ModelSectionType.Labels, 0, labels.ToArray()));
        }

        if (Name is not null)
        {
            var card = new LittleEndianWriter();
            card.String8(Name).String16(Description);
            sections.Add((ModelSectionType.Card, 0, card.ToArray()));
        }

        sections.AddRange(_extraSections);
        return Container(sections);
    }

    /// <summary>Lays sections out after the header and table, each 4-byte aligned, then appends the CRC.</summary>
    public static byte[] Container(IReadOnlyList<(int Type, int Flags, byte[] Body)> sections)
    {
        int offset = ModelReader.HeaderSize + sections.Count * ModelReader.SectionEntrySize;
        var offsets = new int[sections.Count];
        for (int i = 0; i < sections.Count; i++)
        {
            offset = (offset + 3) & ~3;
            offsets[i] = offset;
            offset += sections[i].Body.Length;
        }

        int total = ((offset + 3) & ~3) + 4;
        var w = new LittleEndianWriter();
        w.I32(ModelReader.Magic).U16(ModelReader.FormatVersion).U16(ModelReader.HeaderSize).I32(total).U16(sections.Count).Zeros(2);
        for (int i = 0; i < sections.Count; i++)
        {
            w.U16(sections[i].Type).U16(sections[i].Flags).I32(offsets[i]).I32(sections[i].Body.Length);
        }

        for (int i = 0; i < sections.Count; i++)
        {
            w.PadTo(offsets[i]).Bytes(sections[i].Body);
        }

        w.PadTo(total - 4);
        byte[] body = w.ToArray();
        uint crc = LinkCrc32.Compute(body, 0, body.Length);
        return w.I32(unchecked((int)crc)).ToArray();
    }

    private void AddOp(int opcode, int input, int input2, int output, int activationMin, int activationMax, LittleEndianWriter body)
    {
        byte[] bytes = body.ToArray();
        var w = new LittleEndianWriter();
        w.U8(opcode).Zeros(1).U16(input).U16(input2).U16(output).I8(activationMin).I8(activationMax).Zeros(2).I32(bytes.Length).Bytes(bytes);
        _ops.Add(w.ToArray());
    }

    private byte[] InputBody()
    {
        var w = new LittleEndianWriter();
        w.U16(Input.Channels).Zeros(2).I32(Input.SampleRateMilliHz).U8(Input.Unit).Zeros(3)
            .I32(Input.NanoUnitsPerLsb).I32(Input.WindowSamples).I32(Input.HopSamples);
        return w.ToArray();
    }

    private static byte[] FrontEndBody(FrontEndConfig fe)
    {
        var w = new LittleEndianWriter();
        w.U16(fe.Channels).U8(fe.CoefficientFracBits).U8(fe.GuardBits)
            .U8(fe.FilterStages.Length / 5).U8(fe.EnvelopeKind).U8(fe.EnvelopeStages.Length / 5).Zeros(1)
            .Ints(fe.FilterStages).Ints(fe.EnvelopeStages)
            .U16(fe.Decimation).U16(fe.FeatureMask).I32(fe.FeatureWindow).I32(fe.FeatureHop)
            .I32(fe.ZeroCrossingThreshold).I32(unchecked((int)fe.SlopeSignChangeThreshold)).I32((int)(fe.SlopeSignChangeThreshold >> 32))
            .U8(fe.EncoderKind).Zeros(1).U16(fe.DeltaThresholds.Length).Ints(fe.DeltaThresholds)
            .U16(fe.CnnInputQuantTable < 0 ? 0xFFFF : fe.CnnInputQuantTable).Zeros(2);
        return w.ToArray();
    }

    private byte[] SpikingBody()
    {
        var w = new LittleEndianWriter();
        w.U16(SpikingLayers.Count).Zeros(2);
        foreach (SpikingLayerRecord l in SpikingLayers)
        {
            if (l.Kind == SpikingLayerRecord.KindL2muCell)
            {
                L2muRecord c = l.L2mu ?? throw new InvalidOperationException("A kind-4 spiking layer needs its L2mu record.");
                w.U8(l.Kind).Zeros(1).U16(l.Inputs).U16(c.MemorySize).U16(c.Order).U16(c.Hidden).U16(c.Outputs).U16(c.ThetaSteps).U8(l.Blocks.Length).Zeros(1);
                foreach (L2muPopulationRecord p in c.Populations)
                {
                    w.U8(p.Reset).U8(p.StateFracBits).U8(p.WeightFracBits).Zeros(1).U16(p.Decay).Zeros(2).I32(p.Threshold);
                }

                WriteBlocks(w, l);
                continue;
            }

            w.U8(l.Kind).U8(l.Reset).U8(l.StateFracBits).U8(l.WeightFracBits).U16(l.Inputs).U16(l.Neurons)
                .U16(l.DecayU).U16(l.DecayI).I32(l.Threshold).U16(l.Order).U16(l.ThetaSteps).U8(l.Blocks.Length).Zeros(3);
            WriteBlocks(w, l);
        }

        return w.ToArray();
    }

    private static void WriteBlocks(LittleEndianWriter w, SpikingLayerRecord l)
    {
        foreach (SpikingWeightBlock b in l.Blocks)
        {
            w.U8(b.Id).U8(b.ElementBits).U16(b.Rows).U16(b.Cols).Zeros(2);
            switch (b.ElementBits)
            {
                case 8: w.Bytes(b.Values8); break;
                case 16: Array.ForEach(b.Values16, v => w.U16(unchecked((ushort)v))); break;
                default: w.Ints(b.Values32); break;
            }
        }
    }

    private static byte[] Table(List<byte[]> entries)
    {
        var w = new LittleEndianWriter();
        w.U16(entries.Count).Zeros(2);
        entries.ForEach(e => w.Bytes(e));
        return w.ToArray();
    }
}

/// <summary>A (multiplier, shift) pair as written into an add op.</summary>
public readonly record struct QuantizedPair(int Multiplier, int Shift);
