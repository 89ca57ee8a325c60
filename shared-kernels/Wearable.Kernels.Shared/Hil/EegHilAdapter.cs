using Wearable.Kernels.Eeg;
using Wearable.Kernels.Link;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// The eeg.* contracts, from a reset state over interleaved int16 frames of two channels (at most
    /// 240 frames), all in int16 LSB as the band filter outputs them:
    /// "eeg.artefacts": per frame u8 artefact flag and u16 clean-run length (capped at 65535), limits
    /// 8000 LSB amplitude, 4000 LSB slope, hold 8;
    /// "eeg.alpha": per decision i16 alpha share (Q15) and u8 decision; alpha band = the dsp.biquad
    /// cascade, window 32, hop 8, threshold 8192;
    /// "eeg.ssvep-cca": per decision i16 correlation (Q15) for each of two targets (20 and 30 Hz at
    /// 256 Hz), 2 harmonics, window 32, hop 8, a 64-entry Q14 sine table.
    /// </summary>
    public sealed class EegHilAdapter : HilAdapter
    {
        public const int Artefacts = 0;
        public const int Alpha = 1;
        public const int Ssvep = 2;
        public const int MaxFrames = 240;
        public const int Window = 32;
        public const int Hop = 8;

        private static readonly string[] s_names = new string[] { "eeg.artefacts", "eeg.alpha", "eeg.ssvep-cca" };

        // sin(2 pi i / 64) * 16384, rounded: the device needs no trigonometry.
        private static readonly short[] s_sine64 = new short[]
        {
            0, 1606, 3196, 4756, 6270, 7723, 9102, 10394, 11585, 12665, 13623, 14449, 15137, 15679, 16069, 16305,
            16384, 16305, 16069, 15679, 15137, 14449, 13623, 12665, 11585, 10394, 9102, 7723, 6270, 4756, 3196, 1606,
            0, -1606, -3196, -4756, -6270, -7723, -9102, -10394, -11585, -12665, -13623, -14449, -15137, -15679, -16069, -16305,
            -16384, -16305, -16069, -15679, -15137, -14449, -13623, -12665, -11585, -10394, -9102, -7723, -6270, -4756, -3196, -1606,
        };

        private readonly int _kind;
        private readonly HilReader _reader = new HilReader();
        private readonly int[] _frame = new int[FrontEndHilConstants.Channels];
        private readonly ArtefactRejector _artefacts;
        private readonly AlphaDetector _alpha;
        private readonly SsvepCcaDetector _ssvep;

        public EegHilAdapter(int kind)
        {
            if (kind < Artefacts || kind > Ssvep)
            {
                throw new System.ArgumentOutOfRangeException("kind");
            }

            _kind = kind;
            int channels = FrontEndHilConstants.Channels;
            _artefacts = new ArtefactRejector(new ArtefactRejectorParameters(8000, 4000, 8), channels);
            _alpha = new AlphaDetector(new AlphaDetectorParameters(FrontEndHilConstants.Band(), Window, Hop, 8192), channels);
            // 20 and 30 Hz at 256 Hz: round(f / 256 * 2^32).
            _ssvep = new SsvepCcaDetector(new SsvepCcaParameters(channels, Window, Hop, new int[] { 335544320, 503316480 }, 2, s_sine64, 16384));
        }

        public override string Name { get { return s_names[_kind]; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            int channels = FrontEndHilConstants.Channels;
            int frames = length / (2 * channels);
            if (length % (2 * channels) != 0 || frames < 1 || frames > MaxFrames)
            {
                return -1;
            }

            _reader.Start(input, offset, length);
            _artefacts.Reset();
            _alpha.Reset();
            _ssvep.Reset();
            int produced = 0;
            for (int t = 0; t < frames; t++)
            {
                for (int c = 0; c < channels; c++)
                {
                    _frame[c] = _reader.Int16();
                }

                if (_kind == Artefacts)
                {
                    if (produced + 3 > maxOutput)
                    {
                        return -1;
                    }

                    output[outputOffset + produced] = (byte)(_artefacts.PushFrame(_frame, 0) ? 1 : 0);
                    int clean = _artefacts.CleanFrames;
                    LinkBytes.WriteUInt16(output, outputOffset + produced + 1, clean > 65535 ? 65535 : clean);
                    produced += 3;
                }
                else if (_kind == Alpha)
                {
                    if (_alpha.PushFrame(_frame, 0))
                    {
                        if (produced + 3 > maxOutput)
                        {
                            return -1;
                        }

                        LinkBytes.WriteInt16(output, outputOffset + produced, (short)_alpha.ShareQ15);
                        output[outputOffset + produced + 2] = (byte)_alpha.Decision;
                        produced += 3;
                    }
                }
                else if (_ssvep.PushFrame(_frame, 0))
                {
                    if (produced + 4 > maxOutput)
                    {
                        return -1;
                    }

                    LinkBytes.WriteInt16(output, outputOffset + produced, (short)_ssvep.CorrelationQ15(0));
                    LinkBytes.WriteInt16(output, outputOffset + produced + 2, (short)_ssvep.CorrelationQ15(1));
                    produced += 4;
                }
            }

            return produced;
        }
    }
}
