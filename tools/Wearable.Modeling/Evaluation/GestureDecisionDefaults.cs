using Wearable.Kernels.Gesture;

namespace Wearable.Modeling.Evaluation;

/// <summary>
/// The gesture_decision values documented in docs/gestures.md: the setting the leave-one-participant-out
/// tuning on myo-readings picked for three of the five participants (int8, decision every 5 frames).
/// Scored on myo-readings itself they are not a held-out figure; they are the starting point for a new user.
/// </summary>
public static class GestureDecisionDefaults
{
    /// <summary>Rest is class 0 of myo-readings' eight.</summary>
    public static readonly GestureDecisionParameters MyoReadings = new(0, -128, 1, 2, 3, DecisionTuning.EnvelopeShift, 40, 30);
}
