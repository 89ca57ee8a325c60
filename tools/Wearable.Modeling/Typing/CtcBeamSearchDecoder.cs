namespace Wearable.Modeling.Typing;

public sealed class BeamSearchOptions
{
    public int BeamSize { get; set; } = 16;

    /// <summary>Only this many most likely keys per frame are tried (emg2qwerty: 10).</summary>
    public int LabelsPerFrame { get; set; } = 6;

    /// <summary>Tuned with the insertion bonus on the validation users (docs/typing.md), never on the held-out users.</summary>
    public double LanguageModelWeight { get; set; } = 1.5;

    /// <summary>Added per key, to balance the language model's per-character cost.</summary>
    public double InsertionBonus { get; set; } = 5;

    /// <summary>
    /// The language model's log probability of a correction. A backspace takes back the character
    /// it removes, score included; free of charge, every "x⌫" pair would earn two insertion bonuses
    /// for nothing. Typists slip on 1-4 % of keys (docs/typing.md), hence ln 0.03.
    /// </summary>
    public double BackspaceLogProbability { get; set; } = Math.Log(0.03);
}

/// <summary>
/// Streaming lexicon-free CTC prefix beam search (Hannun et al. 2014) with a character language
/// model. Frames are pushed as they arrive and the best hypothesis is available at any time. As in
/// emg2qwerty, backspace is a key like any other for the acoustic model, while the language model
/// scores the text it leaves: a backspace removes the previous character and undoes its LM score, so
/// "c z ⌫ a t" is scored as "cat".
/// </summary>
public sealed class CtcBeamSearchDecoder
{
    private readonly CharacterLanguageModel? _languageModel;
    private readonly BeamSearchOptions _options;
    private List<Hypothesis> _beams;

    public CtcBeamSearchDecoder(CharacterLanguageModel? languageModel, BeamSearchOptions options)
    {
        _languageModel = languageModel;
        _options = options;
        _beams = [new Hypothesis(string.Empty, string.Empty, null, 0) { Blank = 0 }];
    }

    /// <summary>Keys of the best hypothesis so far (backspaces included).</summary>
    public string Best => _beams.MaxBy(Score)!.Keys;

    /// <summary>Consumes <paramref name="frames"/> frames of logits [frame][class].</summary>
    public void Push(float[] logits, int frames)
    {
        int classes = TypingCharset.Classes;
        int blank = TypingCharset.Blank;
        var logProbs = new double[classes];
        var candidates = new int[classes - 1];
        for (int t = 0; t < frames; t++)
        {
            LogSoftmax(logits, t * classes, classes, logProbs);
            for (int k = 0; k < classes - 1; k++)
            {
                candidates[k] = k;
            }

            Array.Sort(candidates, (a, b) => logProbs[b].CompareTo(logProbs[a]));
            var next = new Dictionary<string, Hypothesis>(StringComparer.Ordinal);
            foreach (var beam in _beams)
            {
                double total = CtcLoss.LogAdd(beam.Blank, beam.NonBlank);
                var same = Get(next, beam);
                same.Blank = CtcLoss.LogAdd(same.Blank, total + logProbs[blank]);
                for (int i = 0; i < _options.LabelsPerFrame; i++)
                {
                    int label = candidates[i];
                    double p = logProbs[label];
                    if (beam.Keys.Length > 0 && TypingCharset.Label(beam.Keys[^1]) == label)
                    {
                        same.NonBlank = CtcLoss.LogAdd(same.NonBlank, beam.NonBlank + p);
                        var repeated = Get(next, Extend(beam, label));
                        repeated.NonBlank = CtcLoss.LogAdd(repeated.NonBlank, beam.Blank + p);
                    }
                    else
                    {
                        var extended = Get(next, Extend(beam, label));
                        extended.NonBlank = CtcLoss.LogAdd(extended.NonBlank, total + p);
                    }
                }
            }

            _beams = next.Values.OrderByDescending(Score).Take(_options.BeamSize).ToList();
        }
    }

    private double Score(Hypothesis h) => CtcLoss.LogAdd(h.Blank, h.NonBlank) + (_options.LanguageModelWeight * h.LanguageScore) + (_options.InsertionBonus * h.Keys.Length);

    private static Hypothesis Get(Dictionary<string, Hypothesis> next, Hypothesis template)
    {
        if (!next.TryGetValue(template.Keys, out var found))
        {
            found = new Hypothesis(template.Keys, template.Text, template.Scores, template.LanguageScore);
            next[template.Keys] = found;
        }

        return found;
    }

    private Hypothesis Extend(Hypothesis beam, int label)
    {
        char key = TypingCharset.Key(label);
        if (key == TypingCharset.Backspace)
        {
            double correction = _languageModel is null ? 0 : _options.BackspaceLogProbability;
            return beam.Scores is null
                ? new Hypothesis(beam.Keys + key, beam.Text, null, beam.LanguageScore + correction)
                : new Hypothesis(beam.Keys + key, beam.Text[..^1], beam.Scores.Previous, beam.LanguageScore - beam.Scores.Score + correction);
        }

        double score = _languageModel?.LogProbability(beam.Text, key) ?? 0;
        return new Hypothesis(beam.Keys + key, beam.Text + key, new ScoreStack(score, beam.Scores), beam.LanguageScore + score);
    }

    private static void LogSoftmax(float[] logits, int offset, int classes, double[] output)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < classes; k++)
        {
            max = Math.Max(max, logits[offset + k]);
        }

        double sum = 0;
        for (int k = 0; k < classes; k++)
        {
            sum += Math.Exp(logits[offset + k] - max);
        }

        double log = max + Math.Log(sum);
        for (int k = 0; k < classes; k++)
        {
            output[k] = logits[offset + k] - log;
        }
    }

    /// <summary>The LM score of each character still on screen, newest first, so a backspace can undo one.</summary>
    private sealed record ScoreStack(double Score, ScoreStack? Previous);

    private sealed class Hypothesis(string keys, string text, ScoreStack? scores, double languageScore)
    {
        public string Keys { get; } = keys;

        /// <summary>What the keys leave on screen (backspaces applied): the LM's history.</summary>
        public string Text { get; } = text;

        public ScoreStack? Scores { get; } = scores;

        public double LanguageScore { get; } = languageScore;

        public double Blank { get; set; } = double.NegativeInfinity;

        public double NonBlank { get; set; } = double.NegativeInfinity;
    }
}
