using System;
using Wearable.Kernels.Dsp;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Hil
{
    /// <summary>
    /// "dsp.band-filter": the device's front-end band filter (the one the Filtered stream uses), from a
    /// reset state, over interleaved int16 little-endian frames of the device's channel count; output is
    /// the filtered frames as int16 little-endian (BiquadCascade.ToInt16 of the guarded values).
    /// </summary>
    public sealed class BandFilterHilKernel : IHilKernel
    {
        public const string KernelName = "dsp.band-filter";

        private readonly BiquadCascade _filter;
        private readonly int _channels;
        private readonly short[] _samples;
        private readonly int[] _guarded;

        public BandFilterHilKernel(BiquadCascadeParameters band, int channels, int maxInputBytes)
        {
            if (band == null)
            {
                throw new ArgumentNullException("band");
            }

            _filter = new BiquadCascade(band, channels);
            _channels = channels;
            _samples = new short[maxInputBytes / 2];
            _guarded = new int[maxInputBytes / 2];
        }

        public string Name { get { return KernelName; } }

        public int Run(byte[] input, int inputOffset, int inputLength, byte[] output, int outputOffset, int maxOutput)
        {
            int values = inputLength / 2;
            if (inputLength <= 0 || inputLength % (2 * _channels) != 0 || values > _samples.Length || inputLength > maxOutput)
            {
                return -1;
            }

            for (int i = 0; i < values; i++)
            {
                _samples[i] = LinkBytes.ReadInt16(input, inputOffset + (2 * i));
            }

            _filter.Reset();
            _filter.ProcessFrames(_samples, 0, _guarded, 0, values / _channels); // safe division: BiquadCascade rejects channels < 1
            int guardBits = _filter.GuardBits;
            for (int i = 0; i < values; i++)
            {
                LinkBytes.WriteInt16(output, outputOffset + (2 * i), BiquadCascade.ToInt16(_guarded[i], guardBits));
            }

            return inputLength;
        }
    }
}
