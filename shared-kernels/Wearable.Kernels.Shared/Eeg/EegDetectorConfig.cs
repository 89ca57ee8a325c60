using System;
using Wearable.Kernels.Dsp;

namespace Wearable.Kernels.Eeg
{
    /// <summary>
    /// One on-device EEG detector as a model file describes it (section eeg_detector, docs/model-format.md):
    /// which ADC channels it reads, the band filter (notch + band-pass, guarded Q2.30 biquads), the
    /// artefact limits, and either an alpha (eyes-closed) or an SSVEP (CCA) detector.
    /// </summary>
    public sealed class EegDetectorConfig
    {
        public const int KindAlpha = 1;
        public const int KindSsvep = 2;

        private readonly int _kind;
        private readonly int[] _channelIndices;
        private readonly BiquadCascadeParameters _band;
        private readonly ArtefactRejectorParameters _artefacts;
        private readonly AlphaDetectorParameters? _alpha;
        private readonly SsvepCcaParameters? _ssvep;

        private EegDetectorConfig(int kind, int[] channelIndices, BiquadCascadeParameters band, ArtefactRejectorParameters artefacts, AlphaDetectorParameters? alpha, SsvepCcaParameters? ssvep)
        {
            if (channelIndices == null)
            {
                throw new ArgumentNullException("channelIndices");
            }

            if (band == null)
            {
                throw new ArgumentNullException("band");
            }

            if (artefacts == null)
            {
                throw new ArgumentNullException("artefacts");
            }

            if (channelIndices.Length < 1)
            {
                throw new ArgumentException("Select at least one ADC channel.", "channelIndices");
            }

            _kind = kind;
            _channelIndices = channelIndices;
            _band = band;
            _artefacts = artefacts;
            _alpha = alpha;
            _ssvep = ssvep;
        }

        public static EegDetectorConfig Alpha(int[] channelIndices, BiquadCascadeParameters band, ArtefactRejectorParameters artefacts, AlphaDetectorParameters alpha)
        {
            if (alpha == null)
            {
                throw new ArgumentNullException("alpha");
            }

            return new EegDetectorConfig(KindAlpha, channelIndices, band, artefacts, alpha, null);
        }

        public static EegDetectorConfig Ssvep(int[] channelIndices, BiquadCascadeParameters band, ArtefactRejectorParameters artefacts, SsvepCcaParameters ssvep)
        {
            if (ssvep == null)
            {
                throw new ArgumentNullException("ssvep");
            }

            if (ssvep.Channels != channelIndices.Length)
            {
                throw new ArgumentException("The SSVEP detector is set up for " + ssvep.Channels.ToString() + " channels but " + channelIndices.Length.ToString() + " are selected.", "ssvep");
            }

            return new EegDetectorConfig(KindSsvep, channelIndices, band, artefacts, null, ssvep);
        }

        /// <summary><see cref="KindAlpha"/> or <see cref="KindSsvep"/>.</summary>
        public int Kind
        {
            get { return _kind; }
        }

        /// <summary>ADC channels the detector reads, in order.</summary>
        public int[] ChannelIndices
        {
            get { return _channelIndices; }
        }

        public BiquadCascadeParameters Band
        {
            get { return _band; }
        }

        public ArtefactRejectorParameters Artefacts
        {
            get { return _artefacts; }
        }

        /// <summary>The alpha detector (null for SSVEP).</summary>
        public AlphaDetectorParameters? AlphaDetector
        {
            get { return _alpha; }
        }

        /// <summary>The SSVEP detector (null for alpha).</summary>
        public SsvepCcaParameters? SsvepDetector
        {
            get { return _ssvep; }
        }

        /// <summary>Decision classes: alpha 2 (open, closed); SSVEP none + one per target.</summary>
        public int ClassCount
        {
            get { return _kind == KindAlpha ? 2 : 1 + _ssvep!.TargetCount; }
        }

        /// <summary>The default detection threshold (Q15) the model file carries.</summary>
        public int ThresholdQ15
        {
            get { return _kind == KindAlpha ? _alpha!.ThresholdQ15 : _ssvep!.ThresholdQ15; }
        }
    }
}
