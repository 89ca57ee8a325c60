using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>How a pre-trained model adapts to a user's few cued repetitions.</summary>
public enum CalibrationMethod
{
    /// <summary>No training: the pre-trained weights (with the band alignment, when on).</summary>
    None,

    /// <summary>Only the classifier (the last weighted layer) learns; the feature layers stay cross-person.</summary>
    LastLayer,

    /// <summary>Every layer learns, for a few epochs at a low learning rate.</summary>
    Full,
}

public sealed class CalibrationOptions
{
    public CalibrationMethod Method { get; init; } = CalibrationMethod.Full;

    /// <summary>Estimate the band's rotation from the calibration windows and undo it before adapting.</summary>
    public bool Align { get; init; } = true;

    /// <summary>Fixed epoch count: a few repetitions leave nothing to hold out for early stopping.</summary>
    public TrainingOptions Training { get; init; } = new() { MaxEpochs = 8, LearningRate = 2e-3, GainJitter = 0.15 };

    /// <summary>Scale the calibration to this RMS (the level the model was trained at) and fold the gain into the model; null leaves the level alone.</summary>
    public double? ReferenceRms { get; init; }

    /// <summary>At most this many calibration windows set the int8 ranges.</summary>
    public int QuantizationWindows { get; init; } = 2000;

    public static CalibrationMethod ParseMethod(string name) => name switch
    {
        "none" => CalibrationMethod.None,
        "last-layer" => CalibrationMethod.LastLayer,
        "full" => CalibrationMethod.Full,
        _ => throw new ArgumentException("Unknown calibration method '" + name + "'; use none, last-layer or full."),
    };

    public static string Name(CalibrationMethod method) => method switch
    {
        CalibrationMethod.None => "none",
        CalibrationMethod.LastLayer => "last-layer",
        _ => "full",
    };
}

/// <summary>
/// A user's calibrated model: float (raw channel order, alignment folded in, input in counts x
/// <see cref="Gain"/>), its int8 file (whose front end applies the gain to the device's counts), the
/// shift and gain found.
/// </summary>
public sealed record CalibratedModel(IClassifierModel Float, byte[] Int8File, int Shift, double Gain, TrainingResult? Fit)
{
    /// <summary>Raw-count windows at the level the float model takes.</summary>
    public WindowSet Levelled(WindowSet raw) => Gain == 1 ? raw : InputLevel.Scale(raw, Gain);

    /// <summary>The int8 file on the shared runner, fed <see cref="Levelled"/> windows.</summary>
    public FixedPointEvaluation Int8() => Gain == 1 ? new FixedPointEvaluation(Int8File) : new FixedPointEvaluation(Int8File) { RawScale = Float.InputScale };

    public double FloatAccuracy(WindowSet raw) => Trainer.Evaluate(Float, Levelled(raw)).Accuracy;

    public double Int8Accuracy(WindowSet raw) => Int8().Accuracy(Levelled(raw));
}

/// <summary>
/// Calibration on the host: match the signal level (optional), align the band (optional), adapt a copy of the pre-trained model on the
/// user's cued windows, fold the alignment into the first layer, and quantize on the same windows, so
/// the result is a device model that reads the band's raw channels. The pre-trained model is not changed.
/// </summary>
public static class CalibrationAdaptation
{
    /// <param name="shift">The band alignment when already estimated (<see cref="BandAlignment"/>); null estimates it here when <see cref="CalibrationOptions.Align"/> is on.</param>
    public static CalibratedModel Adapt(IClassifierModel pretrained, WindowSet calibration, CalibrationOptions options, QuantizationOptions quantization, int? shift = null)
    {
        if (calibration.Count == 0)
        {
            throw new ArgumentException("No calibration windows.", nameof(calibration));
        }

        double gain = Gain(calibration, options);
        var levelled = InputLevel.Scale(calibration, gain);
        int bandShift = shift ?? (options.Align ? BandAlignment.Estimate(pretrained, levelled).Shift : 0);
        var aligned = BandRotation.Rotate(levelled, bandShift);
        var model = ClassifierModels.Copy(pretrained);
        TrainingResult? fit = null;
        if (options.Method != CalibrationMethod.None)
        {
            // Polishing is TrainingOptions' copy (the caller's options stay as given); its tenth of the
            // rate and next seed are for polishing, not calibration, so they are set back.
            var training = options.Training.Polishing(options.Training.MaxEpochs);
            training.Seed = options.Training.Seed;
            training.LearningRate = options.Training.LearningRate;
            training.FrozenLayers = options.Method == CalibrationMethod.LastLayer ? WeightedLayers(model) - 1 : options.Training.FrozenLayers;
            fit = Trainer.Fit(model, aligned, null, training);
        }

        model.SetTraining(null);
        var deployed = BandRotation.FoldIntoInput(model, bandShift);
        if (gain != 1)
        {
            // Levelled units per device count: the front end turns counts into the int8 steps the model was quantized for.
            quantization.InputUnitsPerCount = gain;
        }

        byte[] file = PostTrainingQuantizer.Quantize(deployed, FixedPointEvaluation.Subsample(levelled, options.QuantizationWindows), quantization).File;
        return new CalibratedModel(deployed, file, bandShift, gain, fit);
    }

    /// <summary>The band shift the alignment picks on these windows (after the level matching the options ask for).</summary>
    public static int EstimateShift(IClassifierModel pretrained, WindowSet calibration, CalibrationOptions options) =>
        BandAlignment.Estimate(pretrained, InputLevel.Scale(calibration, Gain(calibration, options))).Shift;

    private static double Gain(WindowSet calibration, CalibrationOptions options)
    {
        double rms = InputLevel.Rms(calibration);
        return options.ReferenceRms is double reference && rms > 0 ? reference / rms : 1;
    }

    private static int WeightedLayers(IClassifierModel model)
    {
        var cnns = ClassifierModels.Cnns(model);
        if (cnns.Length == 0 || !ClassifierModels.IsCnnOnly(model))
        {
            throw new NotSupportedException("Last-layer calibration needs a CNN or an ensemble of CNNs; '" + model.Spec + "' is not one.");
        }

        return cnns[0].Layers.Count(l => l.Parameters.Count > 0);
    }
}
