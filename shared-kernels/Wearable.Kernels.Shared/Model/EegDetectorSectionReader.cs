using System;
using Wearable.Kernels.Dsp;
using Wearable.Kernels.Eeg;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Reads section 9, eeg_detector (docs/model-format.md): an alpha or SSVEP detector with its
    /// channels, band filter, artefact limits and default threshold; the window and hop are the input
    /// section's window_samples and hop_samples. Every field is range-checked before use.
    /// </summary>
    public static class EegDetectorSectionReader
    {
        public const int MaxChannelSlots = 8;
        public const int MaxBandStages = 16;
        public const int MaxAlphaStages = 8;

        public static EegDetectorConfig Read(ModelByteReader r, InputDescription input)
        {
            int kind = r.U8In("eeg.kind", EegDetectorConfig.KindAlpha, EegDetectorConfig.KindSsvep);
            int maxChannels = kind == EegDetectorConfig.KindSsvep ? SsvepCcaParameters.MaxChannels : AlphaDetectorParameters.MaxChannels;
            int channelCount = r.U8In("eeg.channel_count", 1, maxChannels);
            int guardBits = r.U8In("eeg.guard_bits", 0, BiquadCascadeParameters.MaxGuardBits);
            int stages = r.U8In("eeg.band_stage_count", 1, MaxBandStages);
            var channels = new int[channelCount];
            for (int i = 0; i < MaxChannelSlots; i++)
            {
                int index = r.U8In("eeg.channels[" + i.ToString() + "]", 0, i < channelCount ? input.Channels - 1 : 0);
                if (i < channelCount)
                {
                    channels[i] = index;
                }
            }

            int[] band = r.Int32Array("eeg.band_stages", stages * BiquadCascadeParameters.CoefficientsPerSection);
            int amplitude = r.U16In("eeg.amplitude_limit", 1, ArtefactRejectorParameters.MaxLimit);
            int slope = r.U16In("eeg.slope_limit", 1, ArtefactRejectorParameters.MaxLimit);
            int hold = r.U16("eeg.hold_frames");
            int threshold = r.U16In("eeg.threshold_q15", 0, 32767);
            int window = input.WindowSamples;
            int hop = input.HopSamples;
            int at = r.Position;
            try
            {
                var bandParameters = new BiquadCascadeParameters(band, guardBits);
                var artefacts = new ArtefactRejectorParameters(amplitude, slope, hold);
                if (kind == EegDetectorConfig.KindAlpha)
                {
                    int alphaGuard = r.U8In("eeg.alpha.guard_bits", 0, BiquadCascadeParameters.MaxGuardBits);
                    int alphaStages = r.U8In("eeg.alpha.stage_count", 1, MaxAlphaStages);
                    r.Reserved("eeg.alpha.reserved", 2);
                    int[] alphaBand = r.Int32Array("eeg.alpha.stages", alphaStages * BiquadCascadeParameters.CoefficientsPerSection);
                    at = r.Position;
                    var alpha = new AlphaDetectorParameters(new BiquadCascadeParameters(alphaBand, alphaGuard), window, hop, threshold);
                    return EegDetectorConfig.Alpha(channels, bandParameters, artefacts, alpha);
                }

                int targets = r.U8In("eeg.ssvep.target_count", 1, SsvepCcaParameters.MaxTargets);
                int harmonics = r.U8In("eeg.ssvep.harmonics", 1, SsvepCcaParameters.MaxHarmonics);
                int tableBits = r.U8In("eeg.ssvep.table_bits", SsvepCcaParameters.MinTableBits, SsvepCcaParameters.MaxTableBits);
                r.Reserved("eeg.ssvep.reserved", 1);
                int[] increments = r.Int32Array("eeg.ssvep.phase_increments", targets);
                short[] table = r.Int16Array("eeg.ssvep.sine_table", 1 << tableBits);
                at = r.Position;
                var ssvep = new SsvepCcaParameters(channelCount, window, hop, increments, harmonics, table, threshold);
                return EegDetectorConfig.Ssvep(channels, bandParameters, artefacts, ssvep);
            }
            catch (ArgumentException ex)
            {
                // The kernels' own parameter checks (window range, table values) speak for the file.
                throw r.ErrorAt("eeg", at, ex.Message);
            }
        }
    }
}
