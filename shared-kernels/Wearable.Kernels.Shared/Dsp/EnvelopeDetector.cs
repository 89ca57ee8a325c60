using System;
using Wearable.Kernels.FixedPoint;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// Full-wave rectifier followed by a low-pass cascade (3-10 Hz for sEMG): the linear envelope
    /// the myoelectric-control literature uses as muscle activation. Input and output are guarded
    /// samples in the low-pass's guard domain.
    /// </summary>
    public sealed class EnvelopeDetector
    {
        private readonly BiquadCascade _lowPass;

        public EnvelopeDetector(BiquadCascadeParameters lowPass, int channels)
        {
            _lowPass = new BiquadCascade(lowPass, channels);
        }

        public int Channels
        {
            get { return _lowPass.Channels; }
        }

        public void Reset()
        {
            _lowPass.Reset();
        }

        /// <summary>|x| saturated (|int.MinValue| = int.MaxValue), the rectifier on its own.</summary>
        public static int Rectify(int sample)
        {
            return SaturatingArithmetic.Abs32(sample);
        }

        /// <summary>Envelope of one guarded sample of one channel.</summary>
        public int Step(int channel, int sample)
        {
            return _lowPass.Step(channel, SaturatingArithmetic.Abs32(sample));
        }

        /// <summary>Interleaved frames of guarded samples in, envelope out (in place allowed).</summary>
        public void ProcessFrames(int[] input, int inputOffset, int[] output, int outputOffset, int frameCount)
        {
            int channels = _lowPass.Channels;
            FrameBuffer.CheckFrames(input, inputOffset, frameCount, channels, "input");
            FrameBuffer.CheckFrames(output, outputOffset, frameCount, channels, "output");
            int n = frameCount * channels;
            for (int i = 0; i < n; i++)
            {
                output[outputOffset + i] = SaturatingArithmetic.Abs32(input[inputOffset + i]);
            }

            _lowPass.ProcessFrames(output, outputOffset, output, outputOffset, frameCount);
        }
    }
}
