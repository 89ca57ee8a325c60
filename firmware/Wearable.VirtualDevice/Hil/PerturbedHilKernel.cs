using Wearable.Firmware.Hil;

namespace Wearable.VirtualDevice;

/// <summary>
/// Fault injection for the HIL rig's self-test: runs the real kernel, then adds one to the output byte
/// in the middle of the result, like an off-by-one rounding in the kernel's output path. The rig must
/// report exactly that vector and byte as the first mismatch.
/// </summary>
public sealed class PerturbedHilKernel(IHilKernel inner) : IHilKernel
{
    public string Name => inner.Name;

    /// <summary>Index within the output that gets perturbed, for an output of <paramref name="length"/> bytes.</summary>
    public static int PerturbedIndex(int length) => length / 2;

    public int Run(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int maxOutput)
    {
        int produced = inner.Run(input, inputOffset, inputLength, output, outputOffset, maxOutput);
        if (produced > 0)
        {
            output[outputOffset + PerturbedIndex(produced)]++;
        }

        return produced;
    }
}
