namespace Wearable.Modeling.Typing;

/// <summary>How a typing experiment is set up: which synthetic users train and which are held out.</summary>
public sealed class TypingExperimentOptions
{
    public ulong Seed { get; set; } = 1;

    public int TrainUsers { get; set; } = 16;

    public int TestUsers { get; set; } = 3;

    public int SessionsPerUser { get; set; } = 3;

    public double SessionSeconds { get; set; } = 60;

    public int LanguageModelOrder { get; set; } = 5;

    public int LanguageModelSentences { get; set; } = 20000;

    public TypingTrainingOptions Training { get; set; } = new();

    public BeamSearchOptions Beam { get; set; } = new();
}

/// <summary>CER in percent on one group of sessions, greedy and with the language model.</summary>
public sealed record TypingScore(double CerGreedy, double CerWithLm, int Users, int Sessions, int Keys);

/// <summary>
/// Synthetic users 0..TrainUsers-1 train (all but their last session); their last sessions are the
/// held-out sessions of training users; users from 1000 on are held-out users never seen in training,
/// users from 500 on validate the decoder settings.
/// The language model is built from corpus text drawn with a seed of its own.
/// </summary>
public static class TypingExperiment
{
    public const int FirstHeldOutUser = 1000;

    public const int FirstValidationUser = 500;

    public static CharacterLanguageModel BuildLanguageModel(TypingCorpus corpus, TypingExperimentOptions options) =>
        new(corpus.LanguageModelText(options.LanguageModelSentences, options.Seed + 77), options.LanguageModelOrder);

    public static IEnumerable<TypingSession> TrainingSessions(TypingSemgSimulator simulator, TypingExperimentOptions options)
    {
        for (int u = 0; u < options.TrainUsers; u++)
        {
            var user = new TypingUser(options.Seed, u);
            for (int s = 0; s < options.SessionsPerUser - 1; s++)
            {
                yield return simulator.Session(user, s, options.SessionSeconds);
            }
        }
    }

    public static IEnumerable<TypingSession> HeldOutSessions(TypingSemgSimulator simulator, TypingExperimentOptions options)
    {
        for (int u = 0; u < options.TrainUsers; u++)
        {
            yield return simulator.Session(new TypingUser(options.Seed, u), options.SessionsPerUser - 1, options.SessionSeconds);
        }
    }

    public static IEnumerable<TypingSession> HeldOutUserSessions(TypingSemgSimulator simulator, TypingExperimentOptions options) =>
        UnseenUserSessions(simulator, options, FirstHeldOutUser);

    /// <summary>Users neither trained on nor tested: the decoder's weights are tuned on these, so the held-out figure stays clean.</summary>
    public static IEnumerable<TypingSession> ValidationUserSessions(TypingSemgSimulator simulator, TypingExperimentOptions options) =>
        UnseenUserSessions(simulator, options, FirstValidationUser);

    private static IEnumerable<TypingSession> UnseenUserSessions(TypingSemgSimulator simulator, TypingExperimentOptions options, int firstUser)
    {
        for (int u = 0; u < options.TestUsers; u++)
        {
            var user = new TypingUser(options.Seed, firstUser + u);
            for (int s = 0; s < 2; s++)
            {
                yield return simulator.Session(user, s, options.SessionSeconds);
            }
        }
    }

    public static TypingScore Evaluate(TypingModel model, CharacterLanguageModel languageModel, IReadOnlyList<TypingSession> sessions, BeamSearchOptions beam)
    {
        var greedy = new List<(string, string)>();
        var withLm = new List<(string, string)>();
        foreach (var session in sessions)
        {
            float[] logits = model.Logits(TypingFeatures.Compute(session.Samples, session.Channels));
            string reference = session.KeyText;
            greedy.Add((reference, CtcGreedyDecoder.Decode(logits, TypingCharset.Classes)));
            var decoder = new CtcBeamSearchDecoder(languageModel, beam);
            decoder.Push(logits, logits.Length / TypingCharset.Classes);
            withLm.Add((reference, decoder.Best));
        }

        int users = sessions.Select(s => s.Name.Split(':')[0].Split(" session")[0]).Distinct().Count();
        return new TypingScore(
            CharacterErrorRate.Percent(greedy),
            CharacterErrorRate.Percent(withLm),
            users,
            sessions.Count,
            sessions.Sum(s => s.Keystrokes.Count));
    }
}
