using System.Text.Json;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Hil;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests;

/// <summary>
/// The adapters' byte decoding against the kernels' own golden vectors (tests/golden/cnn, made by the
/// double-precision references): every case is encoded in the HIL contract and must come back identical.
/// </summary>
public class KernelGoldenAgreementTests
{
    [Theory]
    [InlineData("conv1d")]
    [InlineData("depthwise_conv1d")]
    [InlineData("pointwise_conv")]
    [InlineData("dense")]
    public void Adapter_reproduces_the_cnn_golden_cases(string op)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRepo("tests", "golden", "cnn", op + ".json")));
        int checkedCases = 0;
        foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            int k = c.GetProperty("kernelSize").GetInt32();
            int cin = c.GetProperty("inputChannels").GetInt32();
            int cout = c.GetProperty("outputChannels").GetInt32();
            int stride = c.GetProperty("stride").GetInt32();
            int dilation = c.GetProperty("dilation").GetInt32();
            int frames = c.GetProperty("inputLength").GetInt32();
            var padding = c.TryGetProperty("padding", out JsonElement p) ? Enum.Parse<Padding1d>(p.GetString()!, ignoreCase: true) : Padding1d.Valid;
            HilAdapter adapter = op switch
            {
                "conv1d" => new Conv1dHilAdapter("g", k, cin, cout, stride, dilation, padding),
                "depthwise_conv1d" => new DepthwiseConv1dHilAdapter("g", k, cin, c.GetProperty("channelMultiplier").GetInt32(), stride, dilation, padding),
                "pointwise_conv" => new PointwiseConvHilAdapter("g", cin, cout),
                _ => new DenseHilAdapter("g", cin, cout),
            };

            var input = new List<byte>();
            I32(input, -c.GetProperty("inputZeroPoint").GetInt32());
            I32(input, c.GetProperty("outputZeroPoint").GetInt32());
            input.Add((byte)(sbyte)c.GetProperty("activationMin").GetInt32());
            input.Add((byte)(sbyte)c.GetProperty("activationMax").GetInt32());
            int[] multipliers = Ints(c, "multipliers");
            int[] shifts = Ints(c, "shifts");
            int[] bias = c.TryGetProperty("bias", out _) ? Ints(c, "bias") : new int[cout];
            for (int o = 0; o < cout; o++)
            {
                I32(input, multipliers[multipliers.Length == 1 ? 0 : o]);
                input.Add((byte)(sbyte)shifts[shifts.Length == 1 ? 0 : o]);
                I32(input, bias.Length == 0 ? 0 : bias[o]);
            }

            input.AddRange(Ints(c, "weights").Select(w => (byte)(sbyte)w));
            input.AddRange(Ints(c, "input").Select(x => (byte)(sbyte)x));
            byte[] expected = Ints(c, "expected").Select(x => (byte)(sbyte)x).ToArray();
            if (input.Count > HilAdapter.MaxInput || frames > Conv1dHilAdapter.MaxFrames)
            {
                continue; // larger than one HilRun; the kernel tests cover it
            }

            var output = new byte[HilAdapter.MaxOutput];
            int produced = adapter.Run(input.ToArray(), 0, input.Count, output, 0, output.Length);
            Assert.Equal(expected, output.AsSpan(0, Math.Max(produced, 0)).ToArray());
            checkedCases++;
        }

        Assert.True(checkedCases >= 6, $"only {checkedCases} {op} cases fit a HilRun");
    }

    [Fact]
    public void L2mu_adapter_lmu_matrices_equal_the_host_discretization()
    {
        var (abar, bbar) = Wearable.Modeling.Spiking.LmuDiscretization.Discretize(L2muHilAdapter.Order, 8);
        var (aq, bq) = Wearable.Modeling.Spiking.LmuDiscretization.Quantize(abar, bbar);
        Assert.Equal(aq, L2muHilAdapter.AbarQ14);
        Assert.Equal(bq, L2muHilAdapter.BbarQ14);
    }

    [Fact]
    public void L2mu_suite_is_active_enough_to_prove_something()
    {
        var suite = Wearable.Hil.Suites.GoldenSuite.Load(RepositoryPaths.InRepo("hil", "suites", L2muHilAdapter.KernelName + ".hilsuite"));
        int hiddenSpikes = 0, outputSpikes = 0;
        foreach (var v in suite.Vectors)
        {
            for (int s = 0; s < v.Input.Length; s++)
            {
                hiddenSpikes += System.Numerics.BitOperations.PopCount(v.Expected[2 * s]);
                outputSpikes += System.Numerics.BitOperations.PopCount(v.Expected[(2 * s) + 1]);
            }
        }

        Assert.True(hiddenSpikes > 100 && outputSpikes > 20, $"hidden {hiddenSpikes}, output {outputSpikes} spikes");
    }

    private static int[] Ints(JsonElement c, string name) => c.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static void I32(List<byte> b, int v) => b.AddRange(new[] { (byte)v, (byte)(v >> 8), (byte)(v >> 16), (byte)(v >> 24) });
}
