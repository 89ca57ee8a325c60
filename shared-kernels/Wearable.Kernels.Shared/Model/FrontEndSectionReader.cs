namespace Wearable.Kernels.Model
{
    /// <summary>Reads the front-end section (type 2): filter cascade, envelope, decimation, features, encoder.</summary>
    public static class FrontEndSectionReader
    {
        public const int MaxFilterStages = 16;
        public const int MaxEnvelopeStages = 8;
        public const int MaxGuardBits = 13;
        public const int MaxFeatureWindow = 65535;
        public const int MaxZeroCrossingThreshold = 1 << 24;
        public const long MaxSlopeSignChangeThreshold = 1L << 50;

        public static FrontEndConfig Read(ModelByteReader r, InputDescription input)
        {
            var fe = new FrontEndConfig();
            fe.Channels = r.U16In("front_end.channels", input.Channels, input.Channels);
            // The Dsp kernels' biquads are Q2.30 only; the field exists so a later format can say otherwise.
            fe.CoefficientFracBits = r.U8In("front_end.coefficient_frac_bits", 30, 30);
            fe.GuardBits = r.U8In("front_end.guard_bits", 0, MaxGuardBits);
            int stages = r.U8In("front_end.filter_stage_count", 0, MaxFilterStages);
            fe.EnvelopeKind = r.U8In("front_end.envelope_kind", FrontEndConfig.EnvelopeNone, FrontEndConfig.EnvelopeRectifyLowPass);
            bool envelope = fe.EnvelopeKind != FrontEndConfig.EnvelopeNone;
            int envelopeStages = r.U8In("front_end.envelope_stage_count", envelope ? 1 : 0, envelope ? MaxEnvelopeStages : 0);
            r.Reserved("front_end.reserved", 1);
            fe.FilterStages = r.Int32Array("front_end.filter_stages", stages * 5);
            fe.EnvelopeStages = r.Int32Array("front_end.envelope_stages", envelopeStages * 5);
            fe.Decimation = r.U16In("front_end.decimation", 1, 1000);
            int maskAt = r.Position;
            fe.FeatureMask = r.U16In("front_end.feature_mask", 0, FrontEndConfig.FeatureMaskAll);
            int windowAt = r.Position;
            fe.FeatureWindow = r.U32("front_end.feature_window", 0, MaxFeatureWindow);
            bool features = fe.FeatureWindow > 0;
            if (fe.FeatureWindow == 1)
            {
                throw r.ErrorAt("front_end.feature_window", windowAt, "a feature window needs at least 2 samples (0 = no features)");
            }

            if (features != (fe.FeatureMask != 0))
            {
                throw r.ErrorAt("front_end.feature_mask", maskAt, "a feature window needs a non-empty feature mask and vice versa");
            }

            fe.FeatureHop = r.U32("front_end.feature_hop", features ? 1 : 0, fe.FeatureWindow);
            fe.ZeroCrossingThreshold = r.U32("front_end.zc_threshold", 0, MaxZeroCrossingThreshold);
            int sscAt = r.Position;
            int low = r.I32("front_end.ssc_threshold");
            int high = r.I32In("front_end.ssc_threshold", 0, int.MaxValue);
            fe.SlopeSignChangeThreshold = ((long)high << 32) | (uint)low;
            long sscMin = features ? 1 : 0;
            long sscMax = features ? MaxSlopeSignChangeThreshold : 0;
            if (fe.SlopeSignChangeThreshold < sscMin || fe.SlopeSignChangeThreshold > sscMax)
            {
                throw r.ErrorAt("front_end.ssc_threshold", sscAt, features ? "the slope-sign-change threshold must be in 1..2^50" : "must be 0 without features");
            }
            fe.EncoderKind = r.U8In("front_end.encoder_kind", FrontEndConfig.EncoderNone, FrontEndConfig.EncoderDelta);
            r.Reserved("front_end.reserved", 1);
            int countAt = r.Position;
            int count = r.U16("front_end.delta_threshold_count");
            bool delta = fe.EncoderKind == FrontEndConfig.EncoderDelta;
            if (delta ? (count != 1 && count != fe.Channels) : count != 0)
            {
                throw r.ErrorAt("front_end.delta_threshold_count", countAt, delta ? "the delta encoder needs 1 threshold or one per channel" : "thresholds given without an encoder");
            }

            fe.DeltaThresholds = new int[count];
            for (int i = 0; i < count; i++)
            {
                fe.DeltaThresholds[i] = r.I32In("front_end.delta_threshold[" + i.ToString() + "]", 1, int.MaxValue);
            }

            fe.CnnInputQuantTableOffset = r.Position;
            int table = r.U16("front_end.cnn_input_quant_table");
            fe.CnnInputQuantTable = table == 0xFFFF ? -1 : table;
            r.Reserved("front_end.reserved", 2);
            ModelReader.End(r, "front_end");
            return fe;
        }

        /// <summary>
        /// Cross-checks the front end against the CNN graph once both are read: the table exists, has one
        /// entry per CNN input channel, and the front end produces exactly that many values per frame.
        /// </summary>
        public static void CheckCnnInput(ModelDefinition model)
        {
            FrontEndConfig? fe = model.FrontEnd;
            if (fe != null && fe.EncoderKind == FrontEndConfig.EncoderDelta && model.SpikingLayers.Length > 0
                && model.SpikingLayers[0].Inputs != 2 * fe.Channels)
            {
                throw new ModelFormatException("spiking.layer[0].inputs", fe.CnnInputQuantTableOffset,
                    "the delta encoder produces " + (2 * fe.Channels).ToString() + " spike trains (up, down per channel) but the first spiking layer takes " + model.SpikingLayers[0].Inputs.ToString());
            }

            if (fe == null || fe.CnnInputQuantTable < 0)
            {
                return;
            }

            string field = "front_end.cnn_input_quant_table";
            int at = fe.CnnInputQuantTableOffset;
            if (!model.HasCnn)
            {
                throw new ModelFormatException(field, at, "the front end feeds a CNN but the file has no CNN graph");
            }

            if (fe.CnnInputQuantTable >= model.QuantTables.Length)
            {
                throw new ModelFormatException(field, at, "quantization table " + fe.CnnInputQuantTable.ToString() + " does not exist");
            }

            int cnnChannels = model.Tensors[model.GraphInput].Channels;
            if (fe.OutputsPerFrame != cnnChannels)
            {
                throw new ModelFormatException(field, at, "the front end produces " + fe.OutputsPerFrame.ToString() + " values per frame but the CNN input has " + cnnChannels.ToString() + " channels");
            }

            if (model.QuantTables[fe.CnnInputQuantTable].Count != cnnChannels)
            {
                throw new ModelFormatException(field, at, "table " + fe.CnnInputQuantTable.ToString() + " needs one entry per CNN input channel (" + cnnChannels.ToString() + ")");
            }
        }
    }
}
