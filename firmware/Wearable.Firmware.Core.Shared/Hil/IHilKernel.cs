namespace Wearable.Firmware.Hil
{
    /// <summary>
    /// A kernel the host can run on the device through HilRun, to compare its output bytes with the
    /// desktop's and time it with the device clock. Implementations own their scratch buffers and
    /// allocate nothing per run.
    /// </summary>
    public interface IHilKernel
    {
        /// <summary>ASCII name the host asks for (at most 32 bytes).</summary>
        string Name { get; }

        /// <summary>
        /// Runs once on <paramref name="inputLength"/> bytes and writes the output; returns its length,
        /// or -1 when the input has the wrong size or shape for this kernel.
        /// </summary>
        int Run(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int maxOutput);
    }
}
