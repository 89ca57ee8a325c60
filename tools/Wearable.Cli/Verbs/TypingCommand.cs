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

    /// <summary>The shipped typing model's file name in models/ (docs/typing.md, models/typing-default.md).</summary>
    public const string DefaultModelFile = "typing-default.json";

    public static Option<string?> Model() => new Option<string?>("--model") { Description = "Typing model file from 'typing train' (default: the shipped models/" + DefaultModelFile + ")." }.ExistingFile();

    public static Option<DirectoryInfo?> Data() => new Option<DirectoryInfo?>("--data") { Description = "Real typing sessions instead of synthetic users: a folder of emg2qwerty *.hdf5 session files and/or *.edf/*.bdf recordings with 'key <k>' annotations." }.ExistingFolder();

    /// <summary>The model file given, else the shipped one: models/ beside the working directory, then the repository the CLI runs from.</summary>
    public static string ModelPath(string? given)
    {
        if (given is not null)
        {
            return given;
        }

        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (string? dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                string candidate = Path.Combine(dir, "models", DefaultModelFile);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new CliException("The shipped typing model models/" + DefaultModelFile + " was not found here or above the CLI.", "Run from the repository, or train one and pass it: wearable typing train --out typing-model.json, then --model typing-model.json");
    }

    /// <summary>Real sessions from a folder, checked against what the model's features assume (32 channels at 2 kHz).</summary>
    public static List<TypingSession> RealSessions(string folder)
    {
        var sessions = new List<TypingSession>();
        try
        {
            foreach (string file in TypingSessionFiles.Find(folder))
            {
                var session = TypingSessionFiles.Read(file);
                if (session.Channels != TypingSemgSimulator.Channels || session.SampleRate != TypingSemgSimulator.SampleRate)
                {
                    throw new CliException(
                        file + " has " + session.Channels + " channels at " + session.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture) + " Hz; the typing features need " + TypingSemgSimulator.Channels + " at " + TypingSemgSimulator.SampleRate + " Hz.",
                        "Resample or re-record at 2 kHz with both 16-electrode bands.");
                }

                sessions.Add(session);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or FileNotFoundException)
        {
            throw new CliException(ex.Message, "Give --data a folder of emg2qwerty session files (*.hdf5) or typing recordings (*.edf, *.bdf); docs/typing.md says what each must hold.");
        }

        return sessions;
    }

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
            throw new CliException(ex.Message, "Train one with: wearable typing train --out typing-model.json, or leave --model out for the shipped one.");
        }
    }
}
