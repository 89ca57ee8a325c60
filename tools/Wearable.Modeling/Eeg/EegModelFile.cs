using Wearable.Kernels.Eeg;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Modeling.Eeg;

/// <summary>
/// Writes an EEG detector as a model file: the input section (the detector's window and hop, ADC scale)
/// and section 9, eeg_detector, flagged required so older firmware refuses it instead of running
/// nothing; labels name the classes (alpha: eyes-open, eyes-closed; SSVEP: none, then one per target).
/// </summary>
public static class EegModelFile
{
    public static byte[] Build(EegDetectorConfig config, double sampleRateHz, int adcChannels, IReadOnlyList<string> labels, string name, string description)
    {
        if (labels.Count != config.ClassCount)
        {
            throw new ArgumentException("The detector has " + config.ClassCount + " classes but " + labels.Count + " labels were given.", nameof(labels));
        }

        int window = config.Kind == EegDetectorConfig.KindAlpha ? config.AlphaDetector!.Window : config.SsvepDetector!.Window;
        int hop = config.Kind == EegDetectorConfig.KindAlpha ? config.AlphaDetector!.Hop : config.SsvepDetector!.Hop;
        var builder = new ModelFileBuilder
        {
            Input = new InputDescription
            {
                Channels = adcChannels,
                SampleRateMilliHz = (int)Math.Round(sampleRateHz * 1000),
                Unit = InputDescription.UnitMicrovolt,
                NanoUnitsPerLsb = (int)Math.Round(1e9 / EegDetectorDesign.LsbPerMicrovolt),
                WindowSamples = window,
                HopSamples = hop,
            },
            Name = name,
            Description = description,
        };
        builder.Labels.AddRange(labels);
        builder.AddRawSection(ModelSectionType.EegDetector, ModelSectionType.FlagRequired, Section(config));
        return builder.Build();
    }

    /// <summary>The eeg_detector body, field by field as docs/model-format.md lists it.</summary>
    public static byte[] Section(EegDetectorConfig config)
    {
        var w = new LittleEndianWriter();
        int[] channels = config.ChannelIndices;
        w.U8(config.Kind).U8(channels.Length).U8(config.Band.GuardBits).U8(config.Band.SectionCount);
        for (int i = 0; i < EegDetectorSectionReader.MaxChannelSlots; i++)
        {
            w.U8(i < channels.Length ? channels[i] : 0);
        }

        foreach (int c in config.Band.Coefficients)
        {
            w.I32(c);
        }

        w.U16(config.Artefacts.AmplitudeLimit).U16(config.Artefacts.SlopeLimit).U16(config.Artefacts.HoldFrames).U16(config.ThresholdQ15);
        if (config.Kind == EegDetectorConfig.KindAlpha)
        {
            var alphaBand = config.AlphaDetector!.AlphaBand;
            w.U8(alphaBand.GuardBits).U8(alphaBand.SectionCount).Zeros(2);
            foreach (int c in alphaBand.Coefficients)
            {
                w.I32(c);
            }
        }
        else
        {
            SsvepCcaParameters s = config.SsvepDetector!;
            w.U8(s.TargetCount).U8(s.Harmonics).U8(s.TableBits).Zeros(1);
            foreach (int increment in s.PhaseIncrements)
            {
                w.I32(increment);
            }

            foreach (short v in s.SineTable)
            {
                w.U16(v);
            }
        }

        return w.ToArray();
    }
}
