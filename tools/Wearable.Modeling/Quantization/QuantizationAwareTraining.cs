using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Quantization;

/// <summary>Settings of a quantization-aware fine-tuning after float training.</summary>
public sealed class QatOptions
{
    public int Epochs { get; set; } = 3;

    /// <summary>Low on purpose: the float model is already trained; QAT only adapts it to the grids.</summary>
    public double LearningRate { get; set; } = 2e-4;

    public double WeightDecay { get; set; } = 1e-4;

    public int BatchSize { get; set; } = 32;

    public ulong Seed { get; set; } = 1;

    public double GainJitter { get; set; }

    /// <summary>Weight of the old activation range per batch in the moving average (1 = keep the calibrated ranges).</summary>
    public double RangeMomentum { get; set; } = 0.99;

    /// <summary>Windows the initial ranges are calibrated on (spread evenly over the calibration set).</summary>
    public int CalibrationWindows { get; set; } = 2000;

    public CalibrationRange Range { get; set; } = CalibrationRange.MinMax;

    /// <summary>Without a validation set every epoch is kept; with one, the best epoch (or the start, if no epoch beats it).</summary>
    public int Patience { get; set; } = 3;

    public Action<EpochReport>? Progress { get; set; }
}

/// <summary>The fine-tuned float weights and the activation ranges QAT ended with: export both together.</summary>
public sealed record QatResult(Network Float, IReadOnlyList<(double Min, double Max)> Ranges, TrainingResult Fit, double StartValidationAccuracy, bool KeptStart);

/// <summary>
/// Quantization-aware fine-tuning (Jacob et al. 2018): a trained float CNN is fine-tuned for a few
/// epochs at a low learning rate with every forward pass on the int8 grids the exporter will use
/// (<see cref="QatNetwork"/>), then exported with exactly the ranges it learned, so the int8 model
/// computes what the fine-tuning simulated.
/// </summary>
public static class QuantizationAwareTraining
{
    public static QatResult FineTune(IClassifierModel trained, WindowSet train, WindowSet? validation, WindowSet calibration, QatOptions? options = null)
    {
        options ??= new QatOptions();
        if (trained is not Network network)
        {
            throw new NotSupportedException("Quantization-aware training maps CNNs (Network) only; '" + trained.Spec + "' is " + trained.GetType().Name + ".");
        }

        if (options.Epochs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "QAT epochs must be >= 0.");
        }

        var ranges = PostTrainingQuantizer.CalibrateRanges(
            network, FixedPointEvaluation.Subsample(calibration, options.CalibrationWindows), new QuantizationOptions { Range = options.Range });
        var qat = new QatNetwork(network, ranges) { RangeMomentum = options.RangeMomentum, BatchSize = options.BatchSize };
        double start = double.NaN;
        float[][]? startSnapshot = null;
        if (validation is not null && validation.Count > 0)
        {
            start = Trainer.Evaluate(qat, validation).Accuracy;
            startSnapshot = qat.Snapshot();
        }

        var fit = new TrainingResult(0, 0, start, TimeSpan.Zero);
        if (options.Epochs > 0)
        {
            fit = Trainer.Fit(qat, train, validation, new TrainingOptions
            {
                Seed = options.Seed,
                MaxEpochs = options.Epochs,
                BatchSize = options.BatchSize,
                LearningRate = options.LearningRate,
                WeightDecay = options.WeightDecay,
                Patience = options.Patience,
                GainJitter = options.GainJitter,
                Progress = options.Progress,
            });
        }

        // Never worse than the post-training starting point on the held-out windows.
        bool keptStart = startSnapshot is not null && !(fit.BestValidationAccuracy > start);
        if (keptStart)
        {
            qat.Restore(startSnapshot!);
        }

        qat.SetTraining(null);
        return new QatResult(qat.Float, qat.Ranges, fit, start, keptStart);
    }

    /// <summary>The int8 model file of a QAT result: its float weights with its learned ranges.</summary>
    public static QuantizedModel Export(QatResult result, QuantizationOptions options) =>
        PostTrainingQuantizer.Quantize(result.Float, result.Ranges, options);

    /// <summary>Fine-tunes <paramref name="model"/> with QAT on <paramref name="train"/>, exports it and returns its int8 accuracy on <paramref name="test"/> (shared ModelRunner).</summary>
    public static double FineTuneAndScore(IClassifierModel model, WindowSet train, WindowSet? validation, WindowSet test, QatOptions? options = null)
    {
        var result = FineTune(model, train, validation, train, options);
        return new FixedPointEvaluation(Export(result, QuantizationOptions.HostScoringOnly()).File).Accuracy(test);
    }
}
