using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Wearable.Modeling.Typing;

namespace Wearable.Cli.Verbs;

/// <summary><c>wearable typing train</c>: simulate the training users and fit the CTC model.</summary>
public static class TypingTrainCommand
{
    public static Command Create()
    {
        var seed = TypingCommand.Seed();
        var users = TypingCommand.TrainUsers();
        var steps = new Option<int>("--steps") { Description = "Optimiser steps (4 windows of 3 s each).", DefaultValueFactory = _ => 12000 }.InRange(1, 1_000_000);
        var hidden = new Option<int>("--hidden") { Description = "Channels of the encoder conv and the hidden layer.", DefaultValueFactory = _ => 96 }.InRange(4, 512);
        var data = TypingCommand.Data();
        var output = new Option<string>("--out") { Description = "Model file to write (JSON).", DefaultValueFactory = _ => "typing-model.json" }.OutputFile();
        var command = new Command("train", "Train the typing CTC model on synthetic users, or on real sessions with --data (nice it: it takes minutes).")
        {
            seed, users, steps, hidden, data, output,
        };
        command.SetAction(parse => Run(parse.GetValue(seed), parse.GetValue(users), parse.GetValue(steps), parse.GetValue(hidden), parse.GetValue(data)?.FullName, parse.GetValue(output)!));
        return command;
    }

    private static int Run(int seed, int users, int steps, int hidden, string? data, string output)
    {
        var options = new TypingExperimentOptions { Seed = (ulong)seed, TrainUsers = users };
        options.Training.Steps = steps;
        options.Training.Seed = (ulong)seed;
        var clock = Stopwatch.StartNew();
        List<TypingExample> examples;
        if (data is not null)
        {
            var sessions = TypingCommand.RealSessions(data);
            examples = sessions.Select(TypingExample.From).ToList();
            Console.Out.WriteLine($"read {examples.Count} sessions ({sessions.Sum(s => s.Frames) / TypingSemgSimulator.SampleRate:F0} s, {sessions.Sum(s => s.Keystrokes.Count)} keys) from {data} in {clock.Elapsed.TotalSeconds:F1} s");
        }
        else
        {
            var simulator = new TypingSemgSimulator(TypingCommand.Corpus(), options.Seed);
            examples = TypingExperiment.TrainingSessions(simulator, options).Select(TypingExample.From).ToList();
            Console.Out.WriteLine($"simulated {examples.Count} sessions of {options.SessionSeconds:F0} s from {users} users in {clock.Elapsed.TotalSeconds:F1} s");
        }

        var model = new TypingModel(TypingFeatures.Count(TypingSemgSimulator.Channels), hidden);
        model.Initialize(options.Seed);
        model.FitNormalisation(examples.Select(e => e.Features));
        Console.Out.WriteLine($"model: {model.ParameterCount} parameters, {model.MultiplyAccumulatesPerFrame} MACs per 10 ms frame");
        TypingTrainer.Train(model, examples, options.Training, (step, loss) =>
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  step {step,6}: CTC loss per key {loss:F3} ({clock.Elapsed.TotalSeconds:F0} s)")));
        model.Save(output);
        Console.Out.WriteLine("wrote " + output);
        return 0;
    }
}
