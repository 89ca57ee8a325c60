using Wearable.Modeling.Simulation;

namespace Wearable.Modeling.Typing;

/// <summary>
/// The English word list in data/typing/words.txt (SCOWL via Debian's wamerican, 2-8 lower-case
/// letters; licence beside it) and seeded prompt sentences drawn from it. Word frequencies follow a
/// Zipf law over a seeded ranking of the list: the list has no frequencies, so which words are
/// common is arbitrary but fixed.
/// </summary>
public sealed class TypingCorpus
{
    private readonly string[] _ranked;
    private readonly double[] _cumulative;

    public TypingCorpus(IReadOnlyList<string> words)
    {
        if (words.Count < 10)
        {
            throw new ArgumentException("The typing corpus needs at least 10 words.", nameof(words));
        }

        _ranked = words.ToArray();
        var shuffle = Pcg32.For(7, "corpus-ranking");
        for (int i = _ranked.Length - 1; i > 0; i--)
        {
            int j = shuffle.NextInt(i + 1);
            (_ranked[i], _ranked[j]) = (_ranked[j], _ranked[i]);
        }

        _cumulative = new double[_ranked.Length];
        double total = 0;
        for (int i = 0; i < _ranked.Length; i++)
        {
            total += 1.0 / (i + 10);
            _cumulative[i] = total;
        }

        for (int i = 0; i < _cumulative.Length; i++)
        {
            _cumulative[i] /= total;
        }
    }

    public int WordCount => _ranked.Length;

    /// <summary>Loads the committed word list (searched next to the program, then in the repository).</summary>
    public static TypingCorpus LoadDefault() => Load(DefaultPath());

    public static TypingCorpus Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The typing word list " + path + " does not exist.", path);
        }

        return new TypingCorpus(File.ReadAllLines(path).Where(w => w.Length > 0 && w.All(c => c is >= 'a' and <= 'z')).ToArray());
    }

    public static string DefaultPath()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "typing", "words.txt");
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "data", "typing", "words.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return beside;
    }

    /// <summary>A sentence of 4-10 words from the stream <paramref name="random"/>.</summary>
    public string Sentence(Pcg32 random)
    {
        int count = 4 + random.NextInt(7);
        var words = new string[count];
        for (int i = 0; i < count; i++)
        {
            double u = random.NextDouble();
            int index = Array.BinarySearch(_cumulative, u);
            words[i] = _ranked[index < 0 ? Math.Min(~index, _ranked.Length - 1) : index];
        }

        return string.Join(' ', words);
    }

    /// <summary>Text for building the language model: <paramref name="sentences"/> sentences from a stream of its own.</summary>
    public string LanguageModelText(int sentences, ulong seed)
    {
        var random = Pcg32.For(seed, "lm-text");
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < sentences; i++)
        {
            text.Append(Sentence(random)).Append(' ');
        }

        return text.ToString();
    }
}
