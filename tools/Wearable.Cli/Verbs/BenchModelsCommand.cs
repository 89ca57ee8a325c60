using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;
using Wearable.Cli.Bench;
using Wearable.EdgeHost.Onnx.FastPath;
using Wearable.EdgeHost.Onnx.Offload;
using Wearable.EdgeHost.Onnx.Runtime;
using Wearable.Kernels.Model;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable bench models [--json]`: every model file in models/ on three back ends in one run and
/// on the same windows: the portable runner (the device code), the host fast path, and ONNX Runtime
/// on the exported graph (one intra-op thread). Median thread CPU time per inference
/// (<see cref="BenchmarkRunner"/>); the ratio ORT / fast path is what docs/performance.md tabulates.
/// </summary>
public static class BenchModelsCommand
{
    private const int Windows = 32;

    public static Command Create()
    {
        var json = CommonOptions.Json();
        var seconds = new Option<double>("--seconds") { Description = "Measurement budget per model and back end, in seconds.", DefaultValueFactory = _ => 2.0 }.InRange(0, 600, exclusiveMin: true);
        var models = new Option<DirectoryInfo?>("--models") { Description = "Folder of .wmdl files (default: the repository's models/)." }.ExistingFolder();
        var command = new Command("models", "Time every model file on the portable runner, the host fast path and ONNX Runtime (same windows, one thread).")
        {
            json,
            seconds,
            models,
        };
        command.SetAction(parse => Run(parse.GetValue(json), parse.GetValue(seconds), parse.GetValue(models)));
        return command;
    }

    private static int Run(bool json, double seconds, DirectoryInfo? folder)
    {
        if (!(seconds > 0) || seconds > 600)
        {
            throw new CliException($"--seconds must be in (0, 600], got {seconds}.", "Try --seconds 2.");
        }

        string root = folder?.FullName ?? Path.Combine(RepositoryRoot(), "models");
        if (!Directory.Exists(root))
        {
            throw new CliException($"Model folder {root} not found.", "Run from the repository or pass --models DIR.");
        }

        string[] files = Directory.GetFiles(root, "*.wmdl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new CliException($"No .wmdl files in {root}.", "Pass --models with a folder of model files.");
        }

        var rows = new List<object>();
        var table = new Table().AddColumn("model").AddColumn("MACs").AddColumn("portable").AddColumn("host fast (" + HostKernelPaths.Name(HostKernelPaths.Best) + ")").AddColumn("ONNX Runtime").AddColumn("ORT / fast");
        foreach (string file in files)
        {
            ModelDefinition model = Read(file);
            if (!model.HasCnn)
            {
                continue;
            }

            sbyte[][] windows = InputWindows(model);
            string name = Path.GetFileNameWithoutExtension(file);
            var portable = new ModelRunner(model);
            var fast = new HostFastRunner(model);
            using var ort = new OnnxRuntimeRunner(model);
            var output = new sbyte[portable.OutputBytes];
            var cases = new[]
            {
                Case(name + "/portable", () => Cycle(windows, w => { portable.SetInput(w, 0); portable.Invoke(); })),
                Case(name + "/fast", () => Cycle(windows, w => { fast.SetInput(w, 0); fast.Invoke(); })),
                Case(name + "/ort", () => Cycle(windows, w => ort.Run(w, 0, output, 0))),
            };
            IReadOnlyList<BenchmarkResult> r = BenchmarkRunner.RunAll(cases, seconds);
            double portableUs = r[0].CpuNanosecondsPerUnitMedian / 1000;
            double fastUs = r[1].CpuNanosecondsPerUnitMedian / 1000;
            double ortUs = r[2].CpuNanosecondsPerUnitMedian / 1000;
            rows.Add(new { model = name, macs = portable.MacsPerInference, portableMicroseconds = Math.Round(portableUs, 2), hostFastMicroseconds = Math.Round(fastUs, 2), onnxRuntimeMicroseconds = Math.Round(ortUs, 2) });
            table.AddRow(Markup.Escape(name), portable.MacsPerInference.ToString("N0"), $"{portableUs:F1} µs", $"{fastUs:F1} µs", $"{ortUs:F1} µs", $"{ortUs / fastUs:F2}");
        }

        if (json)
        {
            JsonOutput.Write(new
            {
                machine = new { os = RuntimeInformation.OSDescription, processors = Environment.ProcessorCount, runtime = RuntimeInformation.FrameworkDescription, hostFastPath = HostKernelPaths.Name(HostKernelPaths.Best), clock = ThreadCpuClock.IsAvailable ? "thread CPU time" : "wall time" },
                windows = Windows,
                models = rows,
            });
            return 0;
        }

        AnsiConsole.MarkupLine($"[bold]wearable bench models[/]: median CPU time per inference, one thread, the same {Windows} windows on every back end");
        AnsiConsole.Write(table);
        return 0;
    }

    private static KernelBenchmark Case(string name, Func<Action> setup) => new(name, "model", name, "inference", Windows, setup);

    private static Action Cycle(sbyte[][] windows, Action<sbyte[]> infer) => () =>
    {
        foreach (sbyte[] window in windows)
        {
            infer(window);
        }
    };

    /// <summary>
    /// Windows of the bundled real sEMG sample through the model's own front end (what a device would
    /// feed it); seeded random windows for a model whose input the sample cannot feed.
    /// </summary>
    private static sbyte[][] InputWindows(ModelDefinition model)
    {
        string sample = Path.Combine(AppContext.BaseDirectory, "samples", "myo-male7-gestures-0-6.dat");
        var windows = new List<sbyte[]>();
        if (File.Exists(sample) && model.Input.Channels == 8 && model.FrontEnd is { CnnInputQuantTable: >= 0 })
        {
            byte[] bytes = File.ReadAllBytes(sample);
            var frame = new short[8];
            var windower = new SampleWindower(model);
            int frames = bytes.Length / 16;
            int every = Math.Max(1, frames / (Windows * model.Input.HopSamples + 1));
            int seen = 0;
            for (int f = 0; f < frames && windows.Count < Windows; f++)
            {
                for (int c = 0; c < 8; c++)
                {
                    frame[c] = BitConverter.ToInt16(bytes, f * 16 + c * 2);
                }

                if (windower.Push(frame, 0) && seen++ % every == 0)
                {
                    windows.Add((sbyte[])windower.Window.Clone());
                }
            }
        }

        var random = new Random(20261205);
        int size = model.Tensors[model.GraphInput].ByteCount;
        while (windows.Count < Windows)
        {
            var w = new byte[size];
            random.NextBytes(w);
            windows.Add((sbyte[])(Array)w);
        }

        return windows.ToArray();
    }

    private static ModelDefinition Read(string file)
    {
        try
        {
            return ModelReader.Read(File.ReadAllBytes(file));
        }
        catch (ModelFormatException ex)
        {
            throw new CliException($"{Path.GetFileName(file)} is not a valid model: {ex.Problem} (field {ex.Field}, byte {ex.Offset}).", "Fix or remove the file, or pass --models with another folder.");
        }
    }

    internal static string RepositoryRoot()
    {
        string? dir = Directory.GetCurrentDirectory();
        while (dir is not null && !File.Exists(Path.Combine(dir, "Wearable.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? ".";
    }
}
