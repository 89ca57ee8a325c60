using System.Reflection;
using System.Runtime.InteropServices;
using Wearable.Kernels.Cnn;

namespace Wearable.EdgeHost.Native;

/// <summary>
/// Optional P/Invoke back end: the native C twins (native/, built by <c>make -C native host</c> into
/// <c>native/build/host/libwearable_kernels.so</c>). Same integers as the shared C# kernels (the golden
/// suites check both); nothing needs it, so every caller must check <see cref="TryLoad"/> first and
/// keep the C# kernel as the fallback. See docs/native.md.
/// </summary>
public static class NativeKernels
{
    private const string Library = "wearable_kernels";

    private static readonly object s_gate = new();
    private static IntPtr s_handle;

    /// <summary>True once a library is loaded.</summary>
    public static bool IsLoaded => s_handle != IntPtr.Zero;

    /// <summary>
    /// Loads the library from <paramref name="path"/>; false with a one-line reason when it is missing or
    /// not loadable. The first successful load wins for the rest of the process.
    /// </summary>
    public static bool TryLoad(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        lock (s_gate)
        {
            if (s_handle != IntPtr.Zero)
            {
                error = null;
                return true;
            }

            if (!File.Exists(path))
            {
                error = $"native kernel library {path} does not exist: build it with 'make -C native host'";
                return false;
            }

            if (!NativeLibrary.TryLoad(Path.GetFullPath(path), out IntPtr handle))
            {
                error = $"native kernel library {path} could not be loaded (built for another platform?): rebuild it with 'make -C native host'";
                return false;
            }

            s_handle = handle;
            NativeLibrary.SetDllImportResolver(typeof(NativeKernels).Assembly, Resolve);
            error = null;
            return true;
        }
    }

    /// <summary>1 when the library's matvec uses the Armv7E-M DSP extension (never on x86-64).</summary>
    public static bool UsesDspExtension
    {
        get
        {
            Check(true);
            return wk_uses_dsp_extension() != 0;
        }
    }

    /// <summary>
    /// Runs a HIL byte contract (docs/hil.md) on the native twins: output length, -1 for input that breaks the
    /// contract, -2 for a kernel the library does not twin.
    /// </summary>
    public static int HilRun(string kernel, byte[] input, byte[] output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        Check(true);
        return wk_hil_run(kernel, input, input.Length, output, output.Length);
    }

    /// <summary>
    /// Conv1dS8.Run's twin, same arguments (scratch: kernel x cin int16 instead of ints); returns the output frames.
    /// Throws <see cref="ArgumentException"/> when a buffer is too small for the shapes, before any C runs.
    /// </summary>
    public static int Conv1dS8(
        Conv1dParams p, ChannelQuantization quant,
        sbyte[] input, int inputOffset, int inputLength,
        sbyte[] weights, int weightsOffset,
        int[]? bias, int biasOffset,
        sbyte[] output, int outputOffset,
        short[] scratch)
    {
        ArgumentNullException.ThrowIfNull(p);
        int outFrames = global::Wearable.Kernels.Cnn.Conv1dS8.OutputLength(p, inputLength);
        Check(ChannelsFit(quant, bias, biasOffset, p.OutputChannels)
            && Fits(input, inputOffset, inputLength * p.InputChannels) && Fits(weights, weightsOffset, p.OutputChannels * p.KernelSize * p.InputChannels)
            && Fits(output, outputOffset, outFrames * p.OutputChannels) && Fits(scratch, 0, p.KernelSize * p.InputChannels));
        return wk_conv1d_s8_flat(
            input, inputOffset, inputLength, p.InputChannels, p.OutputChannels, p.KernelSize, p.Stride, p.Dilation, (int)p.Padding,
            weights, weightsOffset, bias, biasOffset, quant.Multipliers, quant.Shifts, quant.Count,
            p.InputOffset, p.OutputOffset, p.ActivationMin, p.ActivationMax, output, outputOffset, scratch);
    }

    /// <summary>DenseS8.Run's twin, same arguments (scratch: InputSize int16 instead of ints).</summary>
    public static void DenseS8(
        DenseParams p, ChannelQuantization quant,
        sbyte[] input, int inputOffset,
        sbyte[] weights, int weightsOffset,
        int[]? bias, int biasOffset,
        sbyte[] output, int outputOffset,
        short[] scratch)
    {
        ArgumentNullException.ThrowIfNull(p);
        Check(ChannelsFit(quant, bias, biasOffset, p.Units)
            && Fits(input, inputOffset, p.InputSize) && Fits(weights, weightsOffset, p.InputSize * p.Units) && Fits(output, outputOffset, p.Units)
            && Fits(scratch, 0, p.InputSize));
        wk_dense_s8_flat(
            input, inputOffset, p.InputSize, p.Units, weights, weightsOffset, bias, biasOffset, quant.Multipliers, quant.Shifts, quant.Count,
            p.InputOffset, p.OutputOffset, p.ActivationMin, p.ActivationMax, output, outputOffset, scratch);
    }

    private static bool Fits(Array array, int offset, long count) => array is not null && offset >= 0 && count >= 0 && offset + count <= array.Length;

    /// <summary>One (M, S) per tensor or per output channel, and a bias per output channel if any.</summary>
    private static bool ChannelsFit(ChannelQuantization quant, int[]? bias, int biasOffset, int channels)
    {
        ArgumentNullException.ThrowIfNull(quant);
        return (quant.Count == 1 || quant.Count >= channels) && (bias is null || Fits(bias, biasOffset, channels));
    }

    private static void Check(bool buffersFit)
    {
        if (!IsLoaded)
        {
            throw new InvalidOperationException("The native kernel library is not loaded: call NativeKernels.TryLoad first and fall back to the C# kernels when it fails.");
        }

        if (!buffersFit)
        {
            throw new ArgumentException("A buffer is too small for the shapes in the parameters (the C code would write past it).");
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == Library ? s_handle : IntPtr.Zero;

    [DllImport(Library)]
    private static extern int wk_uses_dsp_extension();

    [DllImport(Library)]
    private static extern int wk_hil_run([MarshalAs(UnmanagedType.LPStr)] string name, byte[] input, int length, byte[] output, int maxOutput);

    [DllImport(Library)]
    private static extern int wk_conv1d_s8_flat(
        sbyte[] input, int inputAt, int length, int cin, int cout, int kernel, int stride, int dilation, int padding,
        sbyte[] weights, int weightsAt, int[]? bias, int biasAt, int[] multipliers, int[] shifts, int quantCount,
        int inputOffset, int outputOffset, int activationMin, int activationMax, sbyte[] output, int outputAt, short[] scratch);

    [DllImport(Library)]
    private static extern void wk_dense_s8_flat(
        sbyte[] input, int inputAt, int inputSize, int units, sbyte[] weights, int weightsAt, int[]? bias, int biasAt,
        int[] multipliers, int[] shifts, int quantCount,
        int inputOffset, int outputOffset, int activationMin, int activationMax, sbyte[] output, int outputAt, short[] scratch);
}
