using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// Multichannel cascade of direct-form-I biquads with Q2.30 coefficients and int64 accumulation.
    /// Values in and out are in the "guarded" domain: an int16 sample shifted left by GuardBits. Each
    /// section floors its accumulator to the state precision and carries the dropped bits into the
    /// next sample (first-order error feedback), which puts a zero at DC in the rounding-noise transfer
    /// and keeps low cut-off filters (poles near z = 1) within -80 dB of the double reference.
    /// </summary>
    public sealed class BiquadCascade
    {
        // Per channel and section: x1, x2, y1, y2, carried error.
        private const int StateStride = 5;

        private readonly int[] _coefficients;
        private readonly int _sections;
        private readonly int _channels;
        private readonly int _guardBits;
        private readonly int[] _state;

        public BiquadCascade(BiquadCascadeParameters parameters, int channels)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            if (channels < 1)
            {
                throw new ArgumentOutOfRangeException("channels", "A filter needs at least one channel; got " + channels.ToString() + ".");
            }

            _coefficients = parameters.Coefficients;
            _sections = parameters.SectionCount;
            _channels = channels;
            _guardBits = parameters.GuardBits;
            _state = new int[channels * _sections * StateStride];
        }

        public int Channels
        {
            get { return _channels; }
        }

        public int GuardBits
        {
            get { return _guardBits; }
        }

        /// <summary>Clears the state of every channel (as after construction).</summary>
        public void Reset()
        {
            Array.Clear(_state, 0, _state.Length);
        }

        /// <summary>Filters one guarded sample of one channel; returns the guarded output.</summary>
        public int Step(int channel, int sample)
        {
            int x = Clamp(sample);
            int[] c = _coefficients;
            int[] s = _state;
            int si = channel * _sections * StateStride;
            for (int k = 0, ci = 0; k < _sections; k++, ci += 5, si += StateStride)
            {
                long acc = (long)c[ci] * x
                    + (long)c[ci + 1] * s[si]
                    + (long)c[ci + 2] * s[si + 1]
                    - (long)c[ci + 3] * s[si + 2]
                    - (long)c[ci + 4] * s[si + 3]
                    + s[si + 4];
                long y = acc >> BiquadCascadeParameters.CoefficientFractionBits;
                int error = (int)(acc - (y << BiquadCascadeParameters.CoefficientFractionBits));
                if (y > BiquadCascadeParameters.StateLimit)
                {
                    y = BiquadCascadeParameters.StateLimit;
                    error = 0;
                }
                else if (y < -BiquadCascadeParameters.StateLimit)
                {
                    y = -BiquadCascadeParameters.StateLimit;
                    error = 0;
                }

                s[si + 1] = s[si];
                s[si] = x;
                s[si + 3] = s[si + 2];
                s[si + 2] = (int)y;
                s[si + 4] = error;
                x = (int)y;
            }

            return x;
        }

        /// <summary>Filters one int16 sample (ADC units); returns the guarded output.</summary>
        public int StepInt16(int channel, short sample)
        {
            return Step(channel, sample << _guardBits);
        }

        /// <summary>
        /// Filters frameCount interleaved frames (Channels values each) of int16 samples into guarded outputs.
        /// Same integers as calling <see cref="StepInt16"/> sample by sample, frame by frame: each section
        /// depends only on its own input sequence, so the block runs section by section and channel by
        /// channel with the state held in locals.
        /// </summary>
        public void ProcessFrames(short[] input, int inputOffset, int[] output, int outputOffset, int frameCount)
        {
            FrameBuffer.CheckFrames(input, inputOffset, frameCount, _channels, "input");
            FrameBuffer.CheckFrames(output, outputOffset, frameCount, _channels, "output");
            int n = frameCount * _channels;
            for (int i = 0; i < n; i++)
            {
                output[outputOffset + i] = Clamp(input[inputOffset + i] << _guardBits);
            }

            RunSections(output, outputOffset, frameCount);
        }

        /// <summary>Filters frameCount interleaved frames of guarded samples (e.g. another cascade's output). In place is allowed.</summary>
        public void ProcessFrames(int[] input, int inputOffset, int[] output, int outputOffset, int frameCount)
        {
            FrameBuffer.CheckFrames(input, inputOffset, frameCount, _channels, "input");
            FrameBuffer.CheckFrames(output, outputOffset, frameCount, _channels, "output");
            int n = frameCount * _channels;
            if (input != output || inputOffset != outputOffset)
            {
                for (int i = 0; i < n; i++)
                {
                    output[outputOffset + i] = Clamp(input[inputOffset + i]);
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    output[outputOffset + i] = Clamp(output[outputOffset + i]);
                }
            }

            RunSections(output, outputOffset, frameCount);
        }

        /// <summary>Runs every section in place over already clamped interleaved frames.</summary>
        private void RunSections(int[] buffer, int offset, int frameCount)
        {
            int[] c = _coefficients;
            int[] s = _state;
            int stride = _channels;
            int end = offset + frameCount * stride;
            for (int ch = 0; ch < _channels; ch++)
            {
                int si = ch * _sections * StateStride;
                for (int k = 0, ci = 0; k < _sections; k++, ci += 5, si += StateStride)
                {
                    long b0 = c[ci], b1 = c[ci + 1], b2 = c[ci + 2], a1 = c[ci + 3], a2 = c[ci + 4];
                    int x1 = s[si], x2 = s[si + 1], y1 = s[si + 2], y2 = s[si + 3], error = s[si + 4];
                    for (int i = offset + ch; i < end; i += stride)
                    {
                        int x = buffer[i];
                        long acc = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2 + error;
                        long y = acc >> BiquadCascadeParameters.CoefficientFractionBits;
                        error = (int)(acc - (y << BiquadCascadeParameters.CoefficientFractionBits));
                        if (y > BiquadCascadeParameters.StateLimit)
                        {
                            y = BiquadCascadeParameters.StateLimit;
                            error = 0;
                        }
                        else if (y < -BiquadCascadeParameters.StateLimit)
                        {
                            y = -BiquadCascadeParameters.StateLimit;
                            error = 0;
                        }

                        x2 = x1;
                        x1 = x;
                        y2 = y1;
                        y1 = (int)y;
                        buffer[i] = y1;
                    }

                    s[si] = x1;
                    s[si + 1] = x2;
                    s[si + 2] = y1;
                    s[si + 3] = y2;
                    s[si + 4] = error;
                }
            }
        }

        /// <summary>Guarded value back to int16: round half up, then saturate.</summary>
        public static short ToInt16(int guarded, int guardBits)
        {
            if (guardBits == 0)
            {
                return Wearable.Kernels.FixedPoint.Saturation.ToInt16(guarded);
            }

            return Wearable.Kernels.FixedPoint.Saturation.ToInt16((int)(((long)guarded + (1L << (guardBits - 1))) >> guardBits));
        }

        private static int Clamp(int value)
        {
            if (value > BiquadCascadeParameters.StateLimit)
            {
                return BiquadCascadeParameters.StateLimit;
            }

            if (value < -BiquadCascadeParameters.StateLimit)
            {
                return -BiquadCascadeParameters.StateLimit;
            }

            return value;
        }
    }
}
