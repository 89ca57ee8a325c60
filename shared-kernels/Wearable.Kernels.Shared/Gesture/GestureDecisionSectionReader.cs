using Wearable.Kernels.Model;

namespace Wearable.Kernels.Gesture
{
    /// <summary>
    /// Reads section 10, gesture_decision (docs/model-format.md), 16 bytes: u8 rest_class (255 = none),
    /// i8 min_confidence, u8 vote_length, u8 enter_hops, u8 leave_hops, u8 envelope_shift, u8 refractory_hops (0..128), u8 reserved,
    /// i32 envelope_on_level (0 = no envelope gate), i32 envelope_off_level. Every field is range-checked.
    /// </summary>
    public static class GestureDecisionSectionReader
    {
        public const int BodyBytes = 16;

        /// <param name="classes">Classes of the model's output (the rest class must be one).</param>
        public static GestureDecisionParameters Read(ModelByteReader r, InputDescription input, int classes)
        {
            int restClass = r.U8("gesture.rest_class");
            if (restClass != GestureDecisionParameters.NoRestClass && restClass >= classes)
            {
                throw r.ErrorAt("gesture.rest_class", r.Position - 1, "rest class " + restClass.ToString() + " is not one of the model's " + classes.ToString() + " classes (255 = no rest class)");
            }

            int minConfidence = r.I8("gesture.min_confidence");
            int vote = r.U8In("gesture.vote_length", 1, GestureDecisionParameters.MaxHops);
            int enter = r.U8In("gesture.enter_hops", 1, GestureDecisionParameters.MaxHops);
            int leave = r.U8In("gesture.leave_hops", 1, GestureDecisionParameters.MaxHops);
            int shift = r.U8In("gesture.envelope_shift", 0, GestureDecisionParameters.MaxEnvelopeShift);
            int refractory = r.U8In("gesture.refractory_hops", 0, GestureDecisionParameters.MaxRefractoryHops);
            r.Reserved("gesture.reserved", 1);
            int on = r.I32In("gesture.envelope_on_level", 0, GestureDecisionParameters.MaxEnvelopeLevel);
            int off = r.I32In("gesture.envelope_off_level", 0, on);
            if (on > 0 && input.Channels > GestureDecisionParameters.MaxEnvelopeChannels)
            {
                throw r.ErrorAt("gesture.envelope_on_level", r.Position - 8, "the envelope gate sums at most 64 channels; the input has " + input.Channels.ToString());
            }

            return new GestureDecisionParameters(restClass, minConfidence, vote, enter, leave, shift, on, off, refractory);
        }
    }
}
