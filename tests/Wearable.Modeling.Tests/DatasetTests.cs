using Wearable.Modeling.Datasets;
using Wearable.TestSupport;

namespace Wearable.Modeling.Tests;

public sealed class MyoArmbandDatasetTests
{
    private static MyoArmbandDataset Data() => new(RepositoryPaths.SharedDataFile("emg", "myo-armband"));

    [Fact]
    public void Dat_file_has_eight_channels_at_200_Hz_and_label_index_mod_7()
    {
        string path = RepositoryPaths.SharedDataFile("emg", "myo-armband", "EvaluationDataset", "Male0", "training0", "classe_9.dat");
        var recording = RecordingFiles.Read(path);
        Assert.Equal(8, recording.Channels);
        Assert.Equal(200.0, recording.SampleRate);
        Assert.Equal(new FileInfo(path).Length / 16, recording.Frames);
        Assert.Equal(9 % 7, recording.SegmentLabel);
        Assert.Equal("Male0", recording.PersonId);
        Assert.Equal("training0", recording.SessionId);
        Assert.NotNull(recording.Int16Samples);
        Assert.All(recording.Int16Samples!, v => Assert.InRange(v, (short)-128, (short)127));
        Assert.Contains(recording.Int16Samples!, v => v != 0);
    }

    [Fact]
    public void Evaluation_set_has_18_people_and_the_paper_subset_17()
    {
        var data = Data();
        var all = data.EvaluationParticipants();
        Assert.Equal(18, all.Count);
        Assert.Equal(22, data.PreTrainingParticipants().Count);
        var paper = data.PaperParticipants();
        Assert.Equal(17, paper.Count);
        Assert.Equal(["Female0", "Female1"], paper.Take(2).Select(p => p.Name));
        Assert.Equal(Enumerable.Range(0, 15).Select(i => "Male" + i), paper.Skip(2).Select(p => p.Name));
        Assert.DoesNotContain(paper, p => p.Name == "Male15");
    }

    [Fact]
    public void Session_loads_28_repetitions_cycling_through_the_7_gestures()
    {
        var data = Data();
        var person = data.EvaluationParticipants().First(p => p.Name == "Female1");
        var session = data.LoadSession(person, MyoArmbandDataset.Test1);
        Assert.Equal(28, session.Count);
        Assert.Equal(Enumerable.Range(0, 28).Select(i => i % 7), session.Select(r => r.SegmentLabel));
        Assert.All(session, r => Assert.InRange(r.Frames, 500, 1000));
    }

    [Fact]
    public void Protocol_windows_are_52_by_8_with_hop_5_and_balanced_labels()
    {
        var data = Data();
        var person = data.EvaluationParticipants().First(p => p.Name == "Male3");
        var recordings = data.LoadSession(person, MyoArmbandDataset.Training);
        var windows = MyoArmbandProtocol.TrainingWindows(data, person);
        int expected = recordings.Sum(r => ((r.Frames - 52) / 5) + 1);
        Assert.Equal(expected, windows.Count);
        Assert.Equal(8, windows.Channels);
        Assert.Equal(52, windows.Length);
        var perClass = windows.Labels().GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7, perClass.Count);

        // The first window's channel 2, sample 10 is frame 10 of classe_0.dat, channel 2.
        var first = new float[windows.WindowSize];
        windows.CopyWindow(0, first);
        Assert.Equal(recordings[0].Sample(10, 2), first[(10 * 8) + 2]);
    }

    [Fact]
    public void Truncated_dat_file_names_the_byte_offset()
    {
        string dir = Directory.CreateTempSubdirectory().FullName;
        string path = Path.Combine(dir, "classe_3.dat");
        File.WriteAllBytes(path, new byte[16 * 3 + 5]);
        var ex = Assert.Throws<DatasetFormatException>(() => new MyoArmbandDatReader().Read(path));
        Assert.Equal(48, ex.ByteOffset);
        Assert.Contains("16-byte frames", ex.Message);

        string badName = Path.Combine(dir, "gesture.dat");
        File.WriteAllBytes(badName, new byte[16]);
        Assert.Throws<DatasetFormatException>(() => new MyoArmbandDatReader().Read(badName));
    }
}

