using Wearable.Kernels.Cnn;
using Wearable.Modeling.Quantization;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Cnn;

/// <summary>Every int8 CNN kernel against the committed golden vectors of the independent reference, byte for byte.</summary>
public class CnnGoldenTests
{
    public static TheoryData<string> KernelOps => new()
    {
        "conv1d", "depthwise_conv1d", "pointwise_conv", "dense", "dense_per_channel", "max_pool1d", "avg_pool1d", "add", "softmax",
    };

    internal static GoldenFile Load(string op)
    {
        string path = RepositoryPaths.InRepo("tests", "golden", "cnn", CnnGoldenVectors.FileName(op));
        return CnnGoldenVectors.Deserialize(File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(KernelOps))]
    public void Kernel_matches_golden_vectors_byte_for_byte(string op)
    {
        GoldenFile file = Load(op);
        Assert.NotEmpty(file.Cases);
        for (int i = 0; i < file.Cases.Count; i++)
        {
            GoldenCase c = file.Cases[i];
            Assert.NotNull(c.Expected);
            Assert.NotEmpty(c.Expected);
            sbyte[] actual = GoldenKernelRunner.Run(c);
            Assert.True(c.Expected.AsSpan().SequenceEqual(actual), $"{op} case {i}: expected [{string.Join(",", c.Expected)}] got [{string.Join(",", actual)}]");
        }
    }

    [Fact]
    public void Requantize_matches_golden_vectors()
    {
        foreach (GoldenCase c in Load("requantize").Cases)
        {
            for (int i = 0; i < c.Accumulators!.Length; i++)
            {
                Assert.Equal(c.ExpectedInts![i], Requantize.Apply(c.Accumulators[i], c.Multipliers![0], c.Shifts![0]));
            }
        }
    }

    [Fact]
    public void ArgMax_matches_golden_vectors_and_breaks_ties_to_the_lowest_index()
    {
        foreach (GoldenCase c in Load("argmax").Cases)
        {
            Assert.Equal(c.ExpectedIndex, ArgMaxS8.Run(c.Input!, 0, c.Input!.Length));
        }

        Assert.Equal(1, ArgMaxS8.Run(new sbyte[] { 3, 9, 9, -1 }, 0, 4));
    }

    [Fact]
    public void Golden_cases_cover_every_padding_and_both_quantization_granularities()
    {
        var paddings = Load("conv1d").Cases.Select(c => c.Padding).Distinct().ToArray();
        Assert.Contains("valid", paddings);
        Assert.Contains("same", paddings);
        Assert.Contains("causal", paddings);
        Assert.All(Load("dense").Cases, c => Assert.Single(c.Multipliers!));
        Assert.Contains(Load("dense_per_channel").Cases, c => c.Multipliers!.Length > 1);
    }
}
