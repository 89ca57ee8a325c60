using System.Globalization;
using Wearable.Hil.Running;
using Wearable.Hil.Suites;

namespace Wearable.Hil.NanoClr;

/// <summary>
/// Runs golden suites inside nanoFramework's interpreter (nanoCLR) in one batch: the harness program is
/// generated with every vector compiled in, built for nanoFramework, turned into .pe images and run; then
/// each <see cref="Run"/> hands back the answer nanoCLR gave for that vector. Target string:
/// <c>nanoclr://[?model=FILE][&amp;repeats=N]</c> (repeats: timed runs per vector).
/// </summary>
public sealed class NanoClrHilTarget : IHilTarget
{
    private readonly Dictionary<(string Kernel, string Input), (int Suite, int Vector)> _index = new();
    private readonly NanoClrOutput[] _outputBySuite;

    private NanoClrHilTarget(NanoClrOutput[] outputBySuite, string description)
    {
        _outputBySuite = outputBySuite;
        Description = description;
    }

    public string Description { get; }

    /// <summary>Builds the harness for <paramref name="suitePaths"/> and runs it in nanoCLR, within <paramref name="timeout"/>.</summary>
    public static NanoClrHilTarget Start(string target, IEnumerable<string> suitePaths, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(suitePaths);
        NanoClrToolchain toolchain = NanoClrToolchain.Locate();
        string? modelPath = Option(target, "model");
        int repeats = int.TryParse(Option(target, "repeats"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int r) && r > 0 ? r : 1;
        var suites = suitePaths.Select(GoldenSuite.Load).ToList();
        byte[]? model = modelPath is null ? null : File.ReadAllBytes(modelPath);

        string folder = Path.Combine(Path.GetTempPath(), "wearable-nanoclr-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            string kernels = Path.Combine(toolchain.DeviceFolder, "Wearable.Kernels.dll");
            string kernelsPe = toolchain.ToPe(kernels, folder);
            var outputBySuite = new NanoClrOutput[suites.Count];
            string version = "?";
            var batches = NanoClrHarnessSource.Batches(suites, model?.Length ?? 0);
            foreach (var (first, count) in batches)
            {
                // Each batch gets its share of the time: the budget is per vector, like a board's.
                var batchSuites = suites.GetRange(first, count);
                bool usesModel = batchSuites.Any(x => x.Kernel == NanoClrHarnessSource.ModelKernel);
                string name = "WearableHilHarness" + first.ToString(CultureInfo.InvariantCulture);
                string harness = toolchain.CompileProgram(NanoClrHarnessSource.Generate(batchSuites, first, usesModel ? model : null, repeats), name, folder);
                string harnessPe = toolchain.ToPe(harness, folder, kernels);
                TimeSpan share = timeout * ((double)batchSuites.Sum(x => x.Vectors.Count) / Math.Max(1, suites.Sum(x => x.Vectors.Count)));
                ProcessResult run = toolchain.Run(new[] { Path.Combine(toolchain.DeviceFolder, "mscorlib.pe"), kernelsPe, harnessPe }, share);
                version = NanoClrVersion(run.StandardOutput) is var v && v != "?" ? v : version;
                NanoClrOutput output = NanoClrOutput.Parse(run.StandardOutput, run.ExitCode, repeats);
                for (int s = first; s < first + count; s++)
                {
                    outputBySuite[s] = output;
                }
            }

            var batch = new NanoClrHilTarget(outputBySuite, "nanoCLR (" + Path.GetFileName(toolchain.Interpreter) + ", mscorlib " + version + ", " + batches.Count.ToString(CultureInfo.InvariantCulture) + " batches)");
            for (int s = 0; s < suites.Count; s++)
            {
                for (int v = 0; v < suites[s].Vectors.Count; v++)
                {
                    batch._index.TryAdd((suites[s].Kernel, Convert.ToHexString(suites[s].Vectors[v].Input)), (s, v));
                }
            }

            return batch;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("WEARABLE_NANOCLR_KEEP") is null) { Directory.Delete(folder, recursive: true); }
        }
    }

    public HilOutcome Run(string kernel, byte[] input, TimeSpan timeout)
    {
        return _index.TryGetValue((kernel, Convert.ToHexString(input)), out var at)
            ? _outputBySuite[at.Suite].Outcome(at.Suite, at.Vector)
            : HilOutcome.Failed("vector was not in the batch compiled into the nanoCLR harness");
    }

    public void Dispose()
    {
    }

    private static string NanoClrVersion(string stdout)
    {
        // nanoCLR lists each loaded assembly as "Assembly: mscorlib (1.17.11.0)".
        const string marker = "Assembly: mscorlib (";
        int at = stdout.IndexOf(marker, StringComparison.Ordinal);
        int end = at < 0 ? -1 : stdout.IndexOf(')', at);
        return end < 0 ? "?" : stdout[(at + marker.Length)..end];
    }

    private static string? Option(string target, string name)
    {
        int query = target.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
        {
            return null;
        }

        foreach (string pair in target[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals].Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return pair[(equals + 1)..];
            }
        }

        return null;
    }
}
