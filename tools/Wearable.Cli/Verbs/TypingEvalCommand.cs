using System.CommandLine;
using System.Globalization;
using Wearable.Modeling.Typing;

namespace Wearable.Cli.Verbs;

/// <summary><c>wearable typing eval</c>: CER on held-out synthetic users and held-out sessions, greedy and with the LM.</summary>
public static class TypingEvalCommand
{
    public static Command Create()
    {
        var model = TypingCommand.Model();
        var data = TypingCommand.Data();
        var seed = TypingCommand.Seed();
        var users = TypingCommand.TrainUsers();
        var testUsers = new Option<int>("--test-users") { Description = "Held-out synthetic users to score (2 sessions each).", DefaultValueFactory = _ => 3 }.InRange(1, 64);
        var lmWeight = TypingCommand.LmWeight();
        var bonus = TypingCommand.InsertionBonus();
        var validation = new Option<bool>("--validation") { Description = "Score the validation users (500 on) instead of the held-out users (1000 on): tune --lm-weight and --insertion-bonus here." };
        var json = CommonOptions.Json();
        var command = new Command("eval", "Character error rate of a typing model on held-out synthetic users, greedy and with the character LM.")
        {
            model, data, seed, users, testUsers, lmWeight, bonus, validation, json,
        };
        command.SetAction(parse => Run(TypingCommand.ModelPath(parse.GetValue(model)), parse.GetValue(data)?.FullName, parse.GetValue(seed), parse.GetValue(users), parse.GetValue(testUsers), parse.GetValue(lmWeight), parse.GetValue(bonus), parse.GetValue(validation), parse.GetValue(json)));
        return command;
    }

    private static int Run(string modelPath, string? data, int seed, int users, int testUsers, double lmWeight, double bonus, bool validation, bool json)
    {
        if (!File.Exists(modelPath))
        {
            throw new CliException("The typing model " + modelPath + " does not exist.", "Train one with: wearable typing train --out " + modelPath);
        }

        var model = TypingCommand.LoadModel(modelPath);
        var options = new TypingExperimentOptions { Seed = (ulong)seed, TrainUsers = users, TestUsers = testUsers };
        options.Beam.LanguageModelWeight = lmWeight;
        options.Beam.InsertionBonus = bonus;
        var corpus = TypingCommand.Corpus();
        if (data is not null)
        {
            return RunOnData(model, TypingExperiment.BuildLanguageModel(corpus, options), options.Beam, data, json);
        }

        var simulator = new TypingSemgSimulator(corpus, options.Seed);
        var languageModel = TypingExperiment.BuildLanguageModel(corpus, options);
        var unseen = validation ? TypingExperiment.ValidationUserSessions(simulator, options) : TypingExperiment.HeldOutUserSessions(simulator, options);
        var heldOutUsers = TypingExperiment.Evaluate(model, languageModel, unseen.ToList(), options.Beam);
        var heldOutSessions = TypingExperiment.Evaluate(model, languageModel, TypingExperiment.HeldOutSessions(simulator, options).ToList(), options.Beam);
        if (json)
        {
            JsonOutput.Write(new
            {
                cerGreedy = Math.Round(heldOutUsers.CerGreedy, 2),
                cerWithLm = Math.Round(heldOutUsers.CerWithLm, 2),
                users = heldOutUsers.Users,
                keys = heldOutUsers.Keys,
                userSet = validation ? "validation" : "held-out",
                lmWeight,
                insertionBonus = bonus,
                heldOutSessions = new { cerGreedy = Math.Round(heldOutSessions.CerGreedy, 2), cerWithLm = Math.Round(heldOutSessions.CerWithLm, 2), users = heldOutSessions.Users, keys = heldOutSessions.Keys },
            });
            return 0;
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(validation ? "validation users" : "held-out users  ")}  ({heldOutUsers.Users} users, {heldOutUsers.Keys} keys): CER greedy {heldOutUsers.CerGreedy:F1} %, with LM {heldOutUsers.CerWithLm:F1} %"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"held-out sessions ({heldOutSessions.Users} users, {heldOutSessions.Keys} keys): CER greedy {heldOutSessions.CerGreedy:F1} %, with LM {heldOutSessions.CerWithLm:F1} %"));
        return 0;
    }

    /// <summary>CER on real sessions (emg2qwerty files, our recordings): each file counts as one session.</summary>
    private static int RunOnData(TypingModel model, CharacterLanguageModel languageModel, BeamSearchOptions beam, string data, bool json)
    {
        var sessions = TypingCommand.RealSessions(data);
        var score = TypingExperiment.Evaluate(model, languageModel, sessions, beam);
        if (json)
        {
            JsonOutput.Write(new
            {
                cerGreedy = Math.Round(score.CerGreedy, 2),
                cerWithLm = Math.Round(score.CerWithLm, 2),
                sessions = score.Sessions,
                keys = score.Keys,
                data,
                lmWeight = beam.LanguageModelWeight,
                insertionBonus = beam.InsertionBonus,
            });
            return 0;
        }

        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{data} ({score.Sessions} sessions, {score.Keys} keys): CER greedy {score.CerGreedy:F1} %, with LM {score.CerWithLm:F1} %"));
        return 0;
    }
}