public sealed class TextFormatTests
{
    [Fact]
    public void Myo_readings_stream_alternates_rest_and_its_gesture_every_5_s()
    {
        string path = RepositoryPaths.SharedDataFile("emg", "myo-readings", "_readings_right_hand", "12345-1", "1.txt");
        var recording = RecordingFiles.Read(path);
        Assert.Equal(File.ReadAllLines(path).Length, recording.Frames);
        Assert.Equal(8, recording.Channels);
        Assert.Equal("12345", recording.PersonId);
        Assert.Equal("1", recording.SessionId);
        var labels = recording.FrameLabels!;
        Assert.Equal([0, 1], labels.Distinct().OrderBy(l => l));
        int runs = 1;
        for (int i = 1; i < labels.Length; i++)
        {
            runs += labels[i] != labels[i - 1] ? 1 : 0;
        }

        Assert.InRange(runs, 10, 14); // 60 s in 5 s blocks.

        var rest = RecordingFiles.Read(RepositoryPaths.SharedDataFile("emg", "myo-readings", "_readings_right_hand", "12345-1", "0.txt"));
        Assert.All(rest.FrameLabels!, l => Assert.Equal(0, l));
    }

    [Fact]
    public void Myo_readings_error_names_line_and_column()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "3.txt");
        File.WriteAllLines(path, ["1,2,3,4,5,6,7,8,0", "1,2,3,x4,5,6,7,8,3"]);
        var ex = Assert.Throws<DatasetFormatException>(() => new MyoReadingsReader().Read(path));
        Assert.Equal(2, ex.Line);
        Assert.Equal(7, ex.Column);

        File.WriteAllLines(path, ["1,2,3,4,5,6,7,8"]);
        ex = Assert.Throws<DatasetFormatException>(() => new MyoReadingsReader().Read(path));
        Assert.Equal(1, ex.Line);
        Assert.Contains("9 comma-separated", ex.Message);
    }

    [Fact]
    public void Muse_csv_is_microvolts_at_256_Hz_with_flicker_markers()
    {
        string dir = RepositoryPaths.SharedDataFile("eeg", "muse-ssvep", "subject3", "session1");
        string path = Directory.GetFiles(dir, "*.csv").Order(StringComparer.Ordinal).First();
        var recording = RecordingFiles.Read(path);
        Assert.Equal(File.ReadAllLines(path).Length - 1, recording.Frames);
        Assert.Equal(["TP9", "AF7", "AF8", "TP10", "Right AUX"], recording.ChannelNames);
        Assert.Equal("uV", recording.Units);
        Assert.NotNull(recording.FloatSamples);
        Assert.InRange(recording.DurationSeconds, 100, 130);
        var markers = recording.FrameLabels!.Where(m => m != 0).Distinct().Order();
        Assert.Equal([1, 2], markers);
        Assert.Equal("subject3", recording.PersonId);
        Assert.Equal("session1", recording.SessionId);
    }

    [Fact]
    public void Muse_csv_with_a_wrong_header_is_refused_at_that_column()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "x.csv");
        File.WriteAllLines(path, ["timestamps,TP9,AF7,Fz,TP10,Right AUX,Marker0", "1.0,1,2,3,4,5,0"]);
        var ex = Assert.Throws<DatasetFormatException>(() => new MuseCsvReader().Read(path));
        Assert.Equal(1, ex.Line);
        Assert.Equal(4, ex.Column);

        File.WriteAllLines(path, ["timestamps,TP9,AF7,AF8,TP10,Right AUX,Marker0", "1.0,1,2,3,4,5,0", "1.1,1,2,nan?,4,5,0"]);
        ex = Assert.Throws<DatasetFormatException>(() => new MuseCsvReader().Read(path));
        Assert.Equal(3, ex.Line);
        Assert.Equal(4, ex.Column);
    }

    [Fact]
    public void Edf_goes_through_the_adapter_point_only()
    {
        string edf = RepositoryPaths.SharedDataFile("eeg", "eegmmidb-S001", "S001R01.edf");
        var saved = RecordingFiles.EdfReader;
        try
        {
            Assert.IsType<EdfRecordingReader>(RecordingFiles.ReaderFor(edf));
            RecordingFiles.EdfReader = null;
            Assert.Throws<NotSupportedException>(() => RecordingFiles.ReaderFor(edf));
            var adapter = new FixedReader();
            RecordingFiles.EdfReader = adapter;
            Assert.Same(adapter, RecordingFiles.ReaderFor(edf));
        }
        finally
        {
            RecordingFiles.EdfReader = saved;
        }
    }

    [Fact]
    public void Edf_motor_imagery_run_has_64_channels_at_160_Hz_with_T0_T1_T2_labels()
    {
        string path = RepositoryPaths.SharedDataFile("eeg", "eegmmidb-S001", "S001R03.edf");
        var reader = new EdfRecordingReader();
        var recording = reader.Read(path);
        Assert.Equal(64, recording.Channels);
        Assert.Equal(160.0, recording.SampleRate);
        Assert.InRange(recording.DurationSeconds, 100, 140);
        Assert.Equal(["T0", "T1", "T2"], reader.LabelNames);
        var labels = recording.FrameLabels!;
        Assert.Equal(0, labels[0]); // the run opens at rest
        Assert.Contains(1, labels);
        Assert.Contains(2, labels);
        Assert.Equal("S001R03", recording.SessionId);
        Assert.NotNull(recording.FloatSamples);
        double rms = Math.Sqrt(recording.FloatSamples!.Take(64 * 1600).Average(v => (double)v * v));
        Assert.InRange(rms, 1, 500); // microvolts of scalp EEG
    }

    [Fact]
    public void Broken_edf_is_a_dataset_format_error()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "bad.edf");
        File.WriteAllBytes(path, System.Text.Encoding.ASCII.GetBytes(new string('x', 300)));
        Assert.Throws<DatasetFormatException>(() => RecordingFiles.Read(path));
    }

    private sealed class FixedReader : IRecordingReader
    {
        public string FormatName => "test";

        public LabelledRecording Read(string path) => throw new InvalidOperationException("not used");
    }
}

