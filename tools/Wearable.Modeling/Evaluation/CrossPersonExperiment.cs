using System.Diagnostics;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

public sealed record CrossPersonPersonResult(string Person, bool InPaperSubset, double FloatAccuracy, double FixedAccuracy, int TestWindows);

public sealed record CrossPersonResult(
    IReadOnlyList<CrossPersonPersonResult> People, double FloatMeanPaper17, double FloatMeanAll, double FixedMeanPaper17, double FixedMeanAll, double Seconds);

/// <summary>
/// The cross-person variant of the MyoArmband protocol: no per-person data at all. One model,
/// trained on the PreTrainingDataset (22 people, none of them in the evaluation set), is tested on
/// every evaluation person's Test0 + Test1: in float, and / or as an int8 model file on the shared
/// ModelRunner. Leave-one-person-out within the evaluation set is not run: it would be 18 trainings
/// on ~17 x 3 sessions each, about 50 times the cost of the within-person protocol.
/// </summary>
public static class CrossPersonExperiment
{
    /// <param name="floatModel">Scored in float32 (null: no float column).</param>
    /// <param name="fixedModel">An int8 model file scored on the shared ModelRunner (null: no int8 column).</param>
    public static CrossPersonResult Run(
        MyoArmbandDataset data, IEnumerable<MyoParticipant> people, MyoProtocolOptions options,
        IClassifierModel? floatModel, byte[]? fixedModel, Action<string>? log = null)
    {
        if (floatModel is null && fixedModel is null)
        {
            throw new ArgumentException("Give a float model, an int8 model file, or both.");
        }

        var clock = Stopwatch.StartNew();
        floatModel?.SetTraining(null);
        var evaluator = fixedModel is null ? null : new FixedPointEvaluation(fixedModel);
        var paper = data.PaperParticipants().Select(p => p.Name).ToHashSet();
        var results = new List<CrossPersonPersonResult>();
        foreach (var person in people)
        {
            var test = MyoProtocolExperiment.TestSet(data, person, options);
            double floatAccuracy = floatModel is null ? double.NaN : Trainer.Evaluate(floatModel, test).Accuracy;
            double fixedAccuracy = evaluator is null ? double.NaN : evaluator.Accuracy(test);
            results.Add(new CrossPersonPersonResult(person.Name, paper.Contains(person.Name), floatAccuracy, fixedAccuracy, test.Count));
            log?.Invoke(person.Name + ":" + (floatModel is null ? "" : " float " + (floatAccuracy * 100).ToString("F2") + " %")
                + (evaluator is null ? "" : " int8 " + (fixedAccuracy * 100).ToString("F2") + " %") + " on " + test.Count + " test windows");
        }

        static double Mean(IEnumerable<double> values) => values.Any() ? values.Average() : double.NaN;
        var inPaper = results.Where(r => r.InPaperSubset).ToList();
        return new CrossPersonResult(
            results,
            Mean(inPaper.Select(r => r.FloatAccuracy)),
            Mean(results.Select(r => r.FloatAccuracy)),
            Mean(inPaper.Select(r => r.FixedAccuracy)),
            Mean(results.Select(r => r.FixedAccuracy)),
            clock.Elapsed.TotalSeconds);
    }
}
