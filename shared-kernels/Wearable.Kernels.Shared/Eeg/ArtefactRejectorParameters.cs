using System;

namespace Wearable.Kernels.Eeg
{
    /// <summary>
    /// Limits of the EEG artefact rejector, in the detector's input domain (int16 LSB after the band
    /// filter). Blinks and jaw clenches are far larger and steeper than EEG (tens of uV), so an
    /// amplitude or sample-to-sample slope above these marks the frame, and the next HoldFrames frames,
    /// as contaminated (the band filter spreads an artefact over its impulse response).
    /// </summary>
    public sealed class ArtefactRejectorParameters
    {
        /// <summary>Largest amplitude and slope limit (int16 range).</summary>
        public const int MaxLimit = 32767;

        /// <summary>Longest hold after an artefact frame.</summary>
        public const int MaxHoldFrames = 65535;

        private readonly int _amplitudeLimit;
        private readonly int _slopeLimit;
        private readonly int _holdFrames;

        /// <param name="amplitudeLimit">|x| above this marks an artefact (1..32767; 32767 = never).</param>
        /// <param name="slopeLimit">|x[n] - x[n-1]| above this marks an artefact (1..32767; 32767 = never).</param>
        /// <param name="holdFrames">Frames after an artefact that still count as contaminated (0..65535).</param>
        public ArtefactRejectorParameters(int amplitudeLimit, int slopeLimit, int holdFrames)
        {
            if (amplitudeLimit < 1 || amplitudeLimit > MaxLimit)
            {
                throw new ArgumentOutOfRangeException("amplitudeLimit", "The amplitude limit must be in 1..32767 LSB (32767 = off); got " + amplitudeLimit.ToString() + ".");
            }

            if (slopeLimit < 1 || slopeLimit > MaxLimit)
            {
                throw new ArgumentOutOfRangeException("slopeLimit", "The slope limit must be in 1..32767 LSB per sample (32767 = off); got " + slopeLimit.ToString() + ".");
            }

            if (holdFrames < 0 || holdFrames > MaxHoldFrames)
            {
                throw new ArgumentOutOfRangeException("holdFrames", "The hold must be in 0..65535 frames; got " + holdFrames.ToString() + ".");
            }

            _amplitudeLimit = amplitudeLimit;
            _slopeLimit = slopeLimit;
            _holdFrames = holdFrames;
        }

        public int AmplitudeLimit
        {
            get { return _amplitudeLimit; }
        }

        public int SlopeLimit
        {
            get { return _slopeLimit; }
        }

        public int HoldFrames
        {
            get { return _holdFrames; }
        }
    }
}
