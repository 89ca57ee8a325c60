using Wearable.Kernels.Hil;
using Wearable.Kernels.Model;

namespace Wearable.Kernels.Tests.Model;

/// <summary>The op registration table is the one answer to "what does op code N mean".</summary>
public class CnnOpTableTests
{
    /// <summary>The graph header is input, output, op count (u16 each) and 2 reserved bytes; op 0's opcode follows.</summary>
    private const int FirstOpcodeOffsetInGraph = 8;

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(200)]
    public void An_unknown_op_code_is_a_ModelFormatException_naming_the_code(int code)
    {
        byte[] file = ModelFixtures.AllOps().Build();
        int at = ModelFixtures.SectionBody(file, ModelSectionType.CnnGraph) + FirstOpcodeOffsetInGraph;
        Assert.Equal(CnnOpCode.Conv1d, file[at]);
        file[at] = (byte)code;
        ModelFixtures.FixCrc(file);

        var ex = Assert.Throws<ModelFormatException>(() => ModelReader.Read(file));
        Assert.Equal("cnn.op[0].opcode", ex.Field);
        Assert.Equal(at, ex.Offset);
        Assert.Contains("unknown op code " + code, ex.Message);
        Assert.Contains("conv1d", ex.Message);
    }

    [Fact]
    public void Codes_and_names_are_unique_and_every_code_in_the_format_is_registered()
    {
        var kinds = Enumerable.Range(0, CnnOpTable.Count).Select(CnnOpTable.At).ToList();
        Assert.Equal(kinds.Count, kinds.Select(k => k.Code).Distinct().Count());
        Assert.Equal(kinds.Count, kinds.Select(k => k.Name).Distinct().Count());
        int[] documented = typeof(CnnOpCode).GetFields().Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).ToArray();
        Assert.Equal(documented.Order(), kinds.Select(k => k.Code).Order());
        Assert.All(kinds, k => Assert.Same(k, CnnOpTable.Find(k.Code)));
        Assert.Equal("conv1d", CnnOpCode.Name(CnnOpCode.Conv1d));
        Assert.Equal("op_77", CnnOpCode.Name(77));
    }

    [Fact]
    public void Every_registered_op_has_golden_adapters_in_the_catalog()
    {
        var catalog = HilAdapterCatalog.CreateAll().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < CnnOpTable.Count; i++)
        {
            HilAdapter[] adapters = CnnOpTable.At(i).CreateGoldenAdapters();
            Assert.NotEmpty(adapters);
            Assert.All(adapters, a => Assert.Contains(a.Name, catalog));
        }

        Assert.Equal(catalog.Count, HilAdapterCatalog.CreateAll().Length);
    }

    [Fact]
    public void The_all_ops_fixture_reads_each_op_through_its_registered_kind()
    {
        ModelDefinition m = ModelReader.Read(ModelFixtures.AllOps().Build());
        Assert.All(m.Layers, l => Assert.NotNull(CnnOpTable.Find(l.Op)));
        Assert.Equal(8, m.Layers.Select(l => l.Op).Distinct().Count());
    }
}
