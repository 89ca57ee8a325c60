using System.Globalization;

namespace Wearable.Modeling.Datasets;

/// <summary>One person of the MyoArmbandDataset, with the sex read from their experiment.csv.</summary>
public sealed record MyoParticipant(string Name, string Folder, char Sex, int Index)
{
    public override string ToString() => Name;
}

/// <summary>
/// The Côté-Allard MyoArmbandDataset folder (<c>emg/myo-armband</c>): PreTrainingDataset (22 people,
/// training0) and EvaluationDataset (18 people, training0/Test0/Test1), 28 repetitions per session.
/// </summary>
public sealed class MyoArmbandDataset : IGestureDataset
{
    public const string Training = "training0";
    public const string Test0 = "Test0";
    public const string Test1 = "Test1";
    public const int RepetitionsPerSession = 28;

    public MyoArmbandDataset(string root)
    {
        if (!Directory.Exists(System.IO.Path.Combine(root, "EvaluationDataset")) ||
            !Directory.Exists(System.IO.Path.Combine(root, "PreTrainingDataset")))
        {
            throw new DirectoryNotFoundException(
                root + " is not the MyoArmbandDataset: expected EvaluationDataset/ and PreTrainingDataset/ inside it " +
                "(point at .../emg/myo-armband).");
        }

        Root = root;
    }

    public string Root { get; }

    public string Kind => "MyoArmbandDataset";

    public IReadOnlyList<string> ClassNames => MyoArmbandDatReader.GestureNames;

    public int Channels => MyoArmbandDatReader.Channels;

    public double SampleRate => MyoArmbandDatReader.SampleRate;

    /// <summary>Every session: the evaluation people's training0, Test0 and Test1, then the pre-training people's training0 (subject "PreTraining/&lt;name&gt;").</summary>
    public IReadOnlyList<DatasetSession> Sessions =>
        EvaluationParticipants()
            .SelectMany(p => new[] { Training, Test0, Test1 }.Select(s => new DatasetSession(p.Name, s, Path.Combine(p.Folder, s), () => LoadSession(p, s))))
            .Concat(PreTrainingParticipants().Select(p => new DatasetSession("PreTraining/" + p.Name, Training, Path.Combine(p.Folder, Training), () => LoadSession(p, Training))))
            .ToList();

    public IReadOnlyList<MyoParticipant> EvaluationParticipants() => Participants("EvaluationDataset");

    public IReadOnlyList<MyoParticipant> PreTrainingParticipants() => Participants("PreTrainingDataset");

    /// <summary>
    /// The 17 people of the paper: the first two women and the first fifteen men of the evaluation set
    /// (the dataset README's "Female 0-1, Male 0-14"; the 18th person was added later).
    /// </summary>
    public IReadOnlyList<MyoParticipant> PaperParticipants()
    {
        var all = EvaluationParticipants();
        return all.Where(p => p.Sex == 'F').Take(2).Concat(all.Where(p => p.Sex == 'M').Take(15)).ToList();
    }

    /// <summary>The 28 repetitions of one session in file order (label = index % 7).</summary>
    public IReadOnlyList<LabelledRecording> LoadSession(MyoParticipant participant, string session)
    {
        string folder = System.IO.Path.Combine(participant.Folder, session);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException("Session folder " + folder + " does not exist.");
        }

        var reader = new MyoArmbandDatReader();
        var files = Directory.GetFiles(folder, "classe_*.dat")
            .Select(f => (Index: MyoArmbandDatReader.FileIndex(f), Path: f))
            .OrderBy(f => f.Index)
            .ToList();
        if (files.Count != RepetitionsPerSession)
        {
            throw new DatasetFormatException(
                folder, "expected " + RepetitionsPerSession + " classe_i.dat files (i = 0..27), found " + files.Count);
        }

        return files.Select(f => reader.Read(f.Path)).ToList();
    }

    private List<MyoParticipant> Participants(string subset)
    {
        string dir = System.IO.Path.Combine(Root, subset);
        var result = new List<MyoParticipant>();
        foreach (string folder in Directory.GetDirectories(dir))
        {
            string name = System.IO.Path.GetFileName(folder);
            int digits = name.Length;
            while (digits > 0 && char.IsAsciiDigit(name[digits - 1]))
            {
                digits--;
            }

            int index = digits < name.Length ? int.Parse(name.AsSpan(digits), CultureInfo.InvariantCulture) : 0;
            result.Add(new MyoParticipant(name, folder, ReadSex(folder, name), index));
        }

        // Women first, then men, each by their number: the order the paper's subset is defined in.
        return result.OrderBy(p => p.Sex == 'F' ? 0 : 1).ThenBy(p => p.Index).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    private static char ReadSex(string folder, string name)
    {
        string csv = System.IO.Path.Combine(folder, "experiment.csv");
        if (File.Exists(csv))
        {
            string[] lines = File.ReadAllLines(csv);
            for (int i = 0; i < lines.Length; i++)
            {
                string[] fields = lines[i].Split(',');
                if (fields.Length >= 2 && fields[0].Trim() == "Sex")
                {
                    string value = fields[1].Trim();
                    if (value is "F" or "M")
                    {
                        return value[0];
                    }

                    if (value.Length == 0)
                    {
                        break; // Some pre-training sheets leave Sex blank; the folder name still says it.
                    }

                    throw new DatasetFormatException(csv, "Sex is '" + value + "', expected F or M", i + 1, 2);
                }
            }
        }

        // No experiment.csv: fall back to the folder name, which the dataset spells Female<n>/Male<n>.
        if (name.StartsWith("Female", StringComparison.Ordinal))
        {
            return 'F';
        }

        if (name.StartsWith("Male", StringComparison.Ordinal))
        {
            return 'M';
        }

        throw new DatasetFormatException(csv, "no Sex line and the folder name is neither Female<n> nor Male<n>");
    }
}
