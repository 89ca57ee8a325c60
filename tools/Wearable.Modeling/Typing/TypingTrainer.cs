using Wearable.Modeling.Simulation;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Typing;

/// <summary>Feature frames of one session with its CTC targets: each key at the frame its press lands in.</summary>
public sealed record TypingExample(float[] Features, int[] KeyFrames, int[] KeyLabels)
{
    public static TypingExample From(TypingSession session)
    {
        float[] features = TypingFeatures.Compute(session.Samples, session.Channels);
        var frames = new List<int>();
        var labels = new List<int>();
        foreach (var stroke in session.Keystrokes)
        {
            int label = TypingCharset.Label(stroke.Key);
            if (label >= 0)
            {
                frames.Add((int)Math.Max(0, (stroke.PressSample - TypingFeatures.Window) / TypingFeatures.Hop));
                labels.Add(label);
            }
        }

        return new TypingExample(features, frames.ToArray(), labels.ToArray());
    }
}

public sealed class TypingTrainingOptions
{
    public int Steps { get; set; } = 300;

    public int Batch { get; set; } = 4;

    /// <summary>Output frames per training window (3 s at 100 frames/s).</summary>
    public int WindowFrames { get; set; } = 300;

    public double LearningRate { get; set; } = 2e-3;

    public ulong Seed { get; set; } = 1;

    /// <summary>
    /// The batch gradient's global norm is scaled down to this. Early in a run the norm is ~50 with
    /// one batch in ten at 1,000-4,500 (16 users, seed 1); the clip keeps those from dominating
    /// Adam's moments. It did not cure the runs that stalled above chance on its own: the model's
    /// blank-first start did (TypingModel.Initialize).
    /// </summary>
    public double MaxGradientNorm { get; set; } = 5;
}

/// <summary>
/// Trains <see cref="TypingModel"/> with CTC on random windows of the sessions, with the augmentations
/// emg2qwerty found to matter across band placements: each band rolled by -1/0/+1 electrodes, and a
/// random per-electrode gain (an offset in log power).
/// </summary>
public static class TypingTrainer
{
    public static IReadOnlyList<double> Train(TypingModel model, IReadOnlyList<TypingExample> examples, TypingTrainingOptions options, Action<int, double>? progress = null)
    {
        int features = model.Features;
        int window = options.WindowFrames;
        int inputFrames = window + TypingModel.Kernel - 1;
        var usable = examples.Where(e => e.Features.Length / features > inputFrames).ToArray();
        if (usable.Length == 0)
        {
            throw new ArgumentException("No training session is longer than one training window (" + inputFrames + " frames).");
        }

        var run = new TypingNetworkRun(model, window);
        var parameters = run.Parameters.ToArray();
        var optimizer = new AdamW(options.LearningRate, 1e-4);
        var random = Pcg32.For(options.Seed, "typing-train");
        var raw = new float[inputFrames * features];
        var gradient = new float[window * TypingCharset.Classes];
        var losses = new List<double>();
        double running = 0;
        int counted = 0;
        for (int step = 0; step < options.Steps; step++)
        {
            int used = 0;
            for (int b = 0; b < options.Batch; b++)
            {
                var example = usable[random.NextInt(usable.Length)];
                int frames = example.Features.Length / features;
                int start = random.NextInt(frames - inputFrames);
                Augment(example.Features, start, raw, inputFrames, features, random);
                int[] target = Targets(example, start, window);
                float[] logits = run.Forward(raw, 0);
                double loss = CtcLoss.Compute(logits, window, TypingCharset.Classes, target, gradient);
                if (double.IsInfinity(loss))
                {
                    continue;
                }

                run.Backward(gradient);
                running += loss / Math.Max(1, target.Length);
                counted++;
                used++;
            }

            if (used > 0)
            {
                ClipGradients(parameters, used, options.MaxGradientNorm);
                optimizer.LearningRate = options.LearningRate * Schedule(step, options.Steps);
                optimizer.Step(parameters, used);
            }

            if ((step + 1) % 25 == 0 || step == options.Steps - 1)
            {
                double mean = running / Math.Max(1, counted);
                losses.Add(mean);
                progress?.Invoke(step + 1, mean);
                running = 0;
                counted = 0;
            }
        }

        run.CopyParametersToModel();
        return losses;
    }

    /// <summary>
    /// A short linear warm-up (Adam's first moments are noisy), then cosine decay to a tenth over the
    /// run: the last steps polish instead of hopping around the minimum at the full rate.
    /// </summary>
    public static double Schedule(int step, int steps)
    {
        int warmup = Math.Min(200, steps / 10);
        double cosine = 0.1 + (0.45 * (1 + Math.Cos(Math.PI * step / Math.Max(1, steps))));
        return step < warmup ? cosine * (step + 1) / warmup : cosine;
    }

    /// <summary>Scales the accumulated gradients so that their mean over the batch has at most norm <paramref name="maxNorm"/>; returns the norm before.</summary>
    public static double ClipGradients(Parameter[] parameters, int batch, double maxNorm)
    {
        double squares = 0;
        foreach (var p in parameters)
        {
            foreach (float g in p.Gradients)
            {
                squares += (double)g * g;
            }
        }

        double norm = Math.Sqrt(squares) / batch;
        if (norm > maxNorm)
        {
            float scale = (float)(maxNorm / norm);
            foreach (var p in parameters)
            {
                for (int i = 0; i < p.Gradients.Length; i++)
                {
                    p.Gradients[i] *= scale;
                }
            }
        }

        return norm;
    }

    /// <summary>Keys pressed in the window, minus those whose burst would run past its end.</summary>
    public static int[] Targets(TypingExample example, int inputStart, int outputFrames)
    {
        int first = inputStart + TypingModel.Kernel - 1;
        int last = first + outputFrames - 8;
        var target = new List<int>();
        for (int i = 0; i < example.KeyFrames.Length; i++)
        {
            if (example.KeyFrames[i] >= first && example.KeyFrames[i] < last)
            {
                target.Add(example.KeyLabels[i]);
            }
        }

        return target.ToArray();
    }

    private static void Augment(float[] source, int start, float[] raw, int frames, int features, Pcg32 random)
    {
        int perBand = TypingSemgSimulator.ElectrodesPerBand;
        int[] roll = [random.NextInt(3) - 1, random.NextInt(3) - 1];
        var offset = new float[features / TypingFeatures.PerChannel];
        for (int c = 0; c < offset.Length; c++)
        {
            offset[c] = (float)(0.3 * random.NextGaussian());
        }

        for (int t = 0; t < frames; t++)
        {
            int from = (start + t) * features;
            for (int c = 0; c < offset.Length; c++)
            {
                int band = c / perBand;
                int rolled = (band * perBand) + (((c % perBand) + roll[band] + perBand) % perBand);
                for (int k = 0; k < TypingFeatures.PerChannel; k++)
                {
                    raw[(t * features) + (rolled * TypingFeatures.PerChannel) + k] = source[from + (c * TypingFeatures.PerChannel) + k] + offset[c];
                }
            }
        }
    }
}
