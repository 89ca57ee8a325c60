using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Wearable.Modeling.Typing;

namespace Wearable.Cli.Verbs;

/// <summary>
/// <c>wearable typing live</c>: a held-out synthetic user types while the host decodes the stream in
/// 100 ms chunks; text appears as it is recognised, with the host's compute time per chunk.
/// </summary>
public static class TypingLiveCommand
{
    public static Command Create()
    {
        var model = TypingCommand.Model();
        var seconds = new Option<double>("--seconds") { Description = "How long the synthetic user types.", DefaultValueFactory = _ => 20.0 }.InRange(1, 600);
        var seed = TypingCommand.Seed();
        var lmWeight = TypingCommand.LmWeight();
        var bonus = TypingCommand.InsertionBonus();
        var command = new Command("live", "Decode a held-out synthetic user's typing as the sEMG streams in (text appears live).")
        {
            model, seconds, seed, lmWeight, bonus,
        };
        command.SetAction(parse => Run(TypingCommand.ModelPath(parse.GetValue(model)), parse.GetValue(seconds), parse.GetValue(seed), parse.GetValue(lmWeight), parse.GetValue(bonus), Console.Out));
        return command;
    }

    public static int Run(string modelPath, double seconds, int seed, double lmWeight, double bonus, TextWriter log)
    {
        if (!File.Exists(modelPath))
        {
            throw new CliException("The typing model " + modelPath + " does not exist.", "Train one with: wearable typing train --out " + modelPath);
        }

        var model = TypingCommand.LoadModel(modelPath);
        var options = new TypingExperimentOptions { Seed = (ulong)seed };
        options.Beam.LanguageModelWeight = lmWeight;
        options.Beam.InsertionBonus = bonus;
        var corpus = TypingCommand.Corpus();
        var languageModel = TypingExperiment.BuildLanguageModel(corpus, options);
        var session = new TypingSemgSimulator(corpus, options.Seed).Session(new TypingUser(options.Seed, TypingExperiment.FirstHeldOutUser), 0, seconds);
        log.WriteLine($"held-out synthetic user {TypingExperiment.FirstHeldOutUser} types for {seconds:F0} s ({session.Channels} ch x {session.SampleRate:F0} Hz); the host decodes every 100 ms");
        var recognizer = new StreamingTypingRecognizer(model, languageModel, options.Beam, session.Channels);
        int block = (int)(session.SampleRate / 50); // 20 ms blocks, as a wristband would send them
        var chunk = new float[block * session.Channels];
        var computeMs = new List<double>();
        string shown = string.Empty;
        var clock = new Stopwatch();
        for (int frame = 0; frame + block <= session.Frames; frame += block)
        {
            Array.Copy(session.Samples, frame * session.Channels, chunk, 0, chunk.Length);
            clock.Restart();
            bool advanced = recognizer.Push(chunk, block);
            if (advanced)
            {
                computeMs.Add(clock.Elapsed.TotalMilliseconds);
                string text = TypingCharset.Apply(recognizer.Keys);
                if (text != shown)
                {
                    shown = text;
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {(frame + block) / session.SampleRate,6:F1} s  {text}"));
                }
            }
        }

        string truth = TypingCharset.Apply(session.KeyText);
        computeMs.Sort();
        double cer = CharacterErrorRate.Percent([(session.KeyText, recognizer.Keys)]);
        log.WriteLine("typed:      " + truth);
        log.WriteLine("recognised: " + shown);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CER {cer:F1} % over {session.Keystrokes.Count} keys; host compute per 100 ms chunk: median {computeMs[computeMs.Count / 2]:F2} ms, p95 {computeMs[(int)(computeMs.Count * 0.95)]:F2} ms; a key shows up at most one chunk (100 ms) after its burst ends, plus that compute"));
        return 0;
    }
}
