using Wearable.Kernels.Dsp;

namespace Wearable.Firmware.Processing
{
    /// <summary>Buffer sizes the core allocates at start-up (checked against the board's RAM budget first).</summary>
    public sealed class DeviceConfiguration
    {
        public DeviceConfiguration()
        {
            RingFrames = 256;
            MaxBlockFrames = 31;
            AcquisitionChunkFrames = 16;
            ModelArenaBytes = 0;
            ValidateModels = true;
            HilKernels = false;
        }

        /// <summary>Frames of slack between the ADC and the link (256 frames = 128 ms at 2 kHz).</summary>
        public int RingFrames { get; set; }

        /// <summary>Largest block a host may ask for (31 x 16 channels fills one 1 KiB payload).</summary>
        public int MaxBlockFrames { get; set; }

        /// <summary>Frames fetched from the ADC per call.</summary>
        public int AcquisitionChunkFrames { get; set; }

        /// <summary>Working memory reserved for the model runner (0 until models run on the device).</summary>
        public int ModelArenaBytes { get; set; }

        /// <summary>
        /// Check uploads with the shared model reader before a commit (and that their input matches the
        /// device's channels and rate). Off only for tests that move arbitrary blobs.
        /// </summary>
        public bool ValidateModels { get; set; }

        /// <summary>
        /// Register the HIL kernels (the band filter and the Wearable.Kernels.Hil adapters) so HilRun can run
        /// every golden suite. Off by default: their scratch (BufferPlan.HilAdapterScratchBytes and more) is
        /// allocated and counted in the RAM budget only when on, e.g. in a HIL firmware build or the virtual device.
        /// </summary>
        public bool HilKernels { get; set; }

        /// <summary>
        /// Band filter of the Filtered stream; null = <see cref="DefaultFrontEnds.BandFor"/> the source's rate
        /// (and no Filtered stream at rates without a default).
        /// </summary>
        public BiquadCascadeParameters FilteredBand { get; set; }
    }
}
