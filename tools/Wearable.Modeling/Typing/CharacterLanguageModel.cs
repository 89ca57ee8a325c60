namespace Wearable.Modeling.Typing;

/// <summary>
/// A character n-gram language model over a-z and space with interpolated absolute discounting
/// (Ney et al. 1994; the lower orders use plain counts, not Kneser-Ney continuation counts). Built by
/// our tools from a text corpus; emg2qwerty uses a KenLM 6-gram over WikiText-103.
/// </summary>
public sealed class CharacterLanguageModel
{
    private const int Symbols = 27; // a-z, space
    private const double Discount = 0.75;
    private readonly Dictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    public CharacterLanguageModel(string text, int order)
    {
        if (order < 1 || order > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Use an order of 1..10.");
        }

        Order = order;
        string clean = " " + new string(text.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' ? c : ' ').ToArray());
        for (int i = 1; i < clean.Length; i++)
        {
            int symbol = Index(clean[i]);
            for (int n = 0; n < order && n <= i; n++)
            {
                string context = clean.Substring(i - n, n);
                if (!_counts.TryGetValue(context, out int[]? row))
                {
                    row = new int[Symbols + 2]; // counts, then total, then distinct followers
                    _counts[context] = row;
                }

                if (row[symbol] == 0)
                {
                    row[Symbols + 1]++;
                }

                row[symbol]++;
                row[Symbols]++;
            }
        }
    }

    public int Order { get; }

    /// <summary>log P(next | history), using the last Order-1 characters of the history.</summary>
    public double LogProbability(string history, char next)
    {
        int symbol = Index(next);
        int usable = Math.Min(Order - 1, history.Length);
        double probability = 1.0 / Symbols;
        for (int n = 0; n <= usable; n++)
        {
            string context = history.Substring(history.Length - n, n);
            if (!_counts.TryGetValue(context, out int[]? row))
            {
                break;
            }

            double total = row[Symbols];
            probability = (Math.Max(row[symbol] - Discount, 0) / total) + (Discount * row[Symbols + 1] / total * probability);
        }

        return Math.Log(probability);
    }

    /// <summary>Bits per character on <paramref name="text"/> (how well the model predicts held-out text).</summary>
    public double BitsPerCharacter(string text)
    {
        string clean = " " + new string(text.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' ? c : ' ').ToArray());
        double sum = 0;
        for (int i = 1; i < clean.Length; i++)
        {
            sum -= LogProbability(clean[..i], clean[i]);
        }

        return sum / Math.Max(1, clean.Length - 1) / Math.Log(2);
    }

    private static int Index(char c) => c == ' ' ? 26 : c - 'a';
}
