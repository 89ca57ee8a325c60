using System.CommandLine;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable eval`: the MyoArmband protocol (per person: train on training0, test on Test0 + Test1),
/// from scratch or fine-tuning a pre-trained model; accuracy per person and the means over the
/// paper's 17 people and all 18.
/// </summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var shared = new GestureOptions();
        var people = new Option<string>("--people") { Description = "paper (17), all (18) or names like Male0,Female1.", DefaultValueFactory = _ => "paper" };
        var from = new Option<FileInfo?>("--from") { Description = "Pre-trained float model to fine-tune per person (transfer learning)." };
        var json = CommonOptions.Json();
        var command = new Command("eval", "Evaluate the gesture CNN on the MyoArmband protocol, per person and mean.");
        shared.AddTo(command);
        command.Options.Add(people);
        command.Options.Add(from);
        command.Options.Add(json);
        command.SetAction(parse => Run(parse, shared, parse.GetValue(people)!, parse.GetValue(from), parse.GetValue(json)));
        return command;
    }

    internal static void PrintEpoch(EpochReport r) => Console.Out.WriteLine(
        "  epoch " + r.Epoch + ": loss " + r.TrainLoss.ToString("F4") + ", train " + (r.TrainAccuracy * 100).ToString("F1") +
        " %, validation " + (r.ValidationAccuracy * 100).ToString("F2") + " %" + (r.Best ? " *" : string.Empty) + " (" + r.Elapsed.TotalSeconds.ToString("F0") + " s)");

    private static int Run(ParseResult parse, GestureOptions shared, string selection, FileInfo? from, bool json)
    {
        var data = shared.Dataset(parse);
        var options = shared.Read(parse, null);
        var pretrained = from is null ? null : TrainCommand.LoadModel(from);
        if (pretrained is null)
        {
            TrainCommand.NewNetwork(options); // validates --spec before the long run
        }

        var result = MyoProtocolExperiment.Run(data, GestureOptions.People(data, selection), options, pretrained, json ? null : Console.Out.WriteLine);
        if (json)
        {
            JsonOutput.Write(new
            {
                protocol = "MyoArmband: per person train on training0, test on Test0+Test1, 52-sample windows, hop " + options.TestHop,
                arithmetic = "float32",
                spec = options.Spec,
                pretrained = from?.FullName,
                people = result.People.Select(p => new { person = p.Person, paperSubset = p.InPaperSubset, accuracy = Math.Round(p.Accuracy, 5), testWindows = p.TestWindows, epochs = p.Epochs, trainSeconds = Math.Round(p.TrainSeconds, 1) }),
                meanPaper17 = Round(result.MeanPaper17),
                meanAll = Round(result.MeanAll),
                seconds = Math.Round(result.TrainSeconds, 1),
            });
        }
        else
        {
            Console.Out.WriteLine("mean over the paper's people: " + Percent(result.MeanPaper17) + "; over all evaluated: " + Percent(result.MeanAll) + " (" + result.TrainSeconds.ToString("F0") + " s)");
        }

        return 0;
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 5);

    private static string Percent(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("F2") + " %";
}
