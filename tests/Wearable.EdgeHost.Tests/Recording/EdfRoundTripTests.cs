using FsCheck;
using FsCheck.Fluent;
using Wearable.TestSupport;
using Wearable.EdgeHost.Recording;

namespace Wearable.EdgeHost.Tests.Recording;

public sealed class EdfRoundTripTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(EdfVariant.Edf)]
    [InlineData(EdfVariant.Bdf)]
    public void Written_file_reads_back_bit_identical(EdfVariant variant)
    {
        string path = _files.Path("roundtrip." + variant.ToString().ToLowerInvariant());
        var options = RecordingFixtures.Options(variant, [200, 100, 50, 7], duration: 0.5);
        var records = RecordingFixtures.RandomRecords(new Random(7), options, records: 9);
        EdfAnnotation[] annotations =
        [
            new(0, null, "recording start"),
            new(0.25, 0.75, "gesture: fist"),
            new(1.125, 0.5, "inference fist p=0.93 latency=12ms"),
            new(3.9, null, "marker µV ✓ ünïcode"),
        ];
        EdfHeader written;
        using (var writer = EdfWriter.Create(path, options))
        {
            foreach (var a in annotations)
            {
                writer.AddAnnotation(a.Onset, a.Duration, a.Text);
            }

            foreach (var record in records)
            {
                writer.WriteRecord(record);
            }

            written = writer.Header;
            Assert.Equal(0, writer.PendingAnnotations);
            Assert.Equal(0, writer.ClippedSamples);
        }

        using var reader = EdfReader.Open(path);
        AssertSameHeader(written, reader.Header);
        Assert.Equal(9, reader.RecordCount);
        Assert.Equal(0, reader.TrailingBytes);
        Assert.Equal(RecordingFixtures.Start, reader.Header.StartTime);
        Assert.Equal(variant == EdfVariant.Bdf ? "BDF+C" : "EDF+C", reader.Header.Reserved);
        Assert.Equal(5, reader.Header.Signals.Count);
        Assert.True(reader.Header.Signals[4].IsAnnotation);
        for (int s = 0; s < 4; s++)
        {
            int[] expected = records.SelectMany(r => r[s]).ToArray();
            Assert.Equal(expected, reader.ReadDigital(s));
            Assert.Equal(options.Signals[s].SamplesPerRecord / 0.5, reader.SampleRate(s));
        }

        Assert.Equal(annotations, reader.ReadAnnotations());
        Assert.Equal(Enumerable.Range(0, 9).Select(r => r * 0.5).ToArray(), reader.ReadRecordOnsets());

        var facts = SpecHeaderCheck.Check(path);
        Assert.Equal(9, facts.Records);
        Assert.Equal(0.5, facts.Duration);
        Assert.Equal(variant == EdfVariant.Bdf ? 3 : 2, facts.BytesPerSample);
        Assert.Equal(["EMG1", "EMG2", "EMG3", "EMG4", variant == EdfVariant.Bdf ? "BDF Annotations" : "EDF Annotations"], facts.Labels);
        Assert.Equal([200, 100, 50, 7], facts.SamplesPerRecord.Take(4));
    }

    [Fact]
    public void Physical_values_follow_the_header_line_through_min_and_max()
    {
        string path = _files.Path("physical.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [4]) with { Annotations = false };
        int[][][] records = [[[-32768, 32767, 0, 1000]]];
        RecordingFixtures.Write(path, options, records);
        using var reader = EdfReader.Open(path);
        // -3276.8 .. 3276.7 over -32768 .. 32767 is exactly 0.1 uV per step.
        double[] physical = reader.ReadPhysical(0);
        Assert.Equal([-3276.8, 3276.7, 0, 100], physical.Select(v => Math.Round(v, 9)));
        Assert.Equal("", reader.Header.Reserved);
        Assert.Empty(reader.ReadAnnotations());
    }

    [Fact]
    public void Random_recordings_round_trip_for_any_seed()
    {
        var property = Prop.ForAll<int>(seed =>
        {
            var random = new Random(seed);
            var variant = random.Next(2) == 0 ? EdfVariant.Edf : EdfVariant.Bdf;
            int[] spr = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(1, 300)).ToArray();
            double duration = new[] { 0.1, 0.25, 1, 2 }[random.Next(4)];
            bool plus = random.Next(3) != 0;
            var options = RecordingFixtures.Options(variant, spr, duration, annotations: plus) with { AnnotationBytesPerRecord = random.Next(60, 200) };
            var records = RecordingFixtures.RandomRecords(random, options, random.Next(1, 12));
            var annotations = Enumerable.Range(0, plus ? random.Next(0, 6) : 0)
                .Select(i => new EdfAnnotation(Math.Round(random.NextDouble() * 20, 3), random.Next(2) == 0 ? null : Math.Round(random.NextDouble(), 4), "event " + i))
                .ToArray();
            string path = _files.Path("prop-" + seed + ".edf");
            int dropped = RecordingFixtures.Write(path, options, records, annotations);
            using var reader = EdfReader.Open(path);
            string reserved = plus ? (variant == EdfVariant.Bdf ? "BDF+C" : "EDF+C") : (variant == EdfVariant.Bdf ? "24BIT" : "");
            bool same = reader.RecordCount == records.Length
                && reader.Header.Reserved == reserved
                && reader.Header.Signals.Count == spr.Length + (plus ? 1 : 0)
                && Enumerable.Range(0, spr.Length).All(s => reader.ReadDigital(s).SequenceEqual(records.SelectMany(r => r[s])))
                && reader.ReadAnnotations().SequenceEqual(annotations.Take(annotations.Length - dropped))
                && SpecHeaderCheck.Check(path).Records == records.Length;
            File.Delete(path);
            return same;
        });
        PropertyChecks.Check(property, cases: 30, seed: 20261203);
    }

    [Fact]
    public void Annotations_beyond_a_records_room_move_to_the_next_records()
    {
        string path = _files.Path("many-markers.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [10]) with { AnnotationBytesPerRecord = 40 };
        var markers = Enumerable.Range(0, 12).Select(i => new EdfAnnotation(i * 0.1, null, "m" + i)).ToArray();
        var records = RecordingFixtures.RandomRecords(new Random(3), options, 12);
        using (var writer = EdfWriter.Create(path, options))
        {
            foreach (var m in markers)
            {
                writer.AddAnnotation(m.Onset, m.Duration, m.Text);
            }

            writer.WriteRecord(records[0]);
            Assert.InRange(writer.PendingAnnotations, 1, 11);
            for (int r = 1; r < records.Length; r++)
            {
                writer.WriteRecord(records[r]);
            }

            Assert.Equal(0, writer.PendingAnnotations);
        }

        using var reader = EdfReader.Open(path);
        Assert.Equal(markers, reader.ReadAnnotations());
    }

    [Fact]
    public void Markers_added_after_the_last_record_are_all_written_widening_the_annotation_signal_when_needed()
    {
        string path = _files.Path("late-markers.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [10]) with { AnnotationBytesPerRecord = 60 };
        var records = RecordingFixtures.RandomRecords(new Random(4), options, 3);
        var writer = EdfWriter.Create(path, options);
        foreach (var record in records)
        {
            writer.WriteRecord(record);
        }

        writer.AddAnnotation(2.75, null, "stop");
        writer.AddAnnotation(2.9, 0.1, "late one");
        writer.AddAnnotation(2.95, null, "one too many for the room left");
        writer.Dispose();

        // 60 bytes: "+2\x14\x14\0" (5) + "+2.75\x14stop\x14\0" (12) + "+2.9\x150.1\x14late one\x14\0" (20) leave 23, too few for
        // the third: the writer rewrites the file with a wider annotation signal rather than drop it.
        Assert.Equal(0, writer.PendingAnnotations);
        Assert.True(writer.AnnotationsWidened);
        using var reader = EdfReader.Open(path);
        Assert.Equal([new EdfAnnotation(2.75, null, "stop"), new EdfAnnotation(2.9, 0.1, "late one"), new EdfAnnotation(2.95, null, "one too many for the room left")], reader.ReadAnnotations());
        Assert.Equal(records.SelectMany(r => r[0]), reader.ReadDigital(0));
        Assert.Equal(3, SpecHeaderCheck.Check(path).Records);
    }

    [Fact]
    public void Discontinuous_files_take_record_starts_from_their_time_keeping_annotations()
    {
        string path = _files.Path("gap.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [10]) with { AnnotationBytesPerRecord = 20 };
        RecordingFixtures.Write(path, options, RecordingFixtures.RandomRecords(new Random(6), options, 3));
        byte[] bytes = File.ReadAllBytes(path);
        // Header 768 bytes; record = 10 + 10 samples x 2 bytes = 40; the TAL starts 20 bytes into each record.
        int third = 768 + (2 * 40) + 20;
        Assert.Equal("+2\u0014\u0014", System.Text.Encoding.ASCII.GetString(bytes, third, 4));
        bytes[third + 1] = (byte)'9';
        "EDF+D"u8.CopyTo(bytes.AsSpan(192));
        File.WriteAllBytes(path, bytes);

        using var reader = EdfReader.Open(path);
        Assert.True(reader.Header.IsDiscontinuous);
        Assert.Equal([0.0, 1.0, 9.0], reader.ReadRecordOnsets());
    }

    [Fact]
    public void Samples_outside_the_digital_range_are_clamped_and_counted()
    {
        string path = _files.Path("clip.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [3]) with
        {
            Signals = [EdfSignal.Data("EEG", 3, -100, 100, -1000, 1000)],
        };
        using (var writer = EdfWriter.Create(path, options))
        {
            writer.WriteRecord(new short[][] { [-5000, 12, 5000] });
            Assert.Equal(2, writer.ClippedSamples);
        }

        using var reader = EdfReader.Open(path);
        Assert.Equal([-1000, 12, 1000], reader.ReadDigital(0));
    }

    [Fact]
    public void Writer_rejects_bad_shapes_and_texts_with_clear_messages()
    {
        string path = _files.Path("bad.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [4, 2]);
        using var writer = EdfWriter.Create(path, options);
        var wrongCount = Assert.Throws<ArgumentException>(() => writer.WriteRecord(new int[][] { new int[4] }));
        Assert.Contains("needs 2 data signals, got 1", wrongCount.Message);
        var wrongLength = Assert.Throws<ArgumentException>(() => writer.WriteRecord(new int[][] { new int[4], new int[3] }));
        Assert.Contains("'EMG2' needs 2 samples per record, got 3", wrongLength.Message);
        Assert.Throws<ArgumentException>(() => writer.AddAnnotation(1, null, "bad\u0014text"));
        Assert.Throws<ArgumentException>(() => writer.AddAnnotation(1, null, new string('x', 500)));
        var longLabel = Assert.Throws<ArgumentException>(() => EdfWriter.Create(_files.Path("bad2.edf"), options with
        {
            Signals = [EdfSignal.Data("a label longer than sixteen", 1, -1, 1, -10, 10)],
        }));
        Assert.Contains("'label of signal 1' holds at most 16 characters", longLabel.Message);
    }

    private static void AssertSameHeader(EdfHeader expected, EdfHeader actual)
    {
        Assert.Equal(expected with { Signals = [] }, actual with { Signals = [] });
        Assert.Equal(expected.Signals, actual.Signals);
    }
}
