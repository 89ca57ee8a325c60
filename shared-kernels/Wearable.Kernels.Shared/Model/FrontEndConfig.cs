namespace Wearable.Kernels.Model
{
    /// <summary>
    /// The DSP front end as data: a biquad cascade (direct form I, coefficients b0 b1 b2 a1 a2 per
    /// stage with CoefficientFracBits fractional bits), an optional rectified envelope with its own
    /// low-pass cascade, sliding-window features and an optional spike encoder. Executed by the DSP
    /// kernels once they are wired into the runner.
    /// </summary>
    public sealed class FrontEndConfig
    {
        public const int EnvelopeNone = 0;
        public const int EnvelopeRectifyLowPass = 1;

        public const int FeatureMav = 1;
        public const int FeatureRms = 2;
        public const int FeatureWl = 4;
        public const int FeatureZc = 8;
        public const int FeatureSsc = 16;
        public const int FeatureMaskAll = 31;

        public const int EncoderNone = 0;
        public const int EncoderDelta = 1;

        public int Channels;
        public int CoefficientFracBits;

        /// <summary>5 values per stage: b0, b1, b2, a1, a2 (a0 = 1 implied).</summary>
        public int[] FilterStages = new int[0];
        public int EnvelopeKind;
        public int[] EnvelopeStages = new int[0];
        public int FeatureWindow;
        public int FeatureHop;
        public int FeatureMask;
        public int NoiseThreshold;
        public int EncoderKind;
        public int DeltaThreshold;

        public int FilterStageCount
        {
            get { return FilterStages.Length / 5; }
        }

        public int EnvelopeStageCount
        {
            get { return EnvelopeStages.Length / 5; }
        }
    }
}
