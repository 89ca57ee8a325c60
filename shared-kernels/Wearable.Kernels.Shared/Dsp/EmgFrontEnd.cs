using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// int16 sEMG frames in; band-filtered signal, envelope and window feature vectors out, all in
    /// caller buffers. Same integers as running BiquadCascade, EnvelopeDetector and WindowFeatures
    /// one after the other (filtered and envelope values are guarded, features read the filtered signal).
    /// </summary>
    public sealed class EmgFrontEnd
    {
        private readonly int _channels;
        private readonly BiquadCascade _band;
        private readonly EnvelopeDetector _envelope;
        private readonly WindowFeatures _features;

        public EmgFrontEnd(EmgFrontEndParameters parameters, int channels)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            _channels = channels;
            _band = new BiquadCascade(parameters.Band, channels);
            _envelope = new EnvelopeDetector(parameters.EnvelopeLowPass, channels);
            _features = new WindowFeatures(parameters.Features, channels);
        }

        public int Channels
        {
            get { return _channels; }
        }

        /// <summary>int32 values per feature vector (5 per channel: MAV, RMS, WL, ZC, SSC).</summary>
        public int FeatureVectorLength
        {
            get { return _channels * WindowFeatures.FeaturesPerChannel; }
        }

        public int GuardBits
        {
            get { return _band.GuardBits; }
        }

        public void Reset()
        {
            _band.Reset();
            _envelope.Reset();
            _features.Reset();
        }

        /// <summary>
        /// Processes frameCount interleaved int16 frames. Writes frameCount frames to filtered and envelope,
        /// and every due feature vector (FeatureVectorLength values each) to features from featuresOffset;
        /// returns the number of feature vectors written. features needs room for
        /// frameCount / hop + 1 vectors.
        /// </summary>
        public int ProcessFrames(short[] input, int inputOffset, int frameCount, int[] filtered, int filteredOffset,
            int[] envelope, int envelopeOffset, int[] features, int featuresOffset)
        {
            FrameBuffer.CheckFrames(envelope, envelopeOffset, frameCount, _channels, "envelope");
            FrameBuffer.CheckFrames(features, featuresOffset, 0, 0, "features");
            _band.ProcessFrames(input, inputOffset, filtered, filteredOffset, frameCount);
            _envelope.ProcessFrames(filtered, filteredOffset, envelope, envelopeOffset, frameCount);
            int vectors = 0;
            int length = FeatureVectorLength;
            for (int f = 0; f < frameCount; f++)
            {
                if (_features.PushFrame(filtered, filteredOffset + f * _channels))
                {
                    int at = featuresOffset + vectors * length;
                    if (at + length > features.Length)
                    {
                        throw new ArgumentOutOfRangeException("features", "Feature buffer full after " + vectors.ToString()
                            + " vectors: give room for frameCount / hop + 1 vectors of " + length.ToString() + " values.");
                    }

                    _features.WriteFeatures(features, at);
                    vectors++;
                }
            }

            return vectors;
        }
    }
}
