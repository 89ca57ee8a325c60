using System.CommandLine;
using Wearable.Modeling.Quantization;

namespace Wearable.Cli.Verbs;

/// <summary>The quantization-aware fine-tuning options shared by `eval --fixed` and `quantize`.</summary>
internal sealed class QatCliOptions
{
    public Option<int> Epochs { get; } = new Option<int>("--qat-epochs") { Description = "Quantization-aware fine-tuning epochs after float training (0 = post-training quantization only).", DefaultValueFactory = _ => 0 }.InRange(0, 10_000);

    public Option<double> LearningRate { get; } = new Option<double>("--qat-lr") { Description = "Learning rate of the quantization-aware fine-tuning (low: the float model is already trained).", DefaultValueFactory = _ => 2e-4 }.InRange(0, 0.999, exclusiveMin: true);

    public Option<double> RangeMomentum { get; } = new Option<double>("--qat-range-momentum") { Description = "Activation ranges follow each batch's min/max with this moving-average weight on the old range (1 = keep the calibrated ranges).", DefaultValueFactory = _ => 0.99 }.InRange(0, 1);

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
        return epochs == 0 ? null : new QatOptions { Epochs = epochs, LearningRate = lr, RangeMomentum = momentum, Seed = seed, GainJitter = gainJitter };
    }
}
