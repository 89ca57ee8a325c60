using Wearable.Kernels.Dsp;

namespace Wearable.Firmware.Processing
{
    /// <summary>
    /// The front-end band filters the device applies for the Filtered stream when no model file supplies
    /// one, for the standard rates. The integers are the output of the host design
    /// (Wearable.Modeling.Dsp.FrontEndDesign, guard bits 8) committed here because a device cannot design
    /// filters (no floating point); DefaultFrontEndsTests regenerates them and compares every value.
    /// sEMG (1000/2000/500/200 Hz): high-pass 20 Hz, 50 Hz notch (Q 20), low-pass 450 Hz when fs/2 > 500 Hz.
    /// EEG (160/250/256 Hz): high-pass 0.5 Hz, 50 Hz notch (Q 20), 4th-order low-pass 40 Hz.
    /// </summary>
    public static class DefaultFrontEnds
    {
        public const int GuardBits = 8;

        /// <summary>The band filter for <paramref name="sampleRate"/>, or null when this rate has none.</summary>
        public static BiquadCascadeParameters BandFor(int sampleRate)
        {
            switch (sampleRate)
            {
                case 2000:
                    return Make(new int[]
                    {
                        1027080468, -2054160935, 1027080468, -2052132225, 982447822,
                        1069558927, -2112781764, 1069558927, -2112781764, 1065376030,
                        266654203, 533308406, 266654203, -197798065, 190673053,
                    });
                case 1000:
                    return Make(new int[]
                    {
                        982440638, -1964881275, 982440638, -1957103774, 898916953,
                        1065510304, -2026721036, 1065510304, -2026721036, 1057278784,
                    });
                case 500:
                    return Make(new int[]
                    {
                        898817674, -1797635349, 898817674, -1768946685, 752582188,
                        1058192082, -1712190755, 1058192082, -1712190755, 1042642339,
                    });
                case 200:
                    return Make(new int[]
                    {
                        686062534, -1372125067, 686062534, -1227265970, 443242341,
                        1047552999, 0, 1047552999, 0, 1021364174,
                    });
                case 256:
                    return Make(new int[]
                    {
                        1064464732, -2128929463, 1064464732, -2128849308, 1055267795,
                        1049048685, -706827715, 1049048685, -706827715, 1024355546,
                        181006895, 362013789, 181006895, -905088274, 555374029,
                        134941984, 269883968, 134941984, -674750028, 140776139,
                    });
                case 250:
                    return Make(new int[]
                    {
                        1064243069, -2128486138, 1064243069, -2128402107, 1054828346,
                        1048805003, -648197140, 1048805003, -648197140, 1023868182,
                        188344910, 376689820, 188344910, -869677511, 549315327,
                        139996108, 279992215, 139996108, -646428229, 132670835,
                    });
                case 160:
                    return Make(new int[]
                    {
                        1058936991, -2117873982, 1058936991, -2117669842, 1044336297,
                        1049501500, 803253673, 1049501500, 803253673, 1025261176,
                        388281872, 776563745, 388281872, 0, 479385665,
                        279056408, 558112816, 279056408, 0, 42483808,
                    });
                default:
                    return null;
            }
        }

        /// <summary>The sEMG rates (the others in <see cref="BandFor"/> get the EEG band).</summary>
        public static bool IsEmgRate(int sampleRate)
        {
            return sampleRate == 2000 || sampleRate == 1000 || sampleRate == 500 || sampleRate == 200;
        }

        private static BiquadCascadeParameters Make(int[] coefficients)
        {
            return new BiquadCascadeParameters(coefficients, GuardBits);
        }
    }
}
