namespace Wearable.Modeling.Datasets;

/// <summary>
/// The first N repetitions of each gesture of a MyoArmband session, as a new user would record them:
/// the session cycles through the seven gestures (files 0-6 are the first cycle, 7-13 the second ...),
/// so N repetitions per gesture are the first N cycles, in recording order.
/// </summary>
public static class CalibrationRepetitions
{
    public static IReadOnlyList<LabelledRecording> FirstCycles(IReadOnlyList<LabelledRecording> session, int repetitions, int gestures = MyoArmbandDatReader.GestureCount)
    {
        if (repetitions < 1 || repetitions * gestures > session.Count)
        {
            throw new ArgumentOutOfRangeException(
                nameof(repetitions), repetitions, "a session of " + session.Count + " recordings holds 1 to " + (session.Count / gestures) + " cycles of " + gestures + " gestures");
        }

        var first = session.Take(repetitions * gestures).ToList();
        for (int i = 0; i < first.Count; i++)
        {
            if (first[i].SegmentLabel != i % gestures)
            {
                throw new DatasetFormatException(first[i].Source, "recording " + i + " of the session is gesture " + first[i].SegmentLabel + ", expected " + (i % gestures) + " (the session should cycle through the gestures in order)");
            }
        }

        return first;
    }
}
