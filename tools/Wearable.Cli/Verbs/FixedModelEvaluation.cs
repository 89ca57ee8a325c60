using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable eval --model file.wmdl`: one model file scored per person on Test0 + Test1 with the shared runtime (ModelRunner for CNNs, ModelPipeline for spiking/L2MU files).</summary>
internal static class FixedModelEvaluation
{
    public static int Run(MyoArmbandDataset data, FileInfo file, string selection, bool json)
    {
        if (!file.Exists)
        {
            throw new CliException("No model file at " + file.FullName + ".", "Make one with `wearable quantize --model float.json --out model.wmdl`.");
        }

        Func<WindowSet, double> score;
        string arithmetic = "int8 on the shared ModelRunner";
        string label = "int8";
        try
        {
            byte[] bytes = File.ReadAllBytes(file.FullName);
            var model = Wearable.Kernels.Model.ModelReader.Read(bytes);
            score = model.HasCnn ? new FixedPointEvaluation(bytes).Accuracy : new SpikingModelEvaluation(bytes).Accuracy; // spiking files (L2MU) run on ModelPipeline
            if (!model.HasCnn)
            {
                arithmetic = "fixed point (spiking layers) on the shared ModelPipeline, reset per window";
                label = "fixed point";
            }
        }
        catch (Exception ex) when (ex is Wearable.Kernels.Model.ModelFormatException or InvalidOperationException)
        {
            throw new CliException(file.Name + " is not a runnable model file: " + ex.Message, "Check it with `wearable model inspect " + file.Name + "`.");
        }

        var paper = data.PaperParticipants().Select(p => p.Name).ToHashSet();
        var people = new List<(string Person, bool Paper, double Accuracy, int Windows)>();
        foreach (var person in GestureOptions.People(data, selection))
        {
            var test = MyoArmbandProtocol.TestWindows(data, person);
            double accuracy = score(test);
            people.Add((person.Name, paper.Contains(person.Name), accuracy, test.Count));
            if (!json)
            {
                Console.Out.WriteLine(person.Name + ": " + (accuracy * 100).ToString("F2") + " % (" + label + ") on " + test.Count + " test windows");
            }
        }

        double? Mean(IEnumerable<double> v) => v.Any() ? Math.Round(v.Average(), 5) : null;
        double? paperMean = Mean(people.Where(p => p.Paper).Select(p => p.Accuracy));
        double? allMean = Mean(people.Select(p => p.Accuracy));
        if (json)
        {
            JsonOutput.Write(new
            {
                protocol = "MyoArmband Test0+Test1 per person, 52-sample windows, hop " + MyoArmbandProtocol.Hop + "; the model file as is (no per-person training)",
                arithmetic,
                model = file.FullName,
                people = people.Select(p => new { person = p.Person, paperSubset = p.Paper, fixedAccuracy = Math.Round(p.Accuracy, 5), testWindows = p.Windows }),
                fixedMeanPaper17 = paperMean,
                fixedMeanAll = allMean,
            });
        }
        else
        {
            Console.Out.WriteLine(label + " mean over the paper's people: " + (paperMean * 100)?.ToString("F2") + " %; over all evaluated: " + (allMean * 100)?.ToString("F2") + " %");
        }

        return 0;
    }
}
