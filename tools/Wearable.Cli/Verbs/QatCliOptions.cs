using System.CommandLine;
using Wearable.Modeling.Quantization;

namespace Wearable.Cli.Verbs;

/// <summary>The quantization-aware fine-tuning options shared by `eval --fixed` and `quantize`.</summary>
internal sealed class QatCliOptions
{
    public Option<int> Epochs { get; } = new("--qat-epochs") { Description = "Quantization-aware fine-tuning epochs after float training (0 = post-training quantization only).", DefaultValueFactory = _ => 0 };

    public Option<double> LearningRate { get; } = new("--qat-lr") { Description = "Learning rate of the quantization-aware fine-tuning (low: the float model is already trained).", DefaultValueFactory = _ => 2e-4 };

    public Option<double> RangeMomentum { get; } = new("--qat-range-momentum") { Description = "Activation ranges follow each batch's min/max with this moving-average weight on the old range (1 = keep the calibrated ranges).", DefaultValueFactory = _ => 0.99 };

    public void AddTo(Command command)
    {
        command.Options.Add(Epochs);
        command.Options.Add(LearningRate);
        command.Options.Add(RangeMomentum);
    }

    /// <summary>The settings, or null when --qat-epochs is 0.</summary>
    public QatOptions? Read(ParseResult parse, ulong seed, double gainJitter)
    {
        int epochs = parse.GetValue(Epochs);
        double lr = parse.GetValue(LearningRate);
        double momentum = parse.GetValue(RangeMomentum);
        if (epochs < 0 || !(lr > 0 && lr < 1) || !(momentum >= 0 && momentum <= 1))
        {
            throw new CliException("--qat-epochs must be >= 0, --qat-lr in (0, 1) and --qat-range-momentum in [0, 1].", "Try --qat-epochs 3 --qat-lr 0.0002.");
        }

        return epochs == 0 ? null : new QatOptions { Epochs = epochs, LearningRate = lr, RangeMomentum = momentum, Seed = seed, GainJitter = gainJitter };
    }
}
