using Wearable.EdgeHost.Recording;

namespace Wearable.Modeling.Datasets;

/// <summary>
/// Adapter from the edge host's EDF+/BDF reader to a <see cref="Recording"/>: the data signals that
/// share the first data signal's sample rate become float channels in physical units; EDF+
/// annotations become per-frame labels (the index of the annotation text in <see cref="LabelNames"/>,
/// sorted; frames outside every annotation get <see cref="Recording.NoLabel"/>).
/// Signals at other rates are left out (a recording has one rate).
/// </summary>
public sealed class EdfRecordingReader : IRecordingReader
{
    public string FormatName => "EDF+/BDF (edge host reader)";

    /// <summary>Annotation texts of the last file read, in label order.</summary>
    public IReadOnlyList<string> LabelNames { get; private set; } = [];

    /// <summary>
    /// With <see cref="Classes"/>: label frames by class spans only (cues), in this fixed class order, the
    /// way a data set of several files needs; null labels every annotation text (one file on its own).
    /// </summary>
    public ClassAnnotationRules? Rules { get; init; }

    /// <summary>The class order used with <see cref="Rules"/>.</summary>
    public IReadOnlyList<string>? Classes { get; init; }

    /// <summary>The class names (texts of annotations with a duration, BAD spans left out) in a file, sorted.</summary>
    public static IReadOnlyList<string> ClassTexts(string path)
    {
        try
        {
            using var reader = EdfReader.Open(path);
            return reader.ReadAnnotations().Where(ClassAnnotationRules.IsClass).Select(a => a.Text).Distinct().Order(StringComparer.Ordinal).ToList();
        }
        catch (EdfFormatException ex)
        {
            throw new DatasetFormatException(path, ex.Message + (ex.Hint is null ? string.Empty : " (" + ex.Hint + ")"), byteOffset: ex.ByteOffset ?? -1);
        }
    }

    public LabelledRecording Read(string path)
    {
        try
        {
            using var reader = EdfReader.Open(path);
            var signals = reader.Header.Signals;
            int first = -1;
            for (int i = 0; i < signals.Count && first < 0; i++)
            {
                first = signals[i].IsAnnotation ? -1 : i;
            }

            if (first < 0)
            {
                throw new DatasetFormatException(path, "the file holds no data signals, only annotations");
            }

            double rate = reader.SampleRate(first);
            var chosen = Enumerable.Range(0, signals.Count)
                .Where(i => !signals[i].IsAnnotation && reader.SampleRate(i) == rate)
                .ToArray();
            var channels = chosen.Select(reader.ReadPhysical).ToArray();
            int frames = channels.Min(c => c.Length);
            var samples = new float[frames * chosen.Length];
            for (int n = 0; n < frames; n++)
            {
                for (int c = 0; c < chosen.Length; c++)
                {
                    samples[(n * chosen.Length) + c] = (float)channels[c][n];
                }
            }

            var annotations = reader.ReadAnnotations();
            int[]? labels = null;
            LabelNames = annotations.Select(a => a.Text).Distinct().Order(StringComparer.Ordinal).ToList();
            if (Rules is not null && Classes is not null)
            {
                LabelNames = Classes;
                labels = Rules.FrameLabels(annotations, Classes, frames, rate);
            }
            else if (annotations.Count > 0)
            {
                labels = new int[frames];
                Array.Fill(labels, LabelledRecording.NoLabel);
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < LabelNames.Count; i++)
                {
                    index[LabelNames[i]] = i;
                }

                foreach (var annotation in annotations)
                {
                    int label = index[annotation.Text];
                    int start = (int)Math.Round(annotation.Onset * rate);
                    int end = annotation.Duration is double d ? (int)Math.Round((annotation.Onset + d) * rate) : start + 1;
                    for (int n = Math.Max(0, start); n < Math.Min(frames, end); n++)
                    {
                        labels[n] = label;
                    }
                }
            }

            string units = signals[first].PhysicalDimension.Trim();
            string person = reader.Header.PatientId.Trim();
            return LabelledRecording.FromFloat(
                path,
                person.Length > 0 ? person : System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))) ?? string.Empty,
                System.IO.Path.GetFileNameWithoutExtension(path),
                chosen.Select(i => signals[i].Label.Trim()).ToArray(),
                rate,
                units.Length > 0 ? units : "uV",
                samples,
                labels,
                unitsPerCount: signals[first].Gain);
        }
        catch (EdfFormatException ex)
        {
            throw new DatasetFormatException(path, ex.Message + (ex.Hint is null ? string.Empty : " (" + ex.Hint + ")"), byteOffset: ex.ByteOffset ?? -1);
        }
    }
}