public sealed class WindowingTests
{
    private static LabelledRecording Ramp(int[] labels) => LabelledRecording.FromInt16(
        "ramp", "p", "s", ["a", "b"], 100, "adc",
        Enumerable.Range(0, labels.Length * 2).Select(i => (short)i).ToArray(), labels);

    [Fact]
    public void Label_rules_differ_only_on_windows_that_straddle_a_change()
    {
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1];
        var last = new WindowSet(2, 3);
        last.AddRecording(Ramp(labels), 1, WindowLabelRule.LastFrame);
        Assert.Equal([0, 0, 1, 1, 1, 1], last.Labels());

        var majority = new WindowSet(2, 3);
        majority.AddRecording(Ramp(labels), 1, WindowLabelRule.Majority);
        Assert.Equal([0, 0, 0, 1, 1, 1], majority.Labels());

        var unanimous = new WindowSet(2, 3);
        unanimous.AddRecording(Ramp(labels), 1, WindowLabelRule.Unanimous);
        Assert.Equal([0, 0, 1, 1], unanimous.Labels());
    }

    [Fact]
    public void Windows_are_frame_interleaved_and_hop_spaced()
    {
        var set = new WindowSet(2, 3);
        int added = set.AddRecording(Ramp([0, 0, 0, 0, 0, 0, 0]), 2);
        Assert.Equal(3, added); // starts 0, 2, 4
        var w = new float[6];
        set.CopyWindow(1, w);
        // Frame f channel c holds 2f + c; window 1 starts at frame 2.
        Assert.Equal(new float[] { 4, 5, 6, 7, 8, 9 }, w);
    }
}
