using System.Globalization;
using Wearable.Hil.Generation;
using Wearable.Hil.Running;
using Wearable.Hil.Suites;

namespace Wearable.Hil.NanoClr;

/// <summary>
/// One model's managed heap on nanoCLR, from the runtime's own GC reports (bytes; junk arrays are
/// <see cref="NanoClrMemoryHarnessSource.JunkBytes"/> long).
/// </summary>
/// <param name="Name">Model file name without extension.</param>
/// <param name="FileBytes">The model file, held in RAM in every phase.</param>
/// <param name="Iterations">Model calls in each steady-state loop.</param>
/// <param name="Reports">The forced collections: baseline, setup, loop1, loop2.</param>
public sealed record NanoClrMemoryRow(string Name, int FileBytes, int Iterations, IReadOnlyList<NanoClrHeapReport> Reports)
{
    private NanoClrHeapReport Phase(string phase) => Reports.Single(r => r.Phase == phase);

    /// <summary>Live heap the loaded model adds (runner, its buffers, a warm-up call), beyond its file bytes.</summary>
    public long ResidentBytes => Phase("setup").UsedBytes - Phase("baseline").UsedBytes;

    /// <summary>Live heap after both loops minus before them: what the steady-state loop keeps (0 when it holds nothing new).</summary>
    public long SteadyGrowthBytes => Phase("loop2").UsedBytes - Phase("setup").UsedBytes;

    /// <summary>
    /// Heap one loop of <see cref="Iterations"/> calls allocated and dropped, to within one junk array: the
    /// collection after the second loop came that many throw-away arrays sooner than the one after the first.
    /// </summary>
    public long LoopGarbageBytes => (long)(Phase("loop1").JunkArrays - Phase("loop2").JunkArrays) * NanoClrMemoryHarnessSource.JunkBytes;

    /// <summary>Live heap at the baseline: the runtime, mscorlib's statics, the harness, the model file and windows.</summary>
    public long BaselineBytes => Phase("baseline").UsedBytes;

    /// <summary>The interpreter's whole managed heap (used + available at any report).</summary>
    public long HeapBytes => Phase("baseline").UsedBytes + Phase("baseline").AvailableBytes;
}

/// <summary>
/// Measures, per model file, the managed heap its steady-state loop needs inside nanoCLR: the model
/// compiled into <see cref="NanoClrMemoryHarnessSource"/>'s program, run by the interpreter named in
/// $WEARABLE_NANOCLR_MEMSTATS (nf-interpreter's POSIX host built with NANOCLR_TRACE_MEMORY_STATS), its GC
/// reports read by <see cref="NanoClrMemoryOutput"/>.
/// </summary>
public static class NanoClrMemoryBench
{
    /// <summary>Distinct input windows the loop cycles through (the bench's seeded model windows).</summary>
    public const int Windows = 4;

    /// <param name="modelFiles">Model files, measured one by one.</param>
    /// <param name="iterations">Model calls in the steady-state loop.</param>
    /// <param name="timeout">Budget per model run inside nanoCLR.</param>
    /// <param name="progress">Told which model is being measured.</param>
    public static IReadOnlyList<NanoClrMemoryRow> Run(IReadOnlyList<string> modelFiles, int iterations, TimeSpan timeout, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(modelFiles);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        NanoClrToolchain toolchain = NanoClrToolchain.Locate(NanoClrToolchain.MemoryStatsInterpreterVariable);
        string folder = Directory.CreateTempSubdirectory("wearable-nanoclr-memory-").FullName;
        try
        {
            string kernels = Path.Combine(toolchain.DeviceFolder, "Wearable.Kernels.dll");
            string kernelsPe = toolchain.ToPe(kernels, folder);
            var rows = new List<NanoClrMemoryRow>();
            for (int m = 0; m < modelFiles.Count; m++)
            {
                string name = Path.GetFileNameWithoutExtension(modelFiles[m]);
                progress?.Invoke(name);
                byte[] model = File.ReadAllBytes(modelFiles[m]);
                GoldenSuite suite = SuiteGenerator.Generate(InProcessHilTarget.ModelKernel, SuiteGenerator.DefaultSeed, modelFiles[m]);
                var windows = suite.Vectors.Take(Windows).Select(v => v.Input).ToList();
                string assembly = "WearableMemoryHarness" + m.ToString(CultureInfo.InvariantCulture);
                string harness = toolchain.CompileProgram(NanoClrMemoryHarnessSource.Generate(model, windows, iterations), assembly, folder);
                string harnessPe = toolchain.ToPe(harness, folder, kernels);
                ProcessResult run = toolchain.Run(new[] { Path.Combine(toolchain.DeviceFolder, "mscorlib.pe"), kernelsPe, harnessPe }, timeout);
                IReadOnlyList<NanoClrHeapReport> reports;
                try
                {
                    reports = NanoClrMemoryOutput.Parse(run.StandardOutput, run.ExitCode);
                }
                catch (InvalidDataException ex)
                {
                    throw new InvalidDataException(name + ": " + ex.Message, ex);
                }

                rows.Add(new NanoClrMemoryRow(name, model.Length, iterations, reports));
            }

            return rows;
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("WEARABLE_NANOCLR_KEEP") is null) { Directory.Delete(folder, recursive: true); }
            else { progress?.Invoke("kept " + folder); }
        }
    }
}
