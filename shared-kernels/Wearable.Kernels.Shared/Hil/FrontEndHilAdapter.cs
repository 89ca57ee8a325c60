using Wearable.Kernels.Dsp;
using Wearable.Kernels.Link;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// The dsp.* contracts, from a reset state over interleaved int16 frames of two channels
    /// (<see cref="FrontEndHilConstants"/>):
    /// "dsp.biquad": output the band-filtered frames as int16 (ToInt16 of the guarded values);
    /// "dsp.envelope": input shifted into the guard domain, output the envelope as int32 guarded values (at most 120 frames);
    /// "dsp.window-features": output the 5 features per channel as int32 each time a window completes;
    /// "dsp.goertzel": output the int64 power per channel and bin each time a block completes.
    /// </summary>
    public sealed class FrontEndHilAdapter : HilAdapter
    {
        public const int Biquad = 0;
        public const int Envelope = 1;
        public const int Features = 2;
        public const int Goertzel = 3;
        public const int MaxFrames = 240;
        public const int MaxEnvelopeFrames = 120;

        private static readonly string[] s_names = new string[] { "dsp.biquad", "dsp.envelope", "dsp.window-features", "dsp.goertzel" };

        private readonly int _kind;
        private readonly HilReader _reader = new HilReader();
        private readonly short[] _frame = new short[FrontEndHilConstants.Channels];
        private readonly int[] _samples = new int[MaxFrames * FrontEndHilConstants.Channels];
        private readonly int[] _values = new int[MaxFrames * FrontEndHilConstants.Channels];
        private readonly int[] _features = new int[WindowFeatures.FeaturesPerChannel * FrontEndHilConstants.Channels];
        private readonly BiquadCascade _band;
        private readonly EnvelopeDetector _envelope;
        private readonly WindowFeatures _window;
        private readonly GoertzelBandPower _goertzel;

        public FrontEndHilAdapter(int kind)
        {
            if (kind < Biquad || kind > Goertzel)
            {
                throw new System.ArgumentOutOfRangeException("kind");
            }

            _kind = kind;
            int channels = FrontEndHilConstants.Channels;
            _band = new BiquadCascade(FrontEndHilConstants.Band(), channels);
            _envelope = new EnvelopeDetector(FrontEndHilConstants.EnvelopeLowPass(), channels);
            _window = new WindowFeatures(FrontEndHilConstants.Window(), channels);
            _goertzel = new GoertzelBandPower(FrontEndHilConstants.Goertzel(), channels);
        }

        public override string Name { get { return s_names[_kind]; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            int channels = FrontEndHilConstants.Channels;
            int frames = length / (2 * channels);
            int limit = _kind == Envelope ? MaxEnvelopeFrames : MaxFrames;
            if (length % (2 * channels) != 0 || frames < 1 || frames > limit)
            {
                return -1;
            }

            _reader.Start(input, offset, length);
            for (int i = 0; i < frames * channels; i++)
            {
                _samples[i] = _reader.Int16();
            }

            if (_kind == Biquad)
            {
                return RunBiquad(frames, output, outputOffset, maxOutput);
            }

            if (_kind == Envelope)
            {
                return RunEnvelope(frames, output, outputOffset, maxOutput);
            }

            return RunBlocks(frames, output, outputOffset, maxOutput);
        }

        private int RunBiquad(int frames, byte[] output, int outputOffset, int maxOutput)
        {
            int count = frames * FrontEndHilConstants.Channels;
            if (count * 2 > maxOutput)
            {
                return -1;
            }

            _band.Reset();
            _band.ProcessFrames(_samples, 0, _values, 0, frames);
            for (int i = 0; i < count; i++)
            {
                LinkBytes.WriteInt16(output, outputOffset + (2 * i), BiquadCascade.ToInt16(_values[i], _band.GuardBits));
            }

            return count * 2;
        }

        private int RunEnvelope(int frames, byte[] output, int outputOffset, int maxOutput)
        {
            int count = frames * FrontEndHilConstants.Channels;
            if (count * 4 > maxOutput)
            {
                return -1;
            }

            for (int i = 0; i < count; i++)
            {
                _values[i] = _samples[i] << FrontEndHilConstants.GuardBits;
            }

            _envelope.Reset();
            _envelope.ProcessFrames(_values, 0, _values, 0, frames);
            for (int i = 0; i < count; i++)
            {
                LinkBytes.WriteInt32(output, outputOffset + (4 * i), _values[i]);
            }

            return count * 4;
        }

        private int RunBlocks(int frames, byte[] output, int outputOffset, int maxOutput)
        {
            int channels = FrontEndHilConstants.Channels;
            _window.Reset();
            _goertzel.Reset();
            int produced = 0;
            for (int t = 0; t < frames; t++)
            {
                for (int c = 0; c < channels; c++)
                {
                    _frame[c] = (short)_samples[(t * channels) + c];
                }

                if (_kind == Features)
                {
                    if (_window.PushFrame(_frame, 0))
                    {
                        if (produced + (_features.Length * 4) > maxOutput)
                        {
                            return -1;
                        }

                        _window.WriteFeatures(_features, 0);
                        for (int i = 0; i < _features.Length; i++)
                        {
                            LinkBytes.WriteInt32(output, outputOffset + produced, _features[i]);
                            produced += 4;
                        }
                    }
                }
                else if (_goertzel.PushFrame(_frame, 0))
                {
                    int bins = _goertzel.BinCount;
                    if (produced + (channels * bins * 8) > maxOutput)
                    {
                        return -1;
                    }

                    for (int c = 0; c < channels; c++)
                    {
                        for (int b = 0; b < bins; b++)
                        {
                            LinkBytes.WriteInt64(output, outputOffset + produced, _goertzel.Power(c, b));
                            produced += 8;
                        }
                    }
                }
            }

            return produced;
        }
    }
}
