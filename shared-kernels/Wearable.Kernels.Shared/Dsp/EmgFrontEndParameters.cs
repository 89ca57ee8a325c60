using System;

namespace Wearable.Kernels.Dsp
{
    /// <summary>
    /// The sEMG front end as one unit: band filter cascade (high-pass, optional notch, low-pass), the
    /// envelope low-pass and the window features. Build the host-side defaults with
    /// Wearable.Modeling.Dsp.FrontEndDesign.Emg(sampleRate).
    /// </summary>
    public sealed class EmgFrontEndParameters
    {
        private readonly BiquadCascadeParameters _band;
        private readonly BiquadCascadeParameters _envelope;
        private readonly WindowFeaturesParameters _features;

        public EmgFrontEndParameters(BiquadCascadeParameters band, BiquadCascadeParameters envelopeLowPass, WindowFeaturesParameters features)
        {
            if (band == null || envelopeLowPass == null || features == null)
            {
                throw new ArgumentNullException(band == null ? "band" : (envelopeLowPass == null ? "envelopeLowPass" : "features"));
            }

            if (band.GuardBits != envelopeLowPass.GuardBits)
            {
                throw new ArgumentException("Band and envelope filters must use the same guard bits (" + band.GuardBits.ToString() + " vs "
                    + envelopeLowPass.GuardBits.ToString() + ") so the envelope reads the band output's units.", "envelopeLowPass");
            }

            _band = band;
            _envelope = envelopeLowPass;
            _features = features;
        }

        public BiquadCascadeParameters Band
        {
            get { return _band; }
        }

        public BiquadCascadeParameters EnvelopeLowPass
        {
            get { return _envelope; }
        }

        public WindowFeaturesParameters Features
        {
            get { return _features; }
        }
    }
}
