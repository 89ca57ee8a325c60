namespace Wearable.Kernels.Model
{
    /// <summary>Reads the front-end section (type 2): filter cascade, envelope, features, encoder.</summary>
    public static class FrontEndSectionReader
    {
        public const int MaxFilterStages = 16;
        public const int MaxEnvelopeStages = 8;

        public static FrontEndConfig Read(ModelByteReader r, InputDescription input)
        {
            var fe = new FrontEndConfig();
            fe.Channels = r.U16In("front_end.channels", input.Channels, input.Channels);
            fe.CoefficientFracBits = r.U8In("front_end.coefficient_frac_bits", 1, 30);
            int stages = r.U8In("front_end.filter_stage_count", 0, MaxFilterStages);
            fe.FilterStages = r.Int32Array("front_end.filter_stages", stages * 5);
            fe.EnvelopeKind = r.U8In("front_end.envelope_kind", FrontEndConfig.EnvelopeNone, FrontEndConfig.EnvelopeRectifyLowPass);
            int envelopeStages = r.U8In("front_end.envelope_stage_count", 0, fe.EnvelopeKind == FrontEndConfig.EnvelopeNone ? 0 : MaxEnvelopeStages);
            r.Reserved("front_end.reserved", 2);
            fe.EnvelopeStages = r.Int32Array("front_end.envelope_stages", envelopeStages * 5);
            fe.FeatureWindow = r.U32("front_end.feature_window", 0, 10000000);
            bool features = fe.FeatureWindow > 0;
            fe.FeatureHop = r.U32("front_end.feature_hop", features ? 1 : 0, fe.FeatureWindow);
            fe.FeatureMask = r.U16In("front_end.feature_mask", features ? 1 : 0, features ? FrontEndConfig.FeatureMaskAll : 0);
            r.Reserved("front_end.reserved", 2);
            fe.NoiseThreshold = r.U32("front_end.noise_threshold", 0, int.MaxValue);
            fe.EncoderKind = r.U8In("front_end.encoder_kind", FrontEndConfig.EncoderNone, FrontEndConfig.EncoderDelta);
            r.Reserved("front_end.reserved", 3);
            fe.DeltaThreshold = r.U32("front_end.delta_threshold", fe.EncoderKind == FrontEndConfig.EncoderDelta ? 1 : 0, fe.EncoderKind == FrontEndConfig.EncoderDelta ? int.MaxValue : 0);
            ModelReader.End(r, "front_end");
            return fe;
        }
    }
}
