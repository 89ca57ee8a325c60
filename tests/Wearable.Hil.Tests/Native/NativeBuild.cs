using System.Diagnostics;
using Wearable.Hil.Running;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests.Native;

/// <summary>
/// Builds native/ with its Makefile once per test run (make is incremental, so this is quick when
/// nothing changed) and says which toolchain is missing when it cannot. A missing tool skips the tests
/// that need it; a build that fails is a test failure.
/// </summary>
public static class NativeBuild
{
    private static readonly Lazy<string> s_hostLibrary = new(() => Make("host", Path.Combine("build", "host", "libwearable_kernels.so")));
    private static readonly Lazy<string> s_m7Image = new(() => Make("m7", Path.Combine("build", "m7", "wearable-hil.elf")));

    public static string Folder => Path.Combine(RepositoryPaths.Root, "native");

    /// <summary>Why the host library cannot be built here, or null.</summary>
    public static string? MissingHostTools => Missing("make", "gcc");

    /// <summary>Why the M7 image cannot be built and run here, or null.</summary>
    public static string? MissingM7Tools => Missing("make", "arm-none-eabi-gcc", "qemu-system-arm")
        ?? (Directory.Exists("/usr/lib/arm-none-eabi/include") ? null : "libnewlib-arm-none-eabi is not installed (CI installs it from .ci/run)");

    /// <summary>native/build/host/libwearable_kernels.so, built.</summary>
    public static string HostLibrary => s_hostLibrary.Value;

    /// <summary>native/build/m7/wearable-hil.elf (DSP build), built together with the plain build.</summary>
    public static string M7Image => s_m7Image.Value;

    private static string? Missing(params string[] tools)
    {
        string[] absent = tools.Where(t => QemuM7HilTarget.FindExecutable(t) is null).ToArray();
        return absent.Length == 0 ? null : $"{string.Join(", ", absent)} not installed (apt-get install qemu-system-arm gcc-arm-none-eabi libnewlib-arm-none-eabi gcc make; CI does it in .ci/run)";
    }

    private static string Make(string target, string product)
    {
        var start = new ProcessStartInfo("make", ["-s", "-C", Folder, target])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process make = Process.Start(start)!;
        Task<string> output = make.StandardOutput.ReadToEndAsync();
        string errors = make.StandardError.ReadToEnd();
        make.WaitForExit();
        if (make.ExitCode != 0)
        {
            throw new InvalidOperationException($"make -C native {target} failed ({make.ExitCode}):\n{output.Result}\n{errors}");
        }

        return Path.Combine(Folder, product);
    }
}

/// <summary>A fact that needs gcc and make to build the host library; skipped with the reason otherwise.</summary>
public sealed class NativeHostFactAttribute : FactAttribute
{
    public NativeHostFactAttribute()
    {
        Skip = NativeBuild.MissingHostTools;
    }
}

/// <summary>A fact that needs the ARM toolchain and qemu-system-arm; skipped with the reason otherwise.</summary>
public sealed class QemuFactAttribute : FactAttribute
{
    public QemuFactAttribute()
    {
        Skip = NativeBuild.MissingM7Tools;
    }
}
