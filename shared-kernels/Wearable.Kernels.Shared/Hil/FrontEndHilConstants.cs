using Wearable.Kernels.Dsp;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// The fixed front-end configuration the dsp.* contracts use (two channels at 2 kHz), so a vector is
    /// only samples. Coefficients are the default 2 kHz sEMG band's first (high-pass) and last (low-pass)
    /// sections, Q2.30.
    /// </summary>
    public static class FrontEndHilConstants
    {
        public const int Channels = 2;
        public const int GuardBits = 8;

        public static BiquadCascadeParameters Band()
        {
            return new BiquadCascadeParameters(new int[]
            {
                1027080468, -2054160935, 1027080468, -2052132225, 982447822,
                266654203, 533308406, 266654203, -197798065, 190673053,
            }, GuardBits);
        }

        public static BiquadCascadeParameters EnvelopeLowPass()
        {
            return new BiquadCascadeParameters(new int[] { 266654203, 533308406, 266654203, -197798065, 190673053 }, GuardBits);
        }

        /// <summary>50, 100 and 250 Hz at 2 kHz: 2 cos(2 pi f / fs) in Q2.30.</summary>
        public static GoertzelParameters Goertzel()
        {
            return new GoertzelParameters(new int[] { 2121044561, 2042378317, 1518500250 }, 64, 2);
        }

        public static WindowFeaturesParameters Window()
        {
            return new WindowFeaturesParameters(32, 16, 50, 100);
        }
    }
}
