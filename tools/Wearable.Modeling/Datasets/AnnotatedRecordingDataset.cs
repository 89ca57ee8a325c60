namespace Wearable.Modeling.Datasets;

/// <summary>
/// A folder of one's own recordings: EDF+/BDF+ files whose class spans are annotations with a duration
/// (what <c>wearable record --protocol</c> writes) and CSV files with a label column. Any channel count,
/// rate and class set, as long as every file agrees on channels and rate.
/// Subjects and sessions come from the layout: <c>DIR/file.edf</c> is one session of one subject (the
/// folder's name); <c>DIR/SUBJECT/file.edf</c> is one session of SUBJECT; <c>DIR/SUBJECT/SESSION/*.edf</c>
/// makes every file in SESSION one session.
/// </summary>
public sealed class AnnotatedRecordingDataset : IGestureDataset
{
    private readonly ClassAnnotationRules _rules;

    public AnnotatedRecordingDataset(string root, ClassAnnotationRules? rules = null)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException("Data folder " + root + " does not exist.");
        }

        Root = Path.GetFullPath(root);
        _rules = rules ?? new ClassAnnotationRules();
        string[] files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(IsRecording)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            throw new DatasetFormatException(Root, "no recordings: expected .edf/.bdf files with class annotations (wearable record --protocol) or .csv files with a label column");
        }

        ClassNames = files.SelectMany(ClassTexts).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ClassNames.Count < 2)
        {
            throw new DatasetFormatException(
                Root,
                "found " + ClassNames.Count + " class(es) (" + string.Join(", ", ClassNames) + "); training needs at least two: record with --protocol, or label rows in the CSV's label column");
        }

        var sessions = new List<DatasetSession>();
        foreach (var group in files.GroupBy(SessionKey).OrderBy(g => g.Key.Subject, StringComparer.Ordinal).ThenBy(g => g.Key.Session, StringComparer.Ordinal))
        {
            string[] members = group.ToArray();
            (string subject, string session) = group.Key;
            sessions.Add(new DatasetSession(subject, session, members.Length == 1 ? members[0] : Path.GetDirectoryName(members[0])!, () => members.Select(f => ReadFile(f, subject, session)).ToList()));
        }

        Sessions = sessions;
        LabelledRecording first = ReadFile(files[0], sessions[0].Subject, sessions[0].Name);
        Channels = first.Channels;
        SampleRate = first.SampleRate;
        ChannelNames = first.ChannelNames;
    }

    public string Kind => "annotated recordings";

    public string Root { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public int Channels { get; }

    public double SampleRate { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    public IReadOnlyList<DatasetSession> Sessions { get; }

    /// <summary>True for the file types this data set reads (.edf, .bdf, and .csv with a label column).</summary>
    public static bool IsRecording(string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".edf" or ".bdf" || (extension == ".csv" && LabelColumnCsvReader.HasLabelColumn(path));
    }

    private LabelledRecording ReadFile(string path, string subject, string session)
    {
        LabelledRecording recording = Path.GetExtension(path).ToLowerInvariant() == ".csv"
            ? new LabelColumnCsvReader().Read(path, ClassNames, subject, session)
            : Relabel(new EdfRecordingReader { Rules = _rules, Classes = ClassNames }.Read(path), subject, session);
        if (Channels > 0 && (recording.Channels != Channels || recording.SampleRate != SampleRate))
        {
            throw new DatasetFormatException(
                path,
                "has " + recording.Channels + " channels at " + recording.SampleRate + " Hz, but the data set's first file has " + Channels + " at " + SampleRate + " Hz; keep one layout per data folder");
        }

        return recording;
    }

    private static LabelledRecording Relabel(LabelledRecording r, string subject, string session) =>
        LabelledRecording.FromFloat(r.Source, subject, session, r.ChannelNames.ToArray(), r.SampleRate, r.Units, r.FloatSamples!, r.FrameLabels, r.SegmentLabel, r.UnitsPerCount);

    private static IReadOnlyList<string> ClassTexts(string path) =>
        Path.GetExtension(path).ToLowerInvariant() == ".csv" ? LabelColumnCsvReader.ClassTexts(path) : EdfRecordingReader.ClassTexts(path);

    private (string Subject, string Session) SessionKey(string path)
    {
        string[] parts = Path.GetRelativePath(Root, path).Split(Path.DirectorySeparatorChar);
        string subject = parts.Length >= 2 ? parts[0] : Path.GetFileName(Root);
        string session = parts.Length >= 3 ? parts[1] : Path.GetFileNameWithoutExtension(path);
        return (subject, session);
    }
}
