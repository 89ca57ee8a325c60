namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// A kernel behind a byte contract (docs/hil.md): decodes its input bytes, runs the shared kernel and
    /// encodes the result. The desktop runs these in-process to make golden outputs and the device runs
    /// the very same classes on HilRun, so a mismatch can only come from the platform. Implementations
    /// allocate their scratch in the constructor and nothing per run.
    /// </summary>
    public abstract class HilAdapter
    {
        /// <summary>Largest input an adapter must accept (the link's HilRun limit with a 32-byte name).</summary>
        public const int MaxInput = 1024 - 4 - 32;

        /// <summary>Largest output (the link's HilResult limit).</summary>
        public const int MaxOutput = 1024 - 16;

        /// <summary>ASCII name, at most 32 characters, e.g. "cnn.conv1d.k3".</summary>
        public abstract string Name { get; }

        /// <summary>Runs once from a reset state; returns the output length, or -1 when the input does not fit the contract.</summary>
        public abstract int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput);
    }
}
