using Wearable.Kernels.Cnn;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Cli.Bench;

/// <summary>
/// Issue 4's figures: int8 conv1d and dense throughput on one core (unit = one MAC, so
/// GMAC/s = 1 / CPU ns per MAC) and the example model's latency per inference.
/// </summary>
public static class CnnBenchmarks
{
    private const string PerMac = "GMAC/s = 1 / (CPU ns per MAC)";

    public static IReadOnlyList<KernelBenchmark> Cases { get; } =
    [
        new("cnn-conv1d-k5-same", "cnn", "int8 conv1d 128 frames x 32 ch -> 32 ch, k = 5, same padding, per-channel requantization",
            "MAC", Conv1dS8.Macs(new Conv1dParams { KernelSize = 5, InputChannels = 32, OutputChannels = 32, Padding = Padding1d.Same }, 128),
            () => Conv(128, 32, 32, 5, Padding1d.Same), Notes: () => PerMac),
        new("cnn-conv1d-k3-causal", "cnn", "int8 conv1d 64 frames x 64 ch -> 64 ch, k = 3, causal padding",
            "MAC", Conv1dS8.Macs(new Conv1dParams { KernelSize = 3, InputChannels = 64, OutputChannels = 64, Padding = Padding1d.Causal }, 64),
            () => Conv(64, 64, 64, 3, Padding1d.Causal), Notes: () => PerMac),
        new("cnn-dense-1024x256", "cnn", "int8 dense 1024 -> 256, per-tensor requantization",
            "MAC", 1024.0 * 256, Dense, Notes: () => PerMac),
        new("cnn-example-model", "cnn", "models/examples/random-emg-cnn-8ch.wmdl: 32x8 -> conv k5 -> conv k3 s2 d2 -> dense 6 -> softmax",
            "inference", 1, Example, Notes: () => ModelRunner.Load(ExampleModels.RandomEmgCnn()).MacsPerInference.ToString("N0") + " MACs per inference"),
        new("cnn-gesture-default", "cnn", "models/gesture-default.wmdl: Myo 52x8 -> branches of (conv k5 -> maxpool -> dw k5 -> pw 32 -> maxpool -> dense 7), one per ensemble member -> adds -> softmax",
            "inference", 1, GestureDefault, Notes: () => LoadGestureDefault().MacsPerInference.ToString("N0") + " MACs per inference"),
        new("cnn-example-pipeline", "cnn", "The example model end to end: 8 ch int16 at 2 kHz -> front end -> CNN every 100 samples (ModelPipeline.Push per frame)",
            "multichannel sample", Frames, Pipeline, RealTimeUnitsPerSecond: 2000),
    ];

    private const int Frames = 2000;

    private static Action Pipeline()
    {
        var pipeline = new ModelPipeline(ModelReader.Read(ExampleModels.RandomEmgCnn()));
        var random = new Random(4);
        var samples = new short[8 * Frames];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(random.Next(-6000, 6000) * ((i / (8 * 500)) % 2 == 0 ? 1 : 0.2));
        }

        return () =>
        {
            for (int n = 0; n < Frames; n++)
            {
                pipeline.Push(samples, n * 8);
            }
        };
    }

    private static Action Conv(int frames, int cin, int cout, int k, Padding1d padding)
    {
        var random = new Random(1);
        var p = new Conv1dParams { KernelSize = k, InputChannels = cin, OutputChannels = cout, Padding = padding, InputOffset = 3, OutputOffset = -5 };
        var quant = Quant(random, cout);
        var input = Bytes(random, frames * cin);
        var weights = Bytes(random, cout * k * cin);
        var bias = new int[cout];
        var output = new sbyte[Conv1dS8.OutputLength(p, frames) * cout];
        var scratch = new int[Conv1dS8.GetBufferSize(p)];
        return () => Conv1dS8.Run(p, quant, input, 0, frames, weights, 0, bias, 0, output, 0, scratch);
    }

    private static Action Dense()
    {
        var random = new Random(2);
        var p = new DenseParams { InputSize = 1024, Units = 256, InputOffset = 1 };
        var quant = Quant(random, 1);
        var input = Bytes(random, 1024);
        var weights = Bytes(random, 1024 * 256);
        var bias = new int[256];
        var output = new sbyte[256];
        var scratch = new int[DenseS8.GetBufferSize(p)];
        return () => DenseS8.Run(p, quant, input, 0, weights, 0, bias, 0, output, 0, scratch);
    }

    private static Action Example()
    {
        var runner = ModelRunner.Load(ExampleModels.RandomEmgCnn());
        runner.SetInput(Bytes(new Random(3), runner.InputBytes), 0);
        return runner.Invoke;
    }

    private static ModelRunner LoadGestureDefault() => ModelRunner.Load(File.ReadAllBytes(Path.Combine(RepositoryRoot(), "models", "gesture-default.wmdl")));

    private static Action GestureDefault()
    {
        var runner = LoadGestureDefault();
        runner.SetInput(Bytes(new Random(5), runner.InputBytes), 0);
        return runner.Invoke;
    }

    private static string RepositoryRoot()
    {
        string? dir = Directory.GetCurrentDirectory();
        while (dir is not null && !File.Exists(Path.Combine(dir, "Wearable.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? ".";
    }

    private static ChannelQuantization Quant(Random random, int channels) => new(
        Enumerable.Range(0, channels).Select(_ => random.Next(1 << 30, int.MaxValue)).ToArray(),
        Enumerable.Range(0, channels).Select(_ => -random.Next(6, 10)).ToArray());

    private static sbyte[] Bytes(Random random, int n)
    {
        var bytes = new byte[n];
        random.NextBytes(bytes);
        return bytes.Select(b => unchecked((sbyte)b)).ToArray();
    }
}
