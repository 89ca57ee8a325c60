namespace Wearable.Modeling.Datasets;

/// <summary>One recording session of the myo-readings set: a folder <c>&lt;participant&gt;-&lt;n&gt;</c> of 8 gesture files.</summary>
public sealed record MyoReadingsSession(string Participant, string Session, string Folder);

/// <summary>
/// The myo-readings folder (<c>emg/myo-readings</c>): continuous labelled streams with a real rest
/// class, <c>_readings_right_hand/&lt;participant&gt;-&lt;session&gt;/&lt;label&gt;.txt</c>.
/// </summary>
public sealed class MyoReadingsDataset : IGestureDataset
{
    public MyoReadingsDataset(string root)
    {
        string hand = System.IO.Path.Combine(root, "_readings_right_hand");
        if (!Directory.Exists(hand))
        {
            throw new DirectoryNotFoundException(root + " is not the myo-readings set: expected _readings_right_hand/ inside it.");
        }

        Root = root;
        Sessions = Directory.GetDirectories(hand)
            .Select(d => System.IO.Path.GetFileName(d))
            .Where(n => n.Contains('-', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new MyoReadingsSession(n[..n.LastIndexOf('-')], n[(n.LastIndexOf('-') + 1)..], System.IO.Path.Combine(hand, n)))
            .ToList();
    }

    public string Root { get; }

    public IReadOnlyList<MyoReadingsSession> Sessions { get; }

    public string Kind => "myo-readings";

    public IReadOnlyList<string> ClassNames => MyoReadingsReader.GestureNames;

    public int Channels => MyoReadingsReader.Channels;

    public double SampleRate => MyoReadingsReader.SampleRate;

    IReadOnlyList<DatasetSession> IGestureDataset.Sessions =>
        Sessions.Select(s => new DatasetSession(s.Participant, s.Session, s.Folder, () => Load(s))).ToList();

    public IEnumerable<string> Participants => Sessions.Select(s => s.Participant).Distinct();

    /// <summary>The session's gesture files 0.txt..7.txt in label order.</summary>
    public IReadOnlyList<LabelledRecording> Load(MyoReadingsSession session)
    {
        var reader = new MyoReadingsReader();
        var files = Directory.GetFiles(session.Folder, "*.txt")
            .Where(f => int.TryParse(System.IO.Path.GetFileNameWithoutExtension(f), out _))
            .OrderBy(f => int.Parse(System.IO.Path.GetFileNameWithoutExtension(f), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        if (files.Count == 0)
        {
            throw new DatasetFormatException(session.Folder, "no <label>.txt files in the session folder");
        }

        return files.Select(reader.Read).ToList();
    }
}
