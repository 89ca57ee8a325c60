using System.CommandLine;
using Wearable.Modeling.Typing;

namespace Wearable.Cli.Verbs;

/// <summary>
/// Typing recognition from two wrists' sEMG (docs/typing.md): <c>typing train</c> fits the CTC model
/// on synthetic users, <c>typing eval</c> scores it greedy and with the character LM, <c>typing live</c>
/// decodes a synthetic session as it plays.
/// </summary>
public static class TypingCommand
{
    public static Command Create()
    {
        var command = new Command("typing", "Typing recognition from wrist sEMG: train, evaluate and run the CTC model with a character language model.");
        command.Subcommands.Add(TypingTrainCommand.Create());
        command.Subcommands.Add(TypingEvalCommand.Create());
        command.Subcommands.Add(TypingLiveCommand.Create());
        return command;
    }

    public static Option<int> Seed() => new Option<int>("--seed") { Description = "Seed of the synthetic users, sessions and training (any number, 0 included).", DefaultValueFactory = _ => 1 }.InRange(0, int.MaxValue);

    public static Option<int> TrainUsers() => new Option<int>("--train-users") { Description = "Synthetic users 0..N-1 train (their last session is held out).", DefaultValueFactory = _ => 16 }.InRange(1, 64);

    public static Option<double> LmWeight() => new Option<double>("--lm-weight") { Description = "Weight of the character language model in the beam search (0 = the beam without the model).", DefaultValueFactory = _ => new BeamSearchOptions().LanguageModelWeight }.InRange(0, 10);

    public static Option<double> InsertionBonus() => new Option<double>("--insertion-bonus") { Description = "Score added per key in the beam search (balances the LM's cost per character; 0 = none).", DefaultValueFactory = _ => new BeamSearchOptions().InsertionBonus }.InRange(0, 20);

    public static TypingCorpus Corpus()
    {
        try
        {
            return TypingCorpus.LoadDefault();
        }
        catch (FileNotFoundException ex)
        {
            throw new CliException(ex.Message, "Run from the repository, or keep data/typing/words.txt beside the CLI (typing/words.txt).");
        }
    }

    public static TypingModel LoadModel(string path)
    {
        try
        {
            return TypingModel.Load(path);
        }
        catch (InvalidDataException ex)
        {
            throw new CliException(ex.Message, "Train one with: wearable typing train --out typing-model.json");
        }
    }
}
