using Wearable.Kernels.Eeg;
using Wearable.Kernels.Model;
using Wearable.Modeling.Eeg;
using Wearable.TestSupport;

namespace Wearable.Modeling.Tests;

public class EegModelAndEvaluationTests
{
    private static string MuseFile(string subject, string session, string name) =>
        RepositoryPaths.SharedDataFile("eeg", "muse-ssvep", subject, session, name);

    [Fact]
    public void Ssvep_model_file_round_trips_and_runs_like_the_design_on_real_eeg()
    {
        EegRecording muse = EegRecording.Load(MuseFile("subject4", "session1", "data_2018-04-22-15.00.15.csv"), ["TP9", "TP10"]);
        EegDetectorConfig config = EegDetectorDesign.Ssvep(muse.SampleRate, muse.ChannelIndices, [30, 20], 1, 32, thresholdCorrelation: 0.3);
        byte[] file = EegModelFile.Build(config, muse.SampleRate, muse.Channels, ["none", "30 Hz", "20 Hz"], "ssvep-test", "test");
        ModelDefinition model = ModelReader.Read(file);
        Assert.NotNull(model.EegDetector);
        Assert.Equal(EegDetectorConfig.KindSsvep, model.EegDetector!.Kind);
        Assert.Equal(config.SsvepDetector!.SineTable, model.EegDetector.SsvepDetector!.SineTable);

        var direct = new EegDetectorPipeline(config);
        var pipeline = new ModelPipeline(model);
        int decisions = 0;
        for (int t = 0; t < 20 * 256; t++)
        {
            bool expected = direct.Push(muse.Lsb, t * muse.Channels);
            Assert.Equal(expected, pipeline.Push(muse.Lsb, t * muse.Channels));
            if (expected)
            {
                decisions++;
                Assert.Equal(direct.Decision, pipeline.Decision);
                Assert.Equal(direct.ConfidenceQ15, pipeline.Eeg!.ConfidenceQ15);
            }
        }

        Assert.True(decisions > 100);
    }

    [Fact]
    public void Alpha_model_file_round_trips()
    {
        EegDetectorConfig config = EegDetectorDesign.Alpha(160, [44, 45], 2, 40, thresholdShare: 0.25);
        ModelDefinition model = ModelReader.Read(EegModelFile.Build(config, 160, 64, ["eyes-open", "eyes-closed"], "alpha-test", ""));
        Assert.Equal(EegDetectorConfig.KindAlpha, model.EegDetector!.Kind);
        Assert.Equal([44, 45], model.EegDetector.ChannelIndices);
        Assert.Equal(config.AlphaDetector!.AlphaBand.Coefficients, model.EegDetector.AlphaDetector!.AlphaBand.Coefficients);
        Assert.Equal(EegDetectorDesign.ToQ15(0.25), model.EegDetector.ThresholdQ15);
        Assert.True(ModelPipeline.CanRun(model));
    }

    [Fact]
    public void A_channel_the_input_does_not_have_is_refused_with_the_field_named()
    {
        EegDetectorConfig config = EegDetectorDesign.Alpha(160, [3], 1, 40);
        var e = Assert.Throws<ModelFormatException>(() => ModelReader.Read(EegModelFile.Build(config, 160, 2, ["eyes-open", "eyes-closed"], "bad", "")));
        Assert.Contains("eeg.channels[0]", e.Message);
    }

    [Theory]
    [InlineData(2, 1.0, 1.0, 60.0)]
    [InlineData(2, 0.5, 1.0, 0.0)]
    [InlineData(4, 0.9, 2.0, 41.2)]
    public void Itr_follows_wolpaw(int classes, double accuracy, double seconds, double expected)
    {
        Assert.Equal(expected, InformationTransferRate.BitsPerMinute(classes, accuracy, seconds), 1);
    }

    [Fact]
    public void Standard_cca_of_a_pure_reference_is_one()
    {
        double[][] y = CanonicalCorrelationDouble.References(20, 256, 2, 256);
        double[][] x = [y[0], [.. y[1].Select((v, i) => v + (0.5 * y[2][i]))]];
        Assert.Equal(1.0, CanonicalCorrelationDouble.Standard(x, y), 6);
        Assert.Equal(1.0, CanonicalCorrelationDouble.OrthogonalReferences(x, y), 6);
    }

    [Fact]
    public void Fixed_point_ssvep_is_within_one_point_of_double_cca_on_real_files()
    {
        EegRecording[] files =
        [
            EegRecording.Load(MuseFile("subject4", "session1", "data_2018-04-22-15.00.15.csv"), ["TP9", "TP10"]),
            EegRecording.Load(MuseFile("subject4", "session1", "data_2018-04-22-15.19.59.csv"), ["TP9", "TP10"]),
        ];
        SsvepEvaluationResult result = SsvepEvaluation.Run(files, new SsvepEvaluationOptions { WindowsSeconds = [1], Hop = 32 });
        SsvepWindowResult w = Assert.Single(result.Windows);
        Assert.True(w.Trials > 25);
        Assert.InRange(w.FixedAccuracy - w.FloatAccuracy, -0.01, 0.01);
        Assert.True(w.MaxRhoDifference < 0.05, "integer CCA vs double standard CCA: " + w.MaxRhoDifference);
    }

    [Fact]
    public void Alpha_detection_separates_eyes_closed_and_matches_its_double_reference()
    {
        var results = AlphaEvaluation.Run(
            RepositoryPaths.SharedDataFile("eeg", "eegmmidb-S001", "S001R01.edf"),
            RepositoryPaths.SharedDataFile("eeg", "eegmmidb-S001", "S001R02.edf"),
            new AlphaEvaluationOptions { WindowsSeconds = [4] });
        AlphaWindowResult w = Assert.Single(results);
        Assert.True(w.FixedAccuracy > 0.75, "balanced accuracy " + w.FixedAccuracy);
        Assert.InRange(w.FixedAccuracy - w.FloatAccuracy, -0.01, 0.01);
    }
}
