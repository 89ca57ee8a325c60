using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;
using Wearable.TestSupport;

namespace Wearable.Modeling.Tests;

public class ProtocolVariantTests
{
    private static MyoArmbandDataset Data() => new(RepositoryPaths.SharedDataFile("emg", "myo-armband"));

    /// <summary>Quick settings: a tiny CNN, one epoch, two cycles to train on (one held out), one cycle per test session.</summary>
    private static MyoProtocolOptions Quick() => new()
    {
        Spec = "conv:4:5,relu,maxpool:4",
        TrainHop = 25,
        TestHop = 10,
        TrainRepetitionLimit = 14,
        TestRepetitionLimit = 7,
        Training = new TrainingOptions { MaxEpochs = 1, Seed = 3 },
    };

    private static IEnumerable<string> SessionsOf(WindowSet set) => Enumerable.Range(0, set.Count).Select(set.Session).Distinct();

    [Fact]
    public void Cross_session_splits_hold_only_their_own_session()
    {
        var data = Data();
        var person = data.EvaluationParticipants().First(p => p.Name == "Male3");
        var options = Quick();
        foreach (string session in CrossSessionExperiment.Sessions)
        {
            var (train, validation) = SessionTraining.Split(data, person, session, options);
            var test = SessionTraining.Test(data, person, session, options);
            Assert.Equal(new[] { session }, SessionsOf(train));
            Assert.Equal(new[] { session }, SessionsOf(validation!));
            Assert.Equal(new[] { session }, SessionsOf(test));
            Assert.True(train.Count > 0 && validation!.Count > 0 && test.Count > 0);
        }
    }

    [Fact]
    public void Cross_session_trains_on_one_session_and_tests_on_each_other_one()
    {
        var data = Data();
        var people = data.EvaluationParticipants().Where(p => p.Name is "Female0" or "Male15").ToList();
        var result = CrossSessionExperiment.Run(data, people, Quick());

        Assert.Equal(new[] { "Female0", "Male15" }, result.People.Select(p => p.Person));
        Assert.Equal(new[] { true, false }, result.People.Select(p => p.InPaperSubset));
        foreach (var person in result.People)
        {
            Assert.Equal(6, person.Pairs.Count);
            Assert.All(person.Pairs, p => Assert.NotEqual(p.TrainSession, p.TestSession));
            Assert.Equal(6, person.Pairs.Select(p => (p.TrainSession, p.TestSession)).Distinct().Count());
            Assert.All(person.Pairs, p => Assert.InRange(p.Accuracy, 0.0, 1.0));
            var who = data.EvaluationParticipants().First(p => p.Name == person.Person);
            Assert.All(person.Pairs, p => Assert.Equal(SessionTraining.Test(data, who, p.TestSession, Quick()).Count, p.TestWindows));
        }

        Assert.Equal(6, result.Pairs.Count);
        var pair = result.Pairs.First(p => p.TrainSession == MyoArmbandDataset.Test0 && p.TestSession == MyoArmbandDataset.Test1);
        Assert.Equal(result.People[0].Pairs.First(p => p.TrainSession == MyoArmbandDataset.Test0 && p.TestSession == MyoArmbandDataset.Test1).Accuracy, pair.MeanPaper17);
        Assert.Equal(result.People.Average(p => p.MeanAccuracy), result.MeanAll, 12);
    }

    [Fact]
    public void Cross_person_scores_the_given_models_without_touching_them()
    {
        var data = Data();
        var people = data.EvaluationParticipants().Where(p => p.Name is "Female0" or "Male1").ToList();
        var network = NetworkFile.Load(RepositoryPaths.InRepo("models", "gesture-cnn-myo-pretrained.float.json"));
        var before = network.Snapshot();
        byte[] file = File.ReadAllBytes(RepositoryPaths.InRepo("models", "gesture-default.wmdl"));
        var options = Quick();

        var result = CrossPersonExperiment.Run(data, people, options, network, file);

        Assert.Equal(before, network.Snapshot());
        for (int i = 0; i < people.Count; i++)
        {
            var test = MyoProtocolExperiment.TestSet(data, people[i], options);
            Assert.Equal(new[] { MyoArmbandDataset.Test0, MyoArmbandDataset.Test1 }, SessionsOf(test).Order());
            Assert.Equal(Trainer.Evaluate(network, test).Accuracy, result.People[i].FloatAccuracy);
            Assert.Equal(new FixedPointEvaluation(file).Accuracy(test), result.People[i].FixedAccuracy);
        }

        Assert.Equal(result.People.Average(p => p.FixedAccuracy), result.FixedMeanAll, 12);
        Assert.True(result.People[0].FloatAccuracy > 0.9, "Female0 cross-person " + result.People[0].FloatAccuracy);
    }
}
