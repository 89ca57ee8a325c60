namespace Wearable.Modeling.Typing;

/// <summary>Edit distance between keystroke strings, summed over a test set as emg2qwerty does.</summary>
public static class CharacterErrorRate
{
    public static int EditDistance(string reference, string hypothesis)
    {
        var previous = new int[hypothesis.Length + 1];
        var current = new int[hypothesis.Length + 1];
        for (int j = 0; j <= hypothesis.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= reference.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= hypothesis.Length; j++)
            {
                int substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[hypothesis.Length];
    }

    /// <summary>Percent: total edits over total reference characters.</summary>
    public static double Percent(IEnumerable<(string Reference, string Hypothesis)> pairs)
    {
        long edits = 0, length = 0;
        foreach (var (reference, hypothesis) in pairs)
        {
            edits += EditDistance(reference, hypothesis);
            length += reference.Length;
        }

        return length == 0 ? 0 : 100.0 * edits / length;
    }
}
