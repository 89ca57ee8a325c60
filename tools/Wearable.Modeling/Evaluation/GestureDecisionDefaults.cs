using Wearable.Kernels.Gesture;

namespace Wearable.Modeling.Evaluation;

/// <summary>The gesture_decision values documented in docs/gestures.md, tuned on myo-readings (see there for how).</summary>
public static class GestureDecisionDefaults
{
    /// <summary>Rest is class 0 of myo-readings' eight.</summary>
    public static readonly GestureDecisionParameters MyoReadings = new(0, 64, 3, 2, 1, DecisionTuning.EnvelopeShift, 0, 0);
}
