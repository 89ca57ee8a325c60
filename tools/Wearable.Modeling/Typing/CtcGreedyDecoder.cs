namespace Wearable.Modeling.Typing;

/// <summary>Best class per frame, repeats collapsed, blanks dropped.</summary>
public static class CtcGreedyDecoder
{
    public static string Decode(float[] logits, int classes)
    {
        var keys = new System.Text.StringBuilder();
        int previous = classes - 1;
        for (int t = 0; t < logits.Length / classes; t++)
        {
            int best = 0;
            for (int k = 1; k < classes; k++)
            {
                if (logits[(t * classes) + k] > logits[(t * classes) + best])
                {
                    best = k;
                }
            }

            if (best != previous && best != classes - 1)
            {
                keys.Append(TypingCharset.Key(best));
            }

            previous = best;
        }

        return keys.ToString();
    }
}
