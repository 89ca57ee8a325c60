using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Training;
using Wearable.TestSupport;

namespace Wearable.Modeling.Tests;

public class MyoReadingsExperimentTests
{
    private static MyoProtocolOptions Quick(int window) => new()
    {
        Spec = "conv:4:5,relu,maxpool:4",
        TrainHop = 40,
        TestHop = 40,
        StreamWindowLength = window,
        Training = new TrainingOptions { MaxEpochs = 1, Seed = 5 },
    };

    [Fact]
    public void The_stream_window_length_sets_what_the_network_and_its_training_windows_see()
    {
        var data = new MyoReadingsDataset(RepositoryPaths.SharedDataFile("emg", "myo-readings"));
        var fit = MyoReadingsExperiment.Fit(data, "45612", Quick(28))!;
        Assert.Equal(28, fit.Network.InputLength);
        Assert.Equal(28, fit.Train.Length);
        Assert.True(fit.Train.Count > 0);

        // A start network keeps its own window: fine-tuning cannot change the input it was built for.
        var start = ClassifierModels.Create("conv:4:5,relu,maxpool:4", MyoArmbandProtocol.WindowLength, MyoReadingsReader.Channels, MyoReadingsExperiment.Classes, 1f / 32);
        start.Initialize(5);
        var tuned = MyoReadingsExperiment.Fit(data, "45612", Quick(28), start)!;
        Assert.Equal(MyoArmbandProtocol.WindowLength, tuned.Train.Length);
    }
}
