using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// y[n] = x[n] - x[n-1] + R y[n-1]: the one-pole, one-zero DC blocker used in front of EEG
    /// amplifiers with a drifting electrode offset. It is a single first-order biquad section
    /// (b = 1, -1, 0; a1 = -R), so it shares the cascade's integer rules, guard bits and error feedback.
    /// </summary>
    public sealed class DcBlocker
    {
        private readonly BiquadCascade _section;

        /// <param name="poleQ30">R in Q2.30 (e.g. round((1 - 2 pi fc / fs) * 2^30)); must be in [0, 2^30).</param>
        /// <param name="guardBits">Guard bits of state and output (0..13).</param>
        /// <param name="channels">Interleaved channels.</param>
        public DcBlocker(int poleQ30, int guardBits, int channels)
        {
            if (poleQ30 < 0 || poleQ30 >= (1 << 30))
            {
                throw new ArgumentOutOfRangeException("poleQ30", "The DC blocker's pole R must be in [0, 1) (Q2.30 0..2^30-1) to be stable; got " + poleQ30.ToString() + ".");
            }

            int[] coefficients = new int[] { 1 << 30, -(1 << 30), 0, -poleQ30, 0 };
            _section = new BiquadCascade(new BiquadCascadeParameters(coefficients, guardBits), channels);
        }

        public int GuardBits
        {
            get { return _section.GuardBits; }
        }

        public void Reset()
        {
            _section.Reset();
        }

        /// <summary>One guarded sample in, one guarded sample out.</summary>
        public int Step(int channel, int sample)
        {
            return _section.Step(channel, sample);
        }

        /// <summary>One int16 sample in, one guarded sample out.</summary>
        public int StepInt16(int channel, short sample)
        {
            return _section.StepInt16(channel, sample);
        }

        public void ProcessFrames(short[] input, int inputOffset, int[] output, int outputOffset, int frameCount)
        {
            _section.ProcessFrames(input, inputOffset, output, outputOffset, frameCount);
        }

        public void ProcessFrames(int[] input, int inputOffset, int[] output, int outputOffset, int frameCount)
        {
            _section.ProcessFrames(input, inputOffset, output, outputOffset, frameCount);
        }
    }
}
