using System.Diagnostics;
using Wearable.Modeling.Datasets;

namespace Wearable.Modeling.Training;

public sealed class TrainingOptions
{
    public ulong Seed { get; set; } = 1;

    public int MaxEpochs { get; set; } = 40;

    public int BatchSize { get; set; } = 32;

    public double LearningRate { get; set; } = 2e-3;

    /// <summary>Decoupled weight decay per step (AdamW), on weights only.</summary>
    public double WeightDecay { get; set; } = 1e-4;

    /// <summary>Epochs without a better validation score before stopping.</summary>
    public int Patience { get; set; } = 6;

    /// <summary>Training-time amplitude jitter: each window is scaled by a factor in [1 - g, 1 + g].</summary>
    public double GainJitter { get; set; }

    /// <summary>
    /// Probability of shifting a training window's channels by one electrode around the band (either
    /// way): teaches tolerance to the armband sitting slightly rotated between sessions.
    /// </summary>
    public double RotationProbability { get; set; }

    /// <summary>
    /// Training-time band displacement by a fraction of an electrode: each window is rotated by a
    /// uniform amount in [-r, r] electrodes, interpolating between neighbours (sessions never put
    /// the band back exactly where it was).
    /// </summary>
    public double RotationJitter { get; set; }

    /// <summary>
    /// Training-time per-electrode gain jitter: each channel of a window is scaled by its own factor
    /// in [1 - c, 1 + c], as skin contact differs electrode by electrode between sessions.
    /// </summary>
    public double ChannelGainJitter { get; set; }

    /// <summary>
    /// Fine-tuning: the first N layers with weights of every CNN keep their (pre-trained) weights, so
    /// only the later layers adapt to the new person and the early, cross-person filters stay.
    /// </summary>
    public int FrozenLayers { get; set; }

    /// <summary>Called after every epoch (progress display, logging).</summary>
    public Action<EpochReport>? Progress { get; set; }

    /// <summary>
    /// The same settings for a short last pass over all training data after early stopping: its own
    /// seed, <paramref name="epochs"/> epochs at a tenth of the learning rate, no progress display.
    /// </summary>
    public TrainingOptions Polishing(int epochs)
    {
        var copy = (TrainingOptions)MemberwiseClone();
        copy.Seed = Seed + 1;
        copy.MaxEpochs = epochs;
        copy.LearningRate = LearningRate / 10;
        copy.Progress = null;
        return copy;
    }
}

public sealed record EpochReport(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy, bool Best, TimeSpan Elapsed);

public sealed record TrainingResult(int Epochs, int BestEpoch, double BestValidationAccuracy, TimeSpan Elapsed);

/// <summary>
/// Mini-batch AdamW with softmax cross-entropy and early stopping on a validation set; the network
/// keeps the weights of its best validation epoch. Single-threaded and seeded, so a run is repeatable
/// bit for bit.
/// </summary>
public static class Trainer
{
    public static TrainingResult Fit(IClassifierModel network, WindowSet train, WindowSet? validation, TrainingOptions options)
    {
        if (train.Count == 0)
        {
            throw new ArgumentException("No training windows.", nameof(train));
        }

        if (train.WindowSize != network.InputLength * network.InputChannels)
        {
            throw new ArgumentException(
                "Windows are " + train.Length + " x " + train.Channels + " but the network expects " + network.InputLength + " x " + network.InputChannels + ".");
        }

        var clock = Stopwatch.StartNew();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var shuffle = Simulation.Pcg32.For(options.Seed, "shuffle");
        var dropout = Simulation.Pcg32.For(options.Seed, "dropout");
        var augment = Simulation.Pcg32.For(options.Seed, "augment");
        var augmenter = new WindowAugmenter(options, train.Channels);
        var scratch = new float[train.WindowSize];
        var frozen = FrozenParameters(network, options.FrozenLayers);
        var parameters = network.Parameters.Where(p => !frozen.Contains(p)).ToArray();
        var adam = new AdamW(options.LearningRate, options.WeightDecay);
        float[][]? bestWeights = null;
        double bestScore = double.NegativeInfinity;
        double bestAccuracy = double.NaN;
        int bestEpoch = 0;
        int epoch = 0;
        while (epoch < options.MaxEpochs)
        {
            epoch++;
            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = shuffle.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }

            network.SetTraining(dropout);
            double lossSum = 0;
            int correct = 0;
            for (int start = 0; start < order.Length; start += options.BatchSize)
            {
                int end = Math.Min(order.Length, start + options.BatchSize);
                for (int b = start; b < end; b++)
                {
                    int w = order[b];
                    float[] source = train.Data;
                    int offset = w * train.WindowSize;
                    if (augmenter.Enabled)
                    {
                        augmenter.Apply(train, w, scratch, augment);
                        source = scratch;
                        offset = 0;
                    }

                    lossSum += network.Learn(source, offset, train.Label(w), out bool ok);
                    correct += ok ? 1 : 0;
                }

                adam.Step(parameters, end - start);
                foreach (var p in frozen)
                {
                    Array.Clear(p.Gradients);
                }
            }

            network.SetTraining(null);
            double valLoss = double.NaN, valAccuracy = double.NaN;
            bool improved = true;
            if (validation is not null && validation.Count > 0)
            {
                (valLoss, valAccuracy) = Evaluate(network, validation);
                double score = valAccuracy - (1e-4 * valLoss); // accuracy first; loss breaks ties
                improved = score > bestScore;
                if (improved)
                {
                    bestScore = score;
                    bestAccuracy = valAccuracy;
                    bestEpoch = epoch;
                    bestWeights = network.Snapshot();
                }
            }
            else
            {
                bestEpoch = epoch;
            }

            options.Progress?.Invoke(new EpochReport(
                epoch, lossSum / order.Length, (double)correct / order.Length, valLoss, valAccuracy, improved, clock.Elapsed));
            if (validation is not null && epoch - bestEpoch >= options.Patience)
            {
                break;
            }
        }

        if (bestWeights is not null)
        {
            network.Restore(bestWeights);
        }

        return new TrainingResult(epoch, bestEpoch, bestAccuracy, clock.Elapsed);
    }

    private static HashSet<Parameter> FrozenParameters(IClassifierModel model, int layers)
    {
        return ClassifierModels.Cnns(model).SelectMany(n => n.Layers.Where(l => l.Parameters.Any()).Take(layers).SelectMany(l => l.Parameters)).ToHashSet();
    }

    /// <summary>Mean cross-entropy and accuracy of the network on a window set (inference mode).</summary>
    public static (double Loss, double Accuracy) Evaluate(IClassifierModel network, WindowSet set)
    {
        double loss = 0;
        int correct = 0;
        for (int w = 0; w < set.Count; w++)
        {
            float[] logits = network.Forward(set.Data, w * set.WindowSize);
            int label = set.Label(w);
            float max = logits.Max();
            double sum = 0;
            for (int k = 0; k < logits.Length; k++)
            {
                sum += Math.Exp(logits[k] - max);
            }

            loss += Math.Log(sum) - (logits[label] - max);
            correct += Network.ArgMax(logits) == label ? 1 : 0;
        }

        return (loss / set.Count, (double)correct / set.Count);
    }
}
