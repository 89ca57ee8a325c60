namespace Wearable.Modeling.Datasets;

/// <summary>
/// What a data set holds per class and where it is too thin to train on, said before any training starts
/// (LibEMG and BrainFlow users expect the counts; a class with a handful of windows trains a model that guesses).
/// </summary>
public sealed record DatasetSummary(IReadOnlyList<ClassCount> Classes, int Subjects, int Sessions, IReadOnlyList<string> Warnings)
{
    /// <summary>Fewer labelled seconds than this for a class earns a warning.</summary>
    public const double MinimumSecondsPerClass = 20;

    /// <summary>Counts the labelled windows of <paramref name="windows"/> per class and lists what is thin.</summary>
    public static DatasetSummary Of(WindowSet windows, IReadOnlyList<string> classNames, double sampleRate, int hop, int subjects, int sessions)
    {
        var counts = new int[classNames.Count];
        for (int i = 0; i < windows.Count; i++)
        {
            int label = windows.Label(i);
            if (label >= 0 && label < counts.Length)
            {
                counts[label]++;
            }
        }

        var classes = new List<ClassCount>();
        var warnings = new List<string>();
        for (int k = 0; k < counts.Length; k++)
        {
            // Hop-spaced windows: each new one adds hop samples of signal.
            double seconds = counts[k] == 0 ? 0 : ((counts[k] - 1) * hop + windows.Length) / sampleRate;
            classes.Add(new ClassCount(classNames[k], counts[k], Math.Round(seconds, 2)));
            if (counts[k] == 0)
            {
                warnings.Add("class '" + classNames[k] + "' has no labelled windows: its cues are shorter than one window, or every one overlaps a BAD span.");
            }
            else if (seconds < MinimumSecondsPerClass)
            {
                warnings.Add("class '" + classNames[k] + "' has only " + seconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " s of labelled signal (" + counts[k] + " windows); record at least " + MinimumSecondsPerClass + " s per class for a model that generalises.");
            }
        }

        if (sessions < 2)
        {
            warnings.Add("only one session: nothing is held out, so the reported accuracy is on the training sitting itself; record a second session (the last one is held out for validation).");
        }

        return new DatasetSummary(classes, subjects, sessions, warnings);
    }
}
