using System;
using Wearable.Kernels.Dsp;

namespace Wearable.Kernels.Eeg
{
    /// <summary>
    /// ADC frames in, EEG decisions out: picks the detector's channels, runs the band filter (notch +
    /// band-pass) in the guarded domain, rounds back to int16 LSB, marks artefacts, and feeds the alpha
    /// or SSVEP detector. A decision whose window holds an artefact (or its hold) is withheld and
    /// counted in <see cref="RejectedDecisions"/>. Classes: alpha 0 eyes open, 1 eyes closed; SSVEP
    /// 0 no target (best correlation below the threshold), k + 1 target k. Allocates at construction only.
    /// </summary>
    public sealed class EegDetectorPipeline
    {
        private readonly EegDetectorConfig _config;
        private readonly int[] _channels;
        private readonly BiquadCascade _band;
        private readonly int _guardBits;
        private readonly ArtefactRejector _artefacts;
        private readonly AlphaDetector? _alpha;
        private readonly SsvepCcaDetector? _ssvep;
        private readonly int[] _filtered;
        private readonly int _window;

        public EegDetectorPipeline(EegDetectorConfig config)
        {
            if (config == null)
            {
                throw new ArgumentNullException("config");
            }

            _config = config;
            _channels = config.ChannelIndices;
            int count = _channels.Length;
            _band = new BiquadCascade(config.Band, count);
            _guardBits = config.Band.GuardBits;
            _artefacts = new ArtefactRejector(config.Artefacts, count);
            _filtered = new int[count];
            if (config.Kind == EegDetectorConfig.KindAlpha)
            {
                _alpha = new AlphaDetector(config.AlphaDetector!, count);
                _window = config.AlphaDetector!.Window;
            }
            else
            {
                _ssvep = new SsvepCcaDetector(config.SsvepDetector!);
                _window = config.SsvepDetector!.Window;
            }

            Decision = -1;
        }

        public EegDetectorConfig Config
        {
            get { return _config; }
        }

        /// <summary>The alpha detector (null for an SSVEP model).</summary>
        public AlphaDetector? Alpha
        {
            get { return _alpha; }
        }

        /// <summary>The SSVEP detector (null for an alpha model).</summary>
        public SsvepCcaDetector? Ssvep
        {
            get { return _ssvep; }
        }

        public ArtefactRejector Artefacts
        {
            get { return _artefacts; }
        }

        /// <summary>The band-filtered frame of the last push (int16 LSB, selected channels).</summary>
        public int[] Filtered
        {
            get { return _filtered; }
        }

        /// <summary>Class of the last decision; -1 before the first.</summary>
        public int Decision { get; private set; }

        /// <summary>Confidence of the last decision in Q15: the alpha share or the best canonical correlation.</summary>
        public int ConfidenceQ15 { get; private set; }

        /// <summary>True when the last push completed a detector window, clean or not (the detector's own outputs are then fresh).</summary>
        public bool DecisionDue { get; private set; }

        /// <summary>Decisions withheld because their window held an artefact.</summary>
        public int RejectedDecisions { get; private set; }

        /// <summary>Detection threshold in Q15 (per-user calibration replaces the model's default).</summary>
        public int ThresholdQ15
        {
            get { return _alpha != null ? _alpha.ThresholdQ15 : _ssvep!.ThresholdQ15; }
            set
            {
                if (_alpha != null)
                {
                    _alpha.ThresholdQ15 = value;
                }
                else
                {
                    _ssvep!.ThresholdQ15 = value;
                }
            }
        }

        public void Reset()
        {
            _band.Reset();
            _artefacts.Reset();
            if (_alpha != null)
            {
                _alpha.Reset();
            }
            else
            {
                _ssvep!.Reset();
            }

            Array.Clear(_filtered, 0, _filtered.Length);
            Decision = -1;
            ConfidenceQ15 = 0;
            RejectedDecisions = 0;
            DecisionDue = false;
        }

        /// <summary>One interleaved int16 ADC frame; returns true when it produced a (clean) decision.</summary>
        public bool Push(short[] samples, int offset)
        {
            for (int i = 0; i < _channels.Length; i++)
            {
                int guarded = _band.StepInt16(i, samples[offset + _channels[i]]);
                _filtered[i] = BiquadCascade.ToInt16(guarded, _guardBits);
            }

            _artefacts.PushFrame(_filtered, 0);
            bool due;
            if (_alpha != null)
            {
                due = _alpha.PushFrame(_filtered, 0);
            }
            else
            {
                due = _ssvep!.PushFrame(_filtered, 0);
            }

            DecisionDue = due;
            if (!due)
            {
                return false;
            }

            if (_artefacts.CleanFrames < _window)
            {
                RejectedDecisions++;
                return false;
            }

            if (_alpha != null)
            {
                Decision = _alpha.Decision;
                ConfidenceQ15 = _alpha.ShareQ15;
            }
            else
            {
                SsvepCcaDetector ssvep = _ssvep!;
                Decision = ssvep.Detected ? ssvep.Decision + 1 : 0;
                ConfidenceQ15 = ssvep.ConfidenceQ15;
            }

            return true;
        }
    }
}
