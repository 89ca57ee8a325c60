namespace Wearable.Kernels.Link
{
    /// <summary>What a stream carries (StartStream, StopStream, SampleBlock). Wire values are fixed.</summary>
    public enum LinkStreamKind : byte
    {
        /// <summary>ADC samples as int16, before any filter.</summary>
        Raw = 1,

        /// <summary>Front-end output (high-pass, notch) as int16.</summary>
        Filtered = 2,

        /// <summary>Feature vectors (e.g. RMS envelopes per window) as int16.</summary>
        Features = 3,

        /// <summary>Spike trains: one int16 per neuron per step (0 or 1, or a count).</summary>
        Spikes = 4,

        /// <summary>Inference events (sent as InferenceEvent messages, not SampleBlocks).</summary>
        InferenceEvents = 5,

        /// <summary>In StopStream: every stream.</summary>
        All = 0xFF,
    }
}
