using System.CommandLine;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>The --spec rule: the layers must build for the Myo windows, checked before any data is read.</summary>
internal static class NetworkSpecRule
{
    public static Option<string> NetworkSpec(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            string? spec = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
            if (spec is null || spec.Length > OptionRules.MaxTextLength)
            {
                return;
            }

            try
            {
                ClassifierModels.Create(spec, MyoArmbandProtocol.WindowLength, MyoArmbandDatReader.Channels, MyoArmbandDatReader.GestureCount, new MyoProtocolOptions().InputScale);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                result.AddError($"{option.Name} '{spec}' is not a network: {ex.Message} (default: {Network.DefaultSpec})");
            }
        });
        return option;
    }
}
