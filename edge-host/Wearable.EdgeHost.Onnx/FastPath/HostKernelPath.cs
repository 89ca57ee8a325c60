using System.Runtime.Intrinsics.X86;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// The instruction set the host fast path runs its int8 dot products on. .NET 10 exposes VNNI only
/// as AVX-VNNI (256-bit VEX vpdpbusd, <see cref="AvxVnni"/>); there is no AVX-512 VNNI class, so
/// 256-bit VNNI is the widest VNNI path a .NET program can use on this hardware.
/// </summary>
public enum HostKernelPath
{
    /// <summary>The portable shared kernels, op by op: the reference, and the fallback without AVX2.</summary>
    Scalar,

    /// <summary>AVX2: vpmaddwd on int16-widened activations (exact; vpmaddubsw would saturate).</summary>
    Avx2,

    /// <summary>AVX-VNNI: vpdpbusd, uint8 activations x int8 weights summed four at a time into int32.</summary>
    AvxVnni,
}

public static class HostKernelPaths
{
    /// <summary>The fastest path this machine supports.</summary>
    public static HostKernelPath Best =>
        AvxVnni.IsSupported ? HostKernelPath.AvxVnni : Avx2.IsSupported ? HostKernelPath.Avx2 : HostKernelPath.Scalar;

    /// <summary>Every path this machine can run (tests check each one against the portable runner).</summary>
    public static IReadOnlyList<HostKernelPath> Available =>
        Enum.GetValues<HostKernelPath>().Where(IsSupported).ToArray();

    public static bool IsSupported(HostKernelPath path) => path switch
    {
        HostKernelPath.Scalar => true,
        HostKernelPath.Avx2 => Avx2.IsSupported,
        HostKernelPath.AvxVnni => AvxVnni.IsSupported && Avx2.IsSupported,
        _ => false,
    };

    public static string Name(HostKernelPath path) => path switch
    {
        HostKernelPath.AvxVnni => "avx-vnni",
        HostKernelPath.Avx2 => "avx2",
        _ => "scalar",
    };
}
