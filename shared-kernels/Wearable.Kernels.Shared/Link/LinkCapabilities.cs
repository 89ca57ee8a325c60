namespace Wearable.Kernels.Link
{
    /// <summary>Bits of DeviceInfo.Capabilities: what the host may ask this firmware for.</summary>
    public static class LinkCapabilities
    {
        /// <summary>Raw int16 stream.</summary>
        public const uint RawStream = 1u << 0;

        /// <summary>Filtered stream.</summary>
        public const uint FilteredStream = 1u << 1;

        /// <summary>Feature stream.</summary>
        public const uint FeatureStream = 1u << 2;

        /// <summary>Spike stream.</summary>
        public const uint SpikeStream = 1u << 3;

        /// <summary>Inference events.</summary>
        public const uint InferenceEvents = 1u << 4;

        /// <summary>Model upload into A/B slots.</summary>
        public const uint ModelUpload = 1u << 5;

        /// <summary>Hardware-in-the-loop kernel and model runs.</summary>
        public const uint HilRun = 1u << 6;

        /// <summary>Calibration table get/set.</summary>
        public const uint Calibration = 1u << 7;

        /// <summary>Time sync ping/pong.</summary>
        public const uint TimeSync = 1u << 8;

        /// <summary>Pairing and HMAC authentication (all real firmware sets this).</summary>
        public const uint Pairing = 1u << 9;
    }
}
