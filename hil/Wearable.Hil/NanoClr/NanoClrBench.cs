using System.Globalization;
using Wearable.Hil.Generation;
using Wearable.Hil.Running;
using Wearable.Hil.Suites;

namespace Wearable.Hil.NanoClr;

/// <summary>One kernel suite or model file, timed on both sides; times are per call, microseconds.</summary>
public sealed record NanoClrBenchRow(string Name, string Kind, int Vectors, int Passed, double DotNetMicroseconds, double NanoClrMicroseconds)
{
    /// <summary>nanoCLR time over .NET time (NaN when either side has no time).</summary>
    public double Ratio => DotNetMicroseconds > 0 && NanoClrMicroseconds > 0 ? NanoClrMicroseconds / DotNetMicroseconds : double.NaN;

    public bool Success => Passed == Vectors && Vectors > 0;
}

/// <summary>The rows of one <see cref="NanoClrBench.Run"/> and the settings that produced them.</summary>
public sealed record NanoClrBenchReport(string NanoClr, string DotNet, int NanoClrRepeats, int DotNetRepeats, IReadOnlyList<NanoClrBenchRow> Rows)
{
    /// <summary>Geometric mean of the ratios of the rows that passed (NaN for none).</summary>
    public double GeometricMeanRatio
    {
        get
        {
            var ratios = Rows.Where(r => r.Success && !double.IsNaN(r.Ratio)).Select(r => r.Ratio).ToList();
            return ratios.Count == 0 ? double.NaN : Math.Exp(ratios.Average(Math.Log));
        }
    }

    public bool Success => Rows.Count > 0 && Rows.All(r => r.Success);
}

/// <summary>
/// Times the same golden vectors on the in-process .NET adapters and inside nanoCLR in one invocation,
/// so the ratio is not skewed by the load of a shared machine changing between two runs minutes apart.
/// Each vector's output is still compared byte for byte: a ratio over wrong answers would be meaningless.
/// </summary>
public static class NanoClrBench
{
    /// <summary>Windows timed per model file: a model call on nanoCLR takes up to seconds, so fewer than a suite's 12.</summary>
    public const int ModelWindows = 4;

    /// <summary>
    /// .NET timed runs per nanoCLR timed run. The interpreter is two to three orders of magnitude slower, so this
    /// gives the desktop side enough runs to rise above Stopwatch resolution while both sides take similar wall time.
    /// </summary>
    public const int DotNetRepeatsPerNanoClrRepeat = 100;

    /// <param name="suitePaths">Kernel suites (as in hil/rigs/nanoclr.json); a model.example suite uses <paramref name="exampleModel"/>.</param>
    /// <param name="exampleModel">The model file the model.example suite was generated from, or null.</param>
    /// <param name="modelFiles">Model files to time one by one on <see cref="ModelWindows"/> seeded windows each.</param>
    /// <param name="repeats">Timed runs per vector inside nanoCLR.</param>
    /// <param name="vectorTimeout">Budget per vector and repeat set inside nanoCLR, like a rig's vectorTimeoutMs.</param>
    /// <param name="progress">Told what is being timed, for a long run's console.</param>
    public static NanoClrBenchReport Run(IReadOnlyList<string> suitePaths, string? exampleModel, IReadOnlyList<string> modelFiles, int repeats, TimeSpan vectorTimeout, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(suitePaths);
        ArgumentNullException.ThrowIfNull(modelFiles);
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        NanoClrToolchain.Locate();
        int dotNetRepeats = repeats * DotNetRepeatsPerNanoClrRepeat;
        var rows = new List<NanoClrBenchRow>();
        string nanoDescription = "nanoCLR";
        string folder = Directory.CreateTempSubdirectory("wearable-nanoclr-bench-").FullName;
        try
        {
            if (suitePaths.Count > 0)
            {
                progress?.Invoke(suitePaths.Count.ToString(CultureInfo.InvariantCulture) + " kernel suites");
                var suites = suitePaths.Select(p => (Path: p, Suite: GoldenSuite.Load(p))).ToList();
                nanoDescription = TimeBoth(suites, exampleModel, repeats, dotNetRepeats, vectorTimeout, "kernel", s => s.Kernel, rows);
            }

            for (int m = 0; m < modelFiles.Count; m++)
            {
                string name = Path.GetFileNameWithoutExtension(modelFiles[m]);
                progress?.Invoke("model " + name);
                GoldenSuite full = SuiteGenerator.Generate(InProcessHilTarget.ModelKernel, SuiteGenerator.DefaultSeed, modelFiles[m]);
                var suite = new GoldenSuite(full.Kernel, full.Generator, full.Seed, full.Vectors.Take(ModelWindows).ToList());
                string path = Path.Combine(folder, "model" + m.ToString(CultureInfo.InvariantCulture) + ".hilsuite");
                suite.Save(path);
                nanoDescription = TimeBoth(new[] { (path, suite) }, modelFiles[m], repeats, dotNetRepeats, vectorTimeout, "model", _ => name, rows);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        using var dotNet = new InProcessHilTarget();
        return new NanoClrBenchReport(nanoDescription, dotNet.Description, repeats, dotNetRepeats, rows);
    }

    private static string TimeBoth(IReadOnlyList<(string Path, GoldenSuite Suite)> suites, string? model, int repeats, int dotNetRepeats, TimeSpan vectorTimeout, string kind, Func<GoldenSuite, string> name, List<NanoClrBenchRow> rows)
    {
        // .NET before and after the interpreter, keeping the faster: a burst of load on a shared machine
        // then slows one of the two, not the figure.
        KernelResult[] before = TimeDotNet(suites, model, dotNetRepeats, vectorTimeout);
        string target = "nanoclr://?repeats=" + repeats.ToString(CultureInfo.InvariantCulture) + (model is null ? string.Empty : "&model=" + model);
        int vectors = suites.Sum(s => s.Suite.Vectors.Count);
        TimeSpan batchTimeout = TimeSpan.FromSeconds(60) + (vectorTimeout * vectors);
        using NanoClrHilTarget nano = NanoClrHilTarget.Start(target, suites.Select(s => s.Path), batchTimeout);
        KernelResult[] device = suites.Select(s => HilRunner.RunSuite(nano, s.Path, s.Suite, vectorTimeout)).ToArray();
        KernelResult[] after = TimeDotNet(suites, model, dotNetRepeats, vectorTimeout);
        for (int i = 0; i < suites.Count; i++)
        {
            double dotNet = Math.Min(before[i].MeanMicroseconds, after[i].MeanMicroseconds);
            int passed = Math.Min(device[i].Passed, Math.Min(before[i].Passed, after[i].Passed));
            rows.Add(new NanoClrBenchRow(name(suites[i].Suite), kind, suites[i].Suite.Vectors.Count, passed, dotNet, device[i].MeanMicroseconds));
        }

        return nano.Description;
    }

    private static KernelResult[] TimeDotNet(IReadOnlyList<(string Path, GoldenSuite Suite)> suites, string? model, int repeats, TimeSpan vectorTimeout)
    {
        using var target = new InProcessHilTarget(model, repeats);
        return suites.Select(s => HilRunner.RunSuite(target, s.Path, s.Suite, vectorTimeout)).ToArray();
    }
}
