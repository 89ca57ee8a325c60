namespace Wearable.Modeling.Eeg;

/// <summary>Wolpaw's information transfer rate, the usual BCI figure next to accuracy.</summary>
public static class InformationTransferRate
{
    /// <summary>
    /// Bits per minute for <paramref name="classes"/> equiprobable targets, accuracy p and one
    /// selection every <paramref name="secondsPerSelection"/>: B = log2 N + p log2 p + (1-p) log2((1-p)/(N-1)).
    /// Accuracy at or below chance gives 0 (the formula's negative branch is meaningless).
    /// </summary>
    public static double BitsPerMinute(int classes, double accuracy, double secondsPerSelection)
    {
        if (classes < 2 || secondsPerSelection <= 0 || double.IsNaN(accuracy) || accuracy <= 1.0 / classes)
        {
            return 0;
        }

        double p = Math.Min(accuracy, 1);
        double bits = Math.Log2(classes) + (p * Math.Log2(p));
        if (p < 1)
        {
            bits += (1 - p) * Math.Log2((1 - p) / (classes - 1));
        }

        return bits * 60 / secondsPerSelection;
    }
}
