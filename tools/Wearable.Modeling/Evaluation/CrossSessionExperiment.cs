using System.Diagnostics;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Evaluation;

/// <summary>One model trained on one session and tested on another session of the same person.</summary>
public sealed record SessionPairResult(string TrainSession, string TestSession, double Accuracy, int TestWindows, int TrainWindows);

public sealed record CrossSessionPersonResult(string Person, bool InPaperSubset, IReadOnlyList<SessionPairResult> Pairs, double TrainSeconds)
{
    /// <summary>Mean over this person's pairs.</summary>
    public double MeanAccuracy => Pairs.Count == 0 ? double.NaN : Pairs.Average(p => p.Accuracy);
}

/// <summary>The mean of one train -> test pair over the paper's 17 and over everyone evaluated.</summary>
public sealed record SessionPairMean(string TrainSession, string TestSession, double MeanPaper17, double MeanAll);

public sealed record CrossSessionResult(IReadOnlyList<CrossSessionPersonResult> People, IReadOnlyList<SessionPairMean> Pairs, double MeanPaper17, double MeanAll, double Seconds);

/// <summary>
/// The cross-session variant of the MyoArmband protocol: per person, a model is trained on one of
/// the three recording sessions (training0, Test0, Test1) and tested on each of the other two, so
/// no window of a test session is ever seen in training (early stopping holds out the training
/// session's own last repetitions). Reported per train -> test pair, per person and as means.
/// </summary>
public static class CrossSessionExperiment
{
    public static readonly string[] Sessions = [MyoArmbandDataset.Training, MyoArmbandDataset.Test0, MyoArmbandDataset.Test1];

    public static CrossSessionResult Run(
        MyoArmbandDataset data, IEnumerable<MyoParticipant> people, MyoProtocolOptions options,
        IClassifierModel? pretrained = null, IReadOnlyList<string>? trainSessions = null, Action<string>? log = null)
    {
        trainSessions ??= Sessions;
        foreach (string s in trainSessions)
        {
            if (!Sessions.Contains(s))
            {
                throw new ArgumentException("Unknown session '" + s + "'; use " + string.Join(", ", Sessions) + ".", nameof(trainSessions));
            }
        }

        var paper = data.PaperParticipants().Select(p => p.Name).ToHashSet();
        var clock = Stopwatch.StartNew();
        var results = new List<CrossSessionPersonResult>();
        foreach (var person in people)
        {
            var pairs = new List<SessionPairResult>();
            double seconds = 0;
            foreach (string trainSession in trainSessions)
            {
                var (model, train, _, fit) = SessionTraining.Fit(data, person, trainSession, options, pretrained);
                seconds += fit.Elapsed.TotalSeconds;
                foreach (string testSession in Sessions.Where(s => s != trainSession))
                {
                    var test = SessionTraining.Test(data, person, testSession, options);
                    double accuracy = Trainer.Evaluate(model, test).Accuracy;
                    pairs.Add(new SessionPairResult(trainSession, testSession, accuracy, test.Count, train.Count));
                    log?.Invoke(person.Name + ": " + trainSession + " -> " + testSession + " " + (accuracy * 100).ToString("F2") + " % on " + test.Count
                        + " windows (" + fit.Epochs + " epochs, " + fit.Elapsed.TotalSeconds.ToString("F1") + " s)");
                }
            }

            results.Add(new CrossSessionPersonResult(person.Name, paper.Contains(person.Name), pairs, seconds));
        }

        static double Mean(IEnumerable<double> values) => values.Any() ? values.Average() : double.NaN;
        var pairMeans = results.SelectMany(r => r.Pairs.Select(p => (p.TrainSession, p.TestSession))).Distinct()
            .Select(k => new SessionPairMean(
                k.TrainSession,
                k.TestSession,
                Mean(results.Where(r => r.InPaperSubset).SelectMany(r => r.Pairs).Where(p => p.TrainSession == k.TrainSession && p.TestSession == k.TestSession).Select(p => p.Accuracy)),
                Mean(results.SelectMany(r => r.Pairs).Where(p => p.TrainSession == k.TrainSession && p.TestSession == k.TestSession).Select(p => p.Accuracy))))
            .ToList();
        return new CrossSessionResult(
            results,
            pairMeans,
            Mean(results.Where(r => r.InPaperSubset).Select(r => r.MeanAccuracy)),
            Mean(results.Select(r => r.MeanAccuracy)),
            clock.Elapsed.TotalSeconds);
    }
}
