using Wearable.Hil.Generation;
using Wearable.Hil.Running;
using Wearable.Hil.Suites;
using Wearable.Kernels.Hil;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests;

/// <summary>The committed suites are exactly what the desktop adapters produce today, and the adapters behave.</summary>
public class SuiteGenerationTests
{
    private static string SuitesDirectory => RepositoryPaths.InRepo("hil", "suites");

    [Fact]
    public void Regenerating_the_suites_gives_the_committed_files_byte_for_byte()
    {
        string dir = Directory.CreateTempSubdirectory("wearable-hil-gen").FullName;
        IReadOnlyList<string> written = SuiteGenerator.WriteAll(dir, SuiteGenerator.DefaultSeed, RepositoryPaths.InRepo(SuiteGenerator.ExampleModel));

        Assert.Equal(
            Directory.GetFiles(SuitesDirectory, "*.hilsuite").Select(Path.GetFileName).Order(),
            written.Select(Path.GetFileName).Order());
        foreach (string path in written)
        {
            byte[] committed = File.ReadAllBytes(Path.Combine(SuitesDirectory, Path.GetFileName(path)));
            Assert.True(committed.AsSpan().SequenceEqual(File.ReadAllBytes(path)),
                $"{Path.GetFileName(path)} drifted from the kernels: run 'wearable hil generate' and review the diff");
        }
    }

    [Fact]
    public void Every_catalog_kernel_has_a_suite_that_records_its_generator_and_fits_the_link()
    {
        foreach (string kernel in SuiteGenerator.Kernels().Append(InProcessHilTarget.ModelKernel))
        {
            GoldenSuite suite = GoldenSuite.Load(Path.Combine(SuitesDirectory, kernel + ".hilsuite"));
            Assert.Equal(kernel, suite.Kernel);
            Assert.Equal(SuiteGenerator.Command(SuiteGenerator.DefaultSeed), suite.Generator);
            Assert.Equal(SuiteGenerator.DefaultSeed, suite.Seed);
            Assert.Equal(SuiteGenerator.VectorsPerSuite, suite.Vectors.Count);
            Assert.All(suite.Vectors, v =>
            {
                Assert.InRange(v.Input.Length, 1, HilAdapter.MaxInput);
                Assert.InRange(v.Expected.Length, 1, HilAdapter.MaxOutput);
            });

            // Vectors must differ, or the suite proves little.
            Assert.True(suite.Vectors.Select(v => Convert.ToHexString(v.Expected)).Distinct().Count() > SuiteGenerator.VectorsPerSuite / 2, kernel);
        }
    }

    [Fact]
    public void Adapters_allocate_nothing_per_run()
    {
        var output = new byte[HilAdapter.MaxOutput];
        foreach (HilAdapter adapter in HilAdapterCatalog.CreateAll())
        {
            byte[] input = GoldenSuite.Load(Path.Combine(SuitesDirectory, adapter.Name + ".hilsuite")).Vectors[1].Input;
            AllocationAssert.ZeroBytes(() => adapter.Run(input, 0, input.Length, output, 0, output.Length), 20, what: adapter.Name);
        }
    }

    [Fact]
    public void Adapters_refuse_truncated_or_padded_input_instead_of_throwing()
    {
        var output = new byte[HilAdapter.MaxOutput];
        foreach (HilAdapter adapter in HilAdapterCatalog.CreateAll())
        {
            Assert.Equal(-1, adapter.Run(new byte[1], 0, 0, output, 0, output.Length));
            byte[] input = GoldenSuite.Load(Path.Combine(SuitesDirectory, adapter.Name + ".hilsuite")).Vectors[1].Input;
            var padded = new byte[HilAdapter.MaxInput + 8];
            Array.Copy(input, padded, input.Length);
            Assert.Equal(-1, adapter.Run(padded, 0, padded.Length, output, 0, output.Length));
            Assert.True(adapter.Run(input, 0, input.Length, output, 0, 3) <= 3, adapter.Name + " wrote past maxOutput");
        }
    }

    [Fact]
    public void In_process_target_reproduces_every_golden_output()
    {
        using var desktop = new InProcessHilTarget(RepositoryPaths.InRepo(SuiteGenerator.ExampleModel));
        HilRunReport report = HilRunner.Run("desktop", desktop, Directory.GetFiles(SuitesDirectory, "*.hilsuite"), TimeSpan.FromSeconds(1));
        Assert.True(report.Success, string.Join("; ", report.Kernels.Where(k => !k.Success).Select(k => k.FirstMismatch!.Detail)));
        Assert.Equal((SuiteGenerator.Kernels().Count + 1) * SuiteGenerator.VectorsPerSuite, report.Vectors);
    }
}
