using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>The shift that best undoes a rotated band, and how well each shift fit.</summary>
public sealed record BandAlignmentResult(int Shift, IReadOnlyList<double> LogLikelihoods);

/// <summary>
/// Estimates how far the band sits rotated from where the model expects it: every circular shift of
/// the channels is tried on labelled calibration windows, and the one under which the model gives the
/// cued gestures the highest mean log-probability wins (likelihood rather than accuracy: it still
/// ranks shifts when few windows are right, and one repetition has few windows).
/// </summary>
public static class BandAlignment
{
    public static BandAlignmentResult Estimate(IClassifierModel model, WindowSet calibration)
    {
        if (calibration.Count == 0)
        {
            throw new ArgumentException("No calibration windows to align the band on.", nameof(calibration));
        }

        model.SetTraining(null);
        var scores = new double[calibration.Channels];
        int best = 0;
        for (int shift = 0; shift < calibration.Channels; shift++)
        {
            var rotated = BandRotation.Rotate(calibration, shift);
            var (loss, _) = Trainer.Evaluate(model, rotated);
            scores[shift] = -loss;
            if (scores[shift] > scores[best])
            {
                best = shift;
            }
        }

        return new BandAlignmentResult(best, scores);
    }
}
