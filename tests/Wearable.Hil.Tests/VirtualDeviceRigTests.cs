using Wearable.Cli.Devices;
using Wearable.Hil.Generation;
using Wearable.Hil.Rigs;
using Wearable.Hil.Running;
using Wearable.Hil.Suites;
using Wearable.TestSupport;
using Wearable.VirtualDevice;

namespace Wearable.Hil.Tests;

/// <summary>The committed rig against the virtual device on a real pseudo-terminal, clean and perturbed.</summary>
public class VirtualDeviceRigTests
{
    private static RigDescription Rig => RigDescription.Load(RepositoryPaths.InRepo("hil", "rigs", "virtual.json"));

    [Fact]
    public void Whole_suite_passes_on_the_virtual_device_over_a_pty()
    {
        HilRunReport report = RigRun.Execute(Rig, null, new VirtualDeviceLauncher());

        Assert.Contains("/dev/pts/", report.Target);
        Assert.True(report.Success, string.Join("; ", report.Kernels.Where(k => !k.Success).Select(k => k.Kernel + ": " + k.FirstMismatch!.Detail)));
        Assert.Equal((SuiteGenerator.Kernels().Count + 1) * SuiteGenerator.VectorsPerSuite, report.Vectors);
        Assert.Equal(SuiteGenerator.Kernels().Append(InProcessHilTarget.ModelKernel).Order(), report.Kernels.Select(k => k.Kernel).Order());
        Assert.All(report.Kernels, k => Assert.Equal(1_000_000, k.TickFrequencyHz));
    }

    [Fact]
    public void Perturbed_kernel_fails_with_the_exact_first_mismatch_and_nothing_else_fails()
    {
        const string kernel = "cnn.requantize";
        HilRunReport report = RigRun.Execute(Rig, Rig.Target + "&perturb=" + kernel, new VirtualDeviceLauncher());

        Assert.False(report.Success);
        KernelResult failed = Assert.Single(report.Kernels, k => !k.Success);
        Assert.Equal(kernel, failed.Kernel);
        Assert.Equal(SuiteGenerator.VectorsPerSuite, failed.Failed);

        // The board adds one to the middle byte of every output: vector 0 is the first mismatch, at that byte.
        GoldenVector first = GoldenSuite.Load(RepositoryPaths.InRepo("hil", "suites", kernel + ".hilsuite")).Vectors[0];
        int index = PerturbedHilKernel.PerturbedIndex(first.Expected.Length);
        HilMismatch mismatch = failed.FirstMismatch!;
        Assert.Equal(0, mismatch.Vector);
        Assert.Equal(index, mismatch.ByteIndex);
        Assert.Equal(first.Expected[index], mismatch.Expected);
        Assert.Equal((byte)(first.Expected[index] + 1), mismatch.Actual);
    }

    [Fact]
    public void Unknown_perturbed_kernel_is_a_clear_error()
    {
        var error = Assert.Throws<HilTargetException>(() => RigRun.Execute(Rig, "sim://?perturb=cnn.nope", new VirtualDeviceLauncher()));
        Assert.Contains("cnn.nope", error.Message);
    }
}
