using System.CommandLine;
using Wearable.Cli.Pictures;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable eval --data DIR --model FILE` on a folder of one's own recordings: scores an int8 model
/// (.wmdl, on the shared runner) or a float model (.json) on every labelled window of the folder and
/// writes a JSON report with the confusion matrix and per-class accuracy, and the same as a PNG beside it.
/// </summary>
internal static class OwnDataEvaluation
{
    private static readonly Option<string?> Report = new Option<string?>("--report") { Description = "Own data: where to write the JSON report (default: MODEL.eval.json); its confusion matrix picture goes beside it as .png." }.OutputFile();

    public static void AddTo(Command eval) => eval.Options.Add(Report);

    /// <summary>Runs when --data names a folder of one's own recordings; null for the MyoArmband and myo-readings sets.</summary>
    public static int? TryRun(ParseResult parse, GestureOptions shared, FileInfo? model, bool json)
    {
        if (parse.GetValue(shared.Data) is not { } folder)
        {
            return null;
        }

        IGestureDataset data = GestureOptions.OpenAny(folder);
        if (data is MyoArmbandDataset or MyoReadingsDataset)
        {
            return null;
        }

        if (model is null)
        {
            throw new CliException("eval on " + data.Root + " needs --model: a .wmdl from quantize or a .json from train.", "Example: wearable eval --data my-recordings --model gesture.wmdl");
        }

        var scored = model.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase) ? ScoreFloat(data, model) : ScoreInt8(data, model);
        int n = scored.Classes.Count;
        var perClass = Enumerable.Range(0, n).Select(t =>
        {
            int total = Enumerable.Range(0, n).Sum(p => scored.Counts[t, p]);
            return new { className = scored.Classes[t], windows = total, accuracy = total == 0 ? (double?)null : Math.Round(scored.Counts[t, t] / (double)total, 5) };
        }).ToArray();
        int all = perClass.Sum(c => c.windows);
        int correct = Enumerable.Range(0, n).Sum(k => scored.Counts[k, k]);
        string reportPath = parse.GetValue(Report) ?? model.FullName + ".eval.json";
        string picture = Path.ChangeExtension(reportPath, ".png");
        var report = new
        {
            model = model.FullName,
            dataset = data.Root,
            windows = all,
            accuracy = all == 0 ? (double?)null : Math.Round(correct / (double)all, 5),
            classes = scored.Classes,
            confusion = Enumerable.Range(0, n).Select(t => Enumerable.Range(0, n).Select(p => scored.Counts[t, p]).ToArray()).ToArray(),
            perClass,
            report = reportPath,
            plot = picture,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(reportPath))!);
        File.WriteAllText(reportPath, System.Text.Json.JsonSerializer.Serialize(report, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        ConfusionPicture.Save(picture, scored.Classes, scored.Counts, Path.GetFileName(model.Name) + " on " + Path.GetFileName(data.Root) + ": " + (100.0 * correct / Math.Max(1, all)).ToString("F1") + " %");
        if (json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            Console.Out.WriteLine(model.Name + " on " + all + " windows of " + data.Root + ": " + (100.0 * correct / Math.Max(1, all)).ToString("F2") + " %");
            foreach (var c in perClass)
            {
                Console.Out.WriteLine("  " + c.className + ": " + (c.accuracy is double a ? (a * 100).ToString("F1") + " %" : "no windows") + " of " + c.windows);
            }

            Console.Out.WriteLine("wrote " + reportPath + " and " + picture);
        }

        return 0;
    }

    private sealed record Scored(IReadOnlyList<string> Classes, int[,] Counts);

    private static Scored ScoreInt8(IGestureDataset data, FileInfo model)
    {
        FixedPointEvaluation evaluation;
        try
        {
            evaluation = new FixedPointEvaluation(File.ReadAllBytes(model.FullName));
        }
        catch (Wearable.Kernels.Model.ModelFormatException ex)
        {
            throw new CliException(model.FullName + ": " + ex.Message, "Pass a model file written by 'wearable quantize'.");
        }

        var input = evaluation.Runner.Model.Input;
        if (input.Channels != data.Channels || Math.Abs((input.SampleRateMilliHz / 1000.0) - data.SampleRate) > 0.001)
        {
            throw new CliException(
                model.Name + " takes " + input.Channels + " channels at " + (input.SampleRateMilliHz / 1000.0) + " Hz; " + data.Root + " has " + data.Channels + " at " + data.SampleRate + " Hz.",
                "Evaluate a model made from recordings of this layout.");
        }

        // Windows here are in the data's units; the device sees counts (units / UnitsPerCount) and its
        // front end scales counts to int8 steps: score the file with that same factor.
        var definition = evaluation.Runner.Model;
        string[] labels = definition.Labels;
        var set = DatasetTraining.Windows(data, input.WindowSamples, Math.Max(1, input.HopSamples));
        if (definition.FrontEnd is { CnnInputQuantTable: >= 0 } frontEnd)
        {
            var table = definition.QuantTables[frontEnd.CnnInputQuantTable];
            double countsToInt8 = new QuantizedMultiplier(table.Multipliers[0], table.Shifts[0]).ToReal();
            double unitsPerCount = data.Sessions[0].Load()[0].UnitsPerCount;
            var tensor = definition.Tensors[definition.GraphInput];
            evaluation.RawScale = BitConverter.Int32BitsToSingle(tensor.ScaleBits) * countsToInt8 / unitsPerCount;
        }

        return Count(set, data.ClassNames, labels, window => evaluation.Predict(set.Data, window * set.WindowSize));
    }

    private static Scored ScoreFloat(IGestureDataset data, FileInfo model)
    {
        IClassifierModel network = TrainCommand.LoadModel(model);
        FloatModelCard card = NetworkFile.ReadCard(model.FullName) ?? throw new CliException(model.Name + " was not trained on one's own data (it has no card).", "Evaluate MyoArmband models with --dataset/--protocol.");
        var set = DatasetTraining.Windows(data, network.InputLength, Math.Max(1, card.DecisionHop));
        network.SetTraining(null);
        return Count(set, data.ClassNames, card.ClassNames.ToArray(), window => network.Predict(set.Data, window * set.WindowSize));
    }

    /// <summary>Counts true (the data set's class) against decided (the model's label mapped by name).</summary>
    private static Scored Count(WindowSet set, IReadOnlyList<string> dataClasses, string[] modelLabels, Func<int, int> predict)
    {
        var classes = dataClasses.Union(modelLabels, StringComparer.Ordinal).ToList();
        var counts = new int[classes.Count, classes.Count];
        for (int w = 0; w < set.Count; w++)
        {
            int decided = predict(w);
            string decidedName = decided >= 0 && decided < modelLabels.Length ? modelLabels[decided] : "class " + decided;
            int column = classes.IndexOf(decidedName);
            if (column < 0)
            {
                classes.Add(decidedName);
                var grown = new int[classes.Count, classes.Count];
                for (int i = 0; i < classes.Count - 1; i++)
                {
                    for (int j = 0; j < classes.Count - 1; j++)
                    {
                        grown[i, j] = counts[i, j];
                    }
                }

                counts = grown;
                column = classes.Count - 1;
            }

            counts[classes.IndexOf(dataClasses[set.Label(w)]), column]++;
        }

        return new Scored(classes, counts);
    }
}
