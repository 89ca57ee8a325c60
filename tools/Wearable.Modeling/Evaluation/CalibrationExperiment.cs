using System.Diagnostics;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>The band as worn for a condition: where it sits and whether calibration looks for the rotation.</summary>
public sealed record CalibrationCondition(string Name, int Rotation, bool Align);

/// <summary>One person, one repetition count, one condition: float and int8 accuracy on Test0 + Test1 and the shift the alignment chose.</summary>
public sealed record CalibrationScore(string Person, bool InPaperSubset, int Repetitions, string Condition, double FloatAccuracy, double FixedAccuracy, int Shift, int CalibrationWindows, int TestWindows);

/// <summary>Means over the paper's 17 and all evaluated people of one repetition count and condition.</summary>
public sealed record CalibrationMean(int Repetitions, string Condition, double FloatMeanPaper17, double FloatMeanAll, double FixedMeanPaper17, double FixedMeanAll);

public sealed record CalibrationResult(IReadOnlyList<CalibrationScore> Scores, IReadOnlyList<CalibrationMean> Means, double Seconds);

/// <summary>
/// The calibration curve on the MyoArmband evaluation set: per person, the first N cycles of training0
/// (N repetitions per gesture, as a user records a cued calibration) adapt the pre-trained model
/// (<see cref="CalibrationAdaptation"/>), which is quantized to int8 and tested on Test0 + Test1. N = 0
/// is the pre-trained model as is (int8: quantized on pre-training windows). With a rotation, the band
/// is simulated rotated by that many electrodes for the calibration and the test alike (a band put on
/// again differently), scored without and with the alignment estimated from the calibration windows.
/// </summary>
public static class CalibrationExperiment
{
    public static IReadOnlyList<CalibrationCondition> Conditions(int rotation) => rotation == 0
        ? [new("as worn", 0, false), new("as worn, aligned", 0, true)]
        : [new("as worn", 0, false), new("as worn, aligned", 0, true), new("rotated", rotation, false), new("rotated, aligned", rotation, true)];

    public static CalibrationResult Run(
        MyoArmbandDataset data, IReadOnlyList<MyoParticipant> people, IClassifierModel pretrained, byte[] pretrainedInt8,
        IReadOnlyList<int> repetitions, int rotation, CalibrationOptions options, int parallelism = 1, int testRepetitionLimit = 0, Action<string>? log = null)
    {
        var clock = Stopwatch.StartNew();
        var paper = data.PaperParticipants().Select(p => p.Name).ToHashSet();
        var conditions = Conditions(rotation);
        var perPerson = new List<CalibrationScore>[people.Count];
        Parallel.For(0, people.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, i =>
        {
            perPerson[i] = Person(data, people[i], paper.Contains(people[i].Name), pretrained, pretrainedInt8, repetitions, conditions, options, testRepetitionLimit, log);
        });

        var scores = perPerson.SelectMany(s => s).ToList();
        static double Mean(IEnumerable<double> values) => values.Any() ? values.Average() : double.NaN;
        var means = scores
            .GroupBy(s => (s.Repetitions, s.Condition))
            .Select(g => new CalibrationMean(
                g.Key.Repetitions, g.Key.Condition,
                Mean(g.Where(s => s.InPaperSubset).Select(s => s.FloatAccuracy)), Mean(g.Select(s => s.FloatAccuracy)),
                Mean(g.Where(s => s.InPaperSubset).Select(s => s.FixedAccuracy)), Mean(g.Select(s => s.FixedAccuracy))))
            .ToList();
        return new CalibrationResult(scores, means, clock.Elapsed.TotalSeconds);
    }

    private static List<CalibrationScore> Person(
        MyoArmbandDataset data, MyoParticipant person, bool inPaper, IClassifierModel pretrained, byte[] pretrainedInt8,
        IReadOnlyList<int> repetitions, IReadOnlyList<CalibrationCondition> conditions, CalibrationOptions options, int testRepetitionLimit, Action<string>? log)
    {
        var scores = new List<CalibrationScore>();
        var training = data.LoadSession(person, MyoArmbandDataset.Training);
        var test = MyoProtocolExperiment.TestSet(data, person, new MyoProtocolOptions { TestRepetitionLimit = testRepetitionLimit });
        var quantization = MyoArmbandProtocol.QuantizationOptions("gesture-cnn-calibrated-" + person.Name);
        var model = ClassifierModels.Copy(pretrained); // Forward keeps per-model buffers: one copy per thread
        var pretrainedFixed = new FixedPointEvaluation(pretrainedInt8);
        foreach (int rotation in conditions.Select(c => c.Rotation).Distinct())
        {
            var rotatedTest = BandRotation.Rotate(test, rotation);
            string name = conditions.First(c => c.Rotation == rotation && !c.Align).Name;
            scores.Add(new CalibrationScore(person.Name, inPaper, 0, name, Trainer.Evaluate(model, rotatedTest).Accuracy, pretrainedFixed.Accuracy(rotatedTest), 0, 0, test.Count));
        }

        foreach (int n in repetitions)
        {
            var calibration = MyoArmbandProtocol.Windows(CalibrationRepetitions.FirstCycles(training, n), MyoArmbandProtocol.WindowLength, MyoArmbandProtocol.Hop);

            // Calibration and test rotated by r and then aligned by s see exactly the windows of the band
            // as worn aligned by r + s, so the scores of one net shift are computed once and reused.
            var byNetShift = new Dictionary<int, (double Float, double Fixed)>();
            foreach (var condition in conditions)
            {
                var worn = BandRotation.Rotate(calibration, condition.Rotation);
                int shift = condition.Align ? CalibrationAdaptation.EstimateShift(model, worn, options) : 0;
                int net = (condition.Rotation + shift) % calibration.Channels;
                if (!byNetShift.TryGetValue(net, out var accuracy))
                {
                    var calibrated = CalibrationAdaptation.Adapt(model, worn, new CalibrationOptions { Method = options.Method, Training = options.Training, QuantizationWindows = options.QuantizationWindows, ReferenceRms = options.ReferenceRms }, quantization, shift);
                    var rotatedTest = BandRotation.Rotate(test, condition.Rotation);
                    accuracy = (calibrated.FloatAccuracy(rotatedTest), calibrated.Int8Accuracy(rotatedTest));
                    byNetShift[net] = accuracy;
                }

                scores.Add(new CalibrationScore(person.Name, inPaper, n, condition.Name, accuracy.Float, accuracy.Fixed, shift, calibration.Count, test.Count));
                log?.Invoke(person.Name + ", " + n + " rep(s), " + condition.Name + ": float " + (accuracy.Float * 100).ToString("F2") + " %, int8 " + (accuracy.Fixed * 100).ToString("F2") + " %" + (condition.Align ? " (shift " + shift + ")" : ""));
            }
        }

        return scores;
    }
}
