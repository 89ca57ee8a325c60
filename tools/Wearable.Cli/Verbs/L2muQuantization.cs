using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable quantize --model l2mu.json`: exports a float L2MU (spec l2mu:...) to its integer model file
/// (delta-encoder front end + kind-4 L2MU cell, int16 weights) and optionally scores float vs fixed per
/// person on Test0 + Test1, the fixed run through the shared ModelPipeline with a reset per window.
/// </summary>
internal static class L2muQuantization
{
    public static int Run(L2muNetwork network, FileInfo output, string name, string? evaluate, MyoArmbandDataset dataset, bool json)
    {
        name = name == "gesture-cnn-int8" ? "gesture-l2mu" : name; // the quantize verb's default names the CNN
        byte[] file = L2muExporter.Export(network, (int)(MyoArmbandDatReader.SampleRate * 1000), name, MyoArmbandDatReader.GestureNames);
        string? dir = Path.GetDirectoryName(output.FullName);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllBytes(output.FullName, file);
        var evaluator = new SpikingModelEvaluation(file);
        var people = new List<object>();
        double floatSum = 0, fixedSum = 0;
        if (evaluate is not null)
        {
            foreach (var person in GestureOptions.People(dataset, evaluate))
            {
                var test = MyoArmbandProtocol.TestWindows(dataset, person);
                var (_, floatAccuracy) = Trainer.Evaluate(network, test);
                double fixedAccuracy = evaluator.Accuracy(test);
                floatSum += floatAccuracy;
                fixedSum += fixedAccuracy;
                people.Add(new { person = person.Name, floatAccuracy = Math.Round(floatAccuracy, 5), fixedAccuracy = Math.Round(fixedAccuracy, 5), testWindows = test.Count });
                if (!json)
                {
                    Console.Out.WriteLine(person.Name + ": float " + (floatAccuracy * 100).ToString("F2") + " %, fixed " + (fixedAccuracy * 100).ToString("F2") + " %");
                }
            }
        }

        var summary = new
        {
            file = output.FullName,
            fileBytes = file.Length,
            weightBytes = evaluator.WeightBytes,
            stateBytes = L2muStateBytes(network),
            spec = network.Spec,
            people,
            meanFloat = people.Count == 0 ? (double?)null : Math.Round(floatSum / people.Count, 5),
            meanFixed = people.Count == 0 ? (double?)null : Math.Round(fixedSum / people.Count, 5),
        };
        if (json)
        {
            JsonOutput.Write(summary);
        }
        else
        {
            Console.Out.WriteLine("wrote " + summary.file + ": " + summary.fileBytes + " bytes, weights " + summary.weightBytes + " B, neuron state " + summary.stateBytes + " B (L2MU " + network.Spec + ")");
            if (people.Count > 0)
            {
                Console.Out.WriteLine("mean: float " + (floatSum / people.Count * 100).ToString("F2") + " %, fixed " + (fixedSum / people.Count * 100).ToString("F2") + " %");
            }
        }

        return 0;
    }

    /// <summary>
    /// RAM of the cell's populations as the kernels hold them: per neuron an int64 accumulator, an int32
    /// membrane, a spike byte and an int32 active index; plus the output counts and the delta encoder.
    /// </summary>
    internal static long L2muStateBytes(L2muNetwork network)
    {
        var s = network.Shape;
        long neurons = s.MemorySize + ((long)s.MemorySize * s.Order) + s.Hidden + network.Classes;
        long encoder = (network.InputChannels * 4L) + (2L * network.InputChannels) + (network.InputChannels * 4L);
        return (neurons * (8 + 4 + 1 + 4)) + (network.Classes * 4L) + encoder;
    }
}
