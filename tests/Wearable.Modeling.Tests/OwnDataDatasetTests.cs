using Wearable.EdgeHost.Recording;
using Wearable.Modeling.Datasets;
using Wearable.Modeling.Evaluation;
using Wearable.Modeling.Quantization;
using Wearable.Modeling.Training;

namespace Wearable.Modeling.Tests;

/// <summary>
/// One's own data (issue 20 item 2): annotated EDF+ and labelled CSV folders of any channel count, rate
/// and class set become windows and labels from the annotations, with sessions from the folder layout,
/// per-class counts and warnings, and a model sized for the board that quantizes for raw device counts.
/// </summary>
public sealed class OwnDataDatasetTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("wearable-own-data-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A 3-channel, 100 Hz EDF+ file: class "up" drives channel 0, "down" channel 2, with cue annotations.</summary>
    private string WriteEdf(string relative, int seed, double gain = 0.5, int channels = 3, int rate = 100)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new EdfWriterOptions
        {
            Variant = EdfVariant.Edf,
            Annotations = true,
            Signals = Enumerable.Range(0, channels).Select(c => EdfSignal.Data("EXG" + (c + 1), rate, -32768 * gain, 32767 * gain, -32768, 32767)).ToArray(),
            RecordDuration = 1.0,
            StartTime = new DateTime(2026, 12, 5, 12, 0, 0),
        };
        var random = new Random(seed);
        string[] cues = ["up", "down", "up", "down", "up", "down"];
        using (var writer = EdfWriter.Create(path, options))
        {
            for (int i = 0; i < cues.Length; i++)
            {
                writer.AddAnnotation(1 + (2 * i), 2, cues[i]);
            }

            writer.AddAnnotation(0.5, null, "key a");          // a marker: labels nothing
            writer.AddAnnotation(4.0, 0.5, "BAD_ACQ_SKIP lost"); // a lost span: its frames are unusable
            for (int record = 0; record < 14; record++)
            {
                var data = new short[channels][];
                for (int c = 0; c < channels; c++)
                {
                    data[c] = new short[rate];
                    for (int n = 0; n < rate; n++)
                    {
                        double t = record + (n / (double)rate);
                        int cue = (int)((t - 1) / 2);
                        bool active = t >= 1 && cue < cues.Length && ((cues[cue] == "up" && c == 0) || (cues[cue] == "down" && c == channels - 1));
                        data[c][n] = (short)((random.NextDouble() - 0.5) * (active ? 4000 : 200));
                    }
                }

                writer.WriteRecord(data);
            }
        }

        return path;
    }

    [Fact]
    public void Windows_and_labels_come_from_cue_annotations_and_sessions_from_the_folder_layout()
    {
        WriteEdf(Path.Combine("alice", "monday.edf"), 1);
        WriteEdf(Path.Combine("alice", "tuesday.edf"), 2);
        WriteEdf(Path.Combine("bob", "day1", "part1.bdf.edf"), 3);

        IGestureDataset data = GestureDatasets.Open(_root);
        var own = Assert.IsType<AnnotatedRecordingDataset>(data);
        Assert.Equal(["down", "up"], data.ClassNames);
        Assert.Equal(3, data.Channels);
        Assert.Equal(100, data.SampleRate);
        Assert.Equal(["alice/monday", "alice/tuesday", "bob/day1"], data.Sessions.Select(s => s.ToString()));
        Assert.Equal(["EXG1", "EXG2", "EXG3"], own.ChannelNames);

        LabelledRecording monday = data.Sessions[0].Load().Single();
        Assert.Equal(0.5, monday.UnitsPerCount, 3);
        Assert.Equal(LabelledRecording.NoLabel, monday.LabelAt(50));  // before the first cue ("key a" labels nothing)
        Assert.Equal(LabelledRecording.NoLabel, monday.LabelAt(110)); // the cue's reaction time
        Assert.Equal(1, monday.LabelAt(150));                          // "up"
        Assert.Equal(0, monday.LabelAt(350));                          // "down"
        Assert.Equal(LabelledRecording.NoLabel, monday.LabelAt(420));  // inside the BAD span
    }

    [Fact]
    public void Training_counts_windows_per_class_warns_about_thin_data_and_quantizes_for_raw_counts()
    {
        WriteEdf(Path.Combine("alice", "monday.edf"), 1);
        WriteEdf(Path.Combine("alice", "tuesday.edf"), 2);
        IGestureDataset data = GestureDatasets.Open(_root);

        var result = DatasetTraining.Train(data, new DatasetTrainingOptions { BudgetBytes = 4096, Training = new TrainingOptions { MaxEpochs = 15, Seed = 5 } });
        Assert.Equal(25, result.Size.WindowLength); // a quarter second at 100 Hz
        Assert.True(result.Size.EstimatedDeviceBytes <= 4096);
        Assert.Equal("alice/tuesday", result.ValidationSession);
        Assert.All(result.Summary.Classes, c => Assert.True(c.Windows > 20, c.ClassName + ": " + c.Windows));
        Assert.Contains(result.Summary.Warnings, w => w.Contains("class 'up' has only", StringComparison.Ordinal));
        Assert.True(result.Fit.BestValidationAccuracy > 0.9, "validation " + result.Fit.BestValidationAccuracy);

        // The int8 file takes the device's raw counts: counts x gain are the µV the float model learned on.
        WindowSet windows = DatasetTraining.Windows(data, result.Size.WindowLength, 5);
        var options = new QuantizationOptions { SampleRateMilliHz = 100_000, Labels = result.Card.ClassNames.ToArray(), InputUnitsPerCount = result.Card.UnitsPerCount };
        QuantizedModel quantized = PostTrainingQuantizer.Quantize(result.Network, windows, options);
        var host = new FixedPointEvaluation(quantized.File) { RawScale = result.Network.InputScale };
        Assert.True(host.Accuracy(windows) > 0.9);

        var model = Wearable.Kernels.Model.ModelReader.Read(quantized.File);
        Assert.Equal(["down", "up"], model.Labels);
        var pipeline = new Wearable.Kernels.Model.ModelPipeline(model);
        LabelledRecording monday = data.Sessions[0].Load().Single();
        int agree = 0, decided = 0;
        var frame = new short[3];
        for (int n = 0; n < monday.Frames; n++)
        {
            for (int c = 0; c < 3; c++)
            {
                frame[c] = (short)Math.Round(monday.Sample(n, c) / monday.UnitsPerCount);
            }

            if (pipeline.Push(frame, 0) && n >= 24 && Enumerable.Range(n - 24, 25).All(f => monday.LabelAt(f) == monday.LabelAt(n)) && monday.LabelAt(n) >= 0)
            {
                decided++;
                agree += pipeline.Decision == monday.LabelAt(n) ? 1 : 0;
            }
        }

        Assert.True(decided > 20 && agree > 0.9 * decided, agree + " of " + decided + " device-pipeline decisions agree with the cues");
    }

    [Fact]
    public void A_labelled_csv_gives_its_rate_from_the_time_column_and_its_classes_from_the_label_column()
    {
        string path = Path.Combine(_root, "s1.csv");
        var lines = new List<string> { "time,emg_a,emg_b,label" };
        for (int n = 0; n < 40; n++)
        {
            lines.Add((n / 50.0).ToString(System.Globalization.CultureInfo.InvariantCulture) + "," + n + "," + (-n) + "," + (n < 20 ? "rest" : n < 30 ? "pinch" : ""));
        }

        File.WriteAllLines(path, lines);
        File.WriteAllText(Path.Combine(_root, "notes.csv"), "a,b\n1,2\n"); // no label column: not a recording

        var data = Assert.IsType<AnnotatedRecordingDataset>(GestureDatasets.Open(_root));
        Assert.Equal(["pinch", "rest"], data.ClassNames);
        Assert.Equal(50, data.SampleRate);
        LabelledRecording r = data.Sessions.Single().Load().Single();
        Assert.Equal(["emg_a", "emg_b"], r.ChannelNames);
        Assert.Equal(1, r.LabelAt(0));
        Assert.Equal(0, r.LabelAt(25));
        Assert.Equal(LabelledRecording.NoLabel, r.LabelAt(35));
        Assert.Equal(-7f, r.Sample(7, 1));
    }

    [Fact]
    public void Folders_that_cannot_train_a_model_say_why()
    {
        var empty = Assert.Throws<DatasetFormatException>(() => GestureDatasets.Open(_root));
        Assert.Contains("no recordings", empty.Message);

        File.WriteAllText(Path.Combine(_root, "one.csv"), "# sample_rate=10\nx,label\n1,fist\n2,fist\n");
        var oneClass = Assert.Throws<DatasetFormatException>(() => GestureDatasets.Open(_root));
        Assert.Contains("training needs at least two", oneClass.Message);

        File.WriteAllText(Path.Combine(_root, "one.csv"), "x,label\n1,fist\n2,rest\n");
        Assert.Contains("cannot tell the sample rate", Assert.Throws<DatasetFormatException>(() => GestureDatasets.Open(_root)).Message);

        File.Delete(Path.Combine(_root, "one.csv"));
        WriteEdf("a.edf", 1);
        WriteEdf("b.edf", 2, channels: 4);
        var mixed = Assert.Throws<DatasetFormatException>(() => GestureDatasets.Open(_root).Sessions[1].Load());
        Assert.Contains("keep one layout per data folder", mixed.Message);
    }

    [Fact]
    public void The_model_is_sized_down_to_the_board_budget_or_refused_with_the_numbers()
    {
        ModelSize roomy = GestureModelSizing.For(8, 200, 5, 1_000_000, 10);
        ModelSize tight = GestureModelSizing.For(8, 200, 5, 3000, 10);
        Assert.Equal(Network.DefaultSpec, roomy.Spec);
        Assert.NotEqual(roomy.Spec, tight.Spec);
        Assert.True(tight.EstimatedDeviceBytes <= 3000);
        var ex = Assert.Throws<ArgumentException>(() => GestureModelSizing.For(32, 2000, 5, 500, 10));
        Assert.Contains("more than the board's 500", ex.Message);
    }

    [Fact]
    public void Quantization_without_a_rate_or_calibration_windows_is_refused()
    {
        var network = new Network("conv:4:3,relu,maxpool:4", 16, 2, 2, 1f);
        network.Initialize(1);
        var empty = new WindowSet(2, 16);
        Assert.Contains("No calibration windows", Assert.Throws<ArgumentException>(() => PostTrainingQuantizer.Quantize(network, empty, new QuantizationOptions { SampleRateMilliHz = 1000 })).Message);
        var one = new WindowSet(2, 16);
        one.AddRecording(LabelledRecording.FromFloat("x", "p", "s", ["a", "b"], 10, "uV", new float[64], segmentLabel: 0), 16);
        Assert.Contains("SampleRateMilliHz is required", Assert.Throws<ArgumentException>(() => PostTrainingQuantizer.Quantize(network, one, new QuantizationOptions())).Message);
    }
}
