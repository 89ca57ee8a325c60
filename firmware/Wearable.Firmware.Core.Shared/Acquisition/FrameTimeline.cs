using System;

namespace Wearable.Firmware.Acquisition
{
    /// <summary>
    /// The ADC's own clock: frame k was sampled k / rate after acquisition began, so every block and
    /// event is stamped from its frame index, never from when the main loop got round to it.
    /// </summary>
    public sealed class FrameTimeline
    {
        private readonly long _epochMicros;
        private readonly int _sampleRate;

        /// <param name="epochMicros">Device time of ADC frame 0 (when acquisition began).</param>
        public FrameTimeline(long epochMicros, int sampleRate)
        {
            if (sampleRate < 1)
            {
                throw new ArgumentOutOfRangeException("sampleRate", "The sample rate must be positive.");
            }

            _epochMicros = epochMicros;
            _sampleRate = sampleRate;
        }

        /// <summary>Device time of ADC frame 0.</summary>
        public long EpochMicros { get { return _epochMicros; } }

        public int SampleRate { get { return _sampleRate; } }

        /// <summary>Device time at which <paramref name="frame"/> was sampled.</summary>
        public long Micros(long frame)
        {
            return _epochMicros + (frame * 1000000L / _sampleRate);
        }
    }
}
