namespace Wearable.Kernels.Model
{
    /// <summary>
    /// The DSP front end as data, in the terms of the Dsp kernels: a biquad cascade (b0 b1 b2 a1 a2 per
    /// section, H(z) = (b0 + b1 z^-1 + b2 z^-2) / (1 + a1 z^-1 + a2 z^-2), CoefficientFracBits
    /// fractional bits, GuardBits extra state bits), an optional rectified envelope with its own
    /// low-pass cascade, decimation, sliding-window Hudgins features and an optional delta spike
    /// encoder. Executed by <see cref="FrontEndPipeline"/>.
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
        public int CoefficientFracBits = 30;
        public int GuardBits;

        /// <summary>5 values per section: b0, b1, b2, a1, a2.</summary>
        public int[] FilterStages = new int[0];
        public int EnvelopeKind;
        public int[] EnvelopeStages = new int[0];

        /// <summary>Keep every n-th frame of the sample stream (envelope, else filtered signal); 1 = none. Features are not decimated.</summary>
        public int Decimation = 1;

        /// <summary>Feature window and hop in input samples over the filtered signal (as EmgFrontEnd); window 0 = no features.</summary>
        public int FeatureWindow;
        public int FeatureHop;
        public int FeatureMask;
        public int ZeroCrossingThreshold;
        public long SlopeSignChangeThreshold;
        public int EncoderKind;

        /// <summary>Delta-encoder thresholds: one for all channels or one per channel (empty without encoder).</summary>
        public int[] DeltaThresholds = new int[0];

        /// <summary>
        /// Quantization table that turns front-end outputs into the CNN's int8 input frames
        /// (y = clamp(requant(v, M[c], S[c]) + z_in)), or -1 when the front end does not feed the CNN.
        /// </summary>
        public int CnnInputQuantTable = -1;

        /// <summary>File offset of the table index, for errors found once the tables are known.</summary>
        public int CnnInputQuantTableOffset;

        /// <summary>Values per front-end output frame: channels x selected features, or channels without features.</summary>
        public int OutputsPerFrame
        {
            get
            {
                if (FeatureWindow == 0)
                {
                    return Channels;
                }

                int selected = 0;
                for (int bit = 0; bit < 5; bit++)
                {
                    if ((FeatureMask & (1 << bit)) != 0)
                    {
                        selected++;
                    }
                }

                return Channels * selected;
            }
        }

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
