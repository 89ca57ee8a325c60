using Wearable.Hil.Generation;
using Wearable.Hil.Rigs;
using Wearable.Hil.Running;
using Wearable.Hil.Suites;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests.Native;

/// <summary>The qemu-m7 rig: the native twins on QEMU's emulated Cortex-M7, over its UART.</summary>
public class QemuM7RigTests
{
    private static readonly TimeSpan s_boot = TimeSpan.FromSeconds(30);

    private static RigDescription Rig => RigDescription.Load(RepositoryPaths.InRepo("hil", "rigs", "qemu-m7.json"));

    private static string ImageTarget(string image) => QemuM7HilTarget.Scheme + "?image=" + image;

    [QemuFact]
    public void Every_golden_vector_of_the_twinned_kernels_passes_on_the_emulated_m7()
    {
        _ = NativeBuild.M7Image;

        HilRunReport report = RigRun.Execute(Rig);

        Assert.True(report.Success, string.Join("; ", report.Kernels.Where(k => !k.Success).Select(k => k.Kernel + ": " + k.FirstMismatch!.Detail)));
        Assert.Equal(10 * 12, report.Vectors);
        Assert.Contains("qemu-m7", report.Target);
        Assert.Contains("dsp=1", report.Target);
        Assert.All(report.Kernels, k => Assert.Equal(QemuM7HilTarget.TimerHz, k.TickFrequencyHz));
        Assert.All(report.Kernels, k => Assert.True(k.TotalTicks > 0, k.Kernel + " reported no device time"));
    }

    [QemuFact]
    public void The_plain_C_build_passes_too()
    {
        string plain = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(NativeBuild.M7Image))!, "m7-plain", "wearable-hil.elf");

        HilRunReport report = RigRun.Execute(Rig, ImageTarget(plain));

        Assert.True(report.Success, string.Join("; ", report.Kernels.Where(k => !k.Success).Select(k => k.Kernel + ": " + k.FirstMismatch!.Detail)));
        Assert.Contains("dsp=0", report.Target);
    }

    [QemuFact]
    public void Perturbed_kernel_on_the_emulated_m7_fails_with_the_exact_first_mismatch_and_nothing_else_fails()
    {
        const string kernel = "cnn.dense.32x10";
        HilRunReport report = RigRun.Execute(Rig, ImageTarget(NativeBuild.M7Image) + "&perturb=" + kernel);

        Assert.False(report.Success);
        KernelResult failed = Assert.Single(report.Kernels, k => !k.Success);
        Assert.Equal(kernel, failed.Kernel);
        Assert.Equal(SuiteGenerator.VectorsPerSuite, failed.Failed);
        GoldenVector first = GoldenSuite.Load(RepositoryPaths.InRepo("hil", "suites", kernel + ".hilsuite")).Vectors[0];
        int index = first.Expected.Length / 2;
        Assert.Equal(0, failed.FirstMismatch!.Vector);
        Assert.Equal(index, failed.FirstMismatch.ByteIndex);
        Assert.Equal((byte)(first.Expected[index] + 1), failed.FirstMismatch.Actual);
    }

    [QemuFact]
    public void A_hang_fails_the_vector_kills_qemu_and_fails_every_later_vector()
    {
        using QemuM7HilTarget device = QemuM7HilTarget.Start(ImageTarget(NativeBuild.M7Image), RepositoryPaths.Root, s_boot);

        HilOutcome hung = device.Run("selftest.hang", [], TimeSpan.FromSeconds(1));
        HilOutcome after = device.Run("cnn.requantize", FirstInput("cnn.requantize"), s_boot);

        Assert.Contains("hung", hung.Error);
        Assert.Contains("QEMU was killed", hung.Error);
        Assert.Contains("not running", after.Error);
        Assert.False(device.IsRunning);
    }

    [QemuFact]
    public void A_crash_fails_the_vector_with_the_fault_and_fails_every_later_vector()
    {
        using QemuM7HilTarget device = QemuM7HilTarget.Start(ImageTarget(NativeBuild.M7Image), RepositoryPaths.Root, s_boot);

        HilOutcome crashed = device.Run("selftest.fault", [], s_boot);
        HilOutcome after = device.Run("cnn.requantize", FirstInput("cnn.requantize"), s_boot);

        Assert.Contains("crashed", crashed.Error);
        Assert.Contains("fault cfsr=", crashed.Error);
        Assert.Contains("not running", after.Error);
    }

    [QemuFact]
    public void Unknown_kernels_and_broken_input_are_errors_from_the_device()
    {
        using QemuM7HilTarget device = QemuM7HilTarget.Start(ImageTarget(NativeBuild.M7Image), RepositoryPaths.Root, s_boot);

        Assert.Contains("unknown kernel", device.Run("cnn.softmax.8", [1, 2, 3, 4, 5, 6, 7, 8], s_boot).Error);
        Assert.Contains("byte contract", device.Run("cnn.dense.32x10", [1, 2, 3], s_boot).Error);
        Assert.Null(device.Run("cnn.requantize", FirstInput("cnn.requantize"), s_boot).Error);
    }

    [Fact]
    public void A_missing_image_says_how_to_build_it()
    {
        var error = Assert.Throws<HilTargetException>(() => QemuM7HilTarget.Start(ImageTarget("no-such-image.elf"), Path.GetTempPath(), s_boot));

        Assert.Contains("make -C native m7", error.Message);
    }

    [Fact]
    public void An_unknown_option_is_named()
    {
        var error = Assert.Throws<HilTargetException>(() => QemuM7HilTarget.Start(QemuM7HilTarget.Scheme + "?imgae=x.elf", Path.GetTempPath(), s_boot));

        Assert.Contains("imgae", error.Message);
    }

    private static byte[] FirstInput(string kernel) => GoldenSuite.Load(RepositoryPaths.InRepo("hil", "suites", kernel + ".hilsuite")).Vectors[0].Input;
}
