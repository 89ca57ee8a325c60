namespace Wearable.Modeling.Datasets;

/// <summary>
/// Which EDF+ annotations of a recording are class labels, and how they label frames. A class label is
/// an annotation with a duration (what <c>wearable record --protocol</c> writes for each cue); markers
/// without a duration (key presses, device decisions, "recording end") label nothing; spans whose text
/// starts with BAD (lost samples, artefacts marked by hand) label their frames as unusable.
/// </summary>
public sealed class ClassAnnotationRules
{
    /// <summary>Prefix of annotations whose span holds no usable signal (MNE's convention).</summary>
    public const string BadPrefix = "BAD";

    /// <summary>
    /// Seconds at the start of each cue left unlabelled: the person reacts to the cue after roughly a
    /// quarter of a second, so the first windows of a cue still show the previous gesture.
    /// </summary>
    public double ReactionSeconds { get; init; } = 0.25;

    /// <summary>True when the annotation names a class (has a positive duration and is not a BAD span).</summary>
    public static bool IsClass(EdgeHost.Recording.EdfAnnotation annotation) =>
        annotation.Duration is > 0 && !IsBad(annotation);

    public static bool IsBad(EdgeHost.Recording.EdfAnnotation annotation) =>
        annotation.Text.StartsWith(BadPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One label per frame: the class of the annotation covering it (index in <paramref name="classes"/>),
    /// <see cref="LabelledRecording.NoLabel"/> outside every class span, in a cue's reaction time, or in a BAD span.
    /// </summary>
    public int[] FrameLabels(IReadOnlyList<EdgeHost.Recording.EdfAnnotation> annotations, IReadOnlyList<string> classes, int frames, double sampleRate)
    {
        var labels = new int[frames];
        Array.Fill(labels, LabelledRecording.NoLabel);
        foreach (var annotation in annotations.Where(IsClass))
        {
            int label = IndexOf(classes, annotation.Text);
            if (label >= 0)
            {
                Fill(labels, annotation.Onset + ReactionSeconds, annotation.Onset + annotation.Duration!.Value, sampleRate, label);
            }
        }

        foreach (var annotation in annotations.Where(IsBad))
        {
            Fill(labels, annotation.Onset, annotation.Onset + (annotation.Duration ?? 0), sampleRate, LabelledRecording.NoLabel);
        }

        return labels;
    }

    private static int IndexOf(IReadOnlyList<string> classes, string text)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (string.Equals(classes[i], text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static void Fill(int[] labels, double from, double to, double rate, int label)
    {
        int start = Math.Max(0, (int)Math.Round(from * rate));
        int end = Math.Min(labels.Length, (int)Math.Round(to * rate));
        for (int n = start; n < end; n++)
        {
            labels[n] = label;
        }
    }
}
