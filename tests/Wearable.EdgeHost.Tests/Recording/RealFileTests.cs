using Wearable.EdgeHost.Recording;
using Wearable.TestSupport;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>
/// Golden facts from the public recordings in ../shared/data (checked by hand against the raw header
/// bytes and sample bytes), so the reader is held to files other programs wrote.
/// </summary>
public sealed class RealFileTests
{
    private static string Data(params string[] parts) => RepositoryPaths.SharedDataFile(parts);

    [Fact]
    public void Eegmmidb_S001R03_is_EDF_plus_with_64_EEG_signals_at_160_Hz_and_30_T_annotations()
    {
        using var reader = EdfReader.Open(Data("eeg", "eegmmidb-S001", "S001R03.edf"));
        EdfHeader h = reader.Header;
        Assert.Equal(EdfVariant.Edf, h.Variant);
        Assert.True(h.IsPlus);
        Assert.Equal("EDF+C", h.Reserved);
        Assert.Equal(new DateTime(2009, 8, 12, 16, 15, 0), h.StartTime);
        Assert.Equal(125, reader.RecordCount);
        Assert.Equal(65, h.Signals.Count);
        Assert.Equal(64, h.Signals.Count(s => !s.IsAnnotation));
        Assert.Equal("EDF Annotations", h.Signals[64].Label);
        Assert.Equal("Fc5.", h.Signals[0].Label);
        Assert.Equal("Iz..", h.Signals[63].Label);
        Assert.All(Enumerable.Range(0, 64), s => Assert.Equal(160.0, reader.SampleRate(s)));
        Assert.Equal("uV", h.Signals[0].PhysicalDimension);

        int[] fc5 = reader.ReadDigital(0);
        Assert.Equal(125 * 160, fc5.Length);
        Assert.Equal([-57, -49, -55, -73, -87], fc5.Take(5));
        Assert.Equal([-32, -36, -33, 4, 58], reader.ReadDigital(63, 124, 1).Take(5));
        // -8092..8092 uV over -8092..8092: one microvolt per step.
        Assert.Equal(-57.0, reader.ReadPhysical(0)[0], 9);

        var annotations = reader.ReadAnnotations();
        Assert.Equal(30, annotations.Count);
        Assert.Equal(15, annotations.Count(a => a.Text == "T0"));
        Assert.Equal(8, annotations.Count(a => a.Text == "T1"));
        Assert.Equal(7, annotations.Count(a => a.Text == "T2"));
        Assert.Equal(new EdfAnnotation(0, 4.2, "T0"), annotations[0]);
        Assert.Equal(new EdfAnnotation(4.2, 4.1, "T2"), annotations[1]);
        Assert.Equal(Enumerable.Range(0, 125).Select(r => (double)r), reader.ReadRecordOnsets());
    }

    [Fact]
    public void Every_eegmmidb_run_of_subject_1_opens()
    {
        for (int run = 1; run <= 14; run++)
        {
            using var reader = EdfReader.Open(Data("eeg", "eegmmidb-S001", "S001R" + run.ToString("00") + ".edf"));
            Assert.Equal(65, reader.Header.Signals.Count);
            Assert.Equal(reader.Header.DataRecords, reader.RecordCount);
            Assert.All(reader.ReadAnnotations(), a => Assert.Matches("^T[012]$", a.Text));
        }
    }

    [Fact]
    public void Eeglab_bdf_with_minus_one_records_gets_its_count_from_the_file_size()
    {
        using var reader = EdfReader.Open(Data("formats", "eeglab", "test.bdf"));
        Assert.Equal(EdfVariant.Bdf, reader.Header.Variant);
        Assert.Equal("24BIT", reader.Header.Reserved);
        Assert.Equal(-1, reader.Header.DataRecords);
        // (787968 - 4608 header bytes) / (17 x 256 samples x 3 bytes) = 60.
        Assert.Equal(60, reader.RecordCount);
        Assert.Equal(0, reader.TrailingBytes);
        Assert.Equal(17, reader.Header.Signals.Count);
        Assert.Equal("Status", reader.Header.Signals[16].Label);
        Assert.Equal([-15384, -15296, -15084, -14944, -14852], reader.ReadDigital(0, 59, 1).Take(5));
        Assert.Equal(1900799, reader.ReadDigital(16)[0]);
    }

    [Fact]
    public void Eeglab_edf_has_16_channels_at_256_Hz_for_60_seconds()
    {
        using var reader = EdfReader.Open(Data("formats", "eeglab", "test.edf"));
        Assert.Equal(16, reader.Header.Signals.Count);
        Assert.Equal(60, reader.RecordCount);
        Assert.Equal(256.0, reader.SampleRate(0));
        Assert.False(reader.Header.IsPlus);
        Assert.Equal(60 * 256, reader.ReadPhysical(15).Length);
    }

    [Fact]
    public void Mne_edf_plus_with_140_channels_and_its_annotations()
    {
        using var reader = EdfReader.Open(Data("formats", "mne", "test.edf"));
        Assert.Equal("EDF+C", reader.Header.Reserved);
        Assert.Equal(140, reader.Header.Signals.Count);
        Assert.Equal(6, reader.RecordCount);
        Assert.Equal(
            [
                new EdfAnnotation(0, null, "start"),
                new EdfAnnotation(0.1344, 0.256, "type A"),
                new EdfAnnotation(0.3904, 1, "type A"),
                new EdfAnnotation(2, null, "type B"),
                new EdfAnnotation(2.5, 2.5, "type A"),
            ],
            reader.ReadAnnotations());
    }

    [Fact]
    public void Mne_24_bit_bdf_at_2048_Hz_with_a_right_justified_record_count()
    {
        using var reader = EdfReader.Open(Data("formats", "mne", "test.bdf"));
        Assert.Equal(EdfVariant.Bdf, reader.Header.Variant);
        Assert.Equal(1, reader.Header.DataRecords);
        Assert.Equal(73, reader.Header.Signals.Count);
        Assert.Equal(2048.0, reader.SampleRate(0));
        Assert.Equal(-8388608, reader.Header.Signals[0].DigitalMinimum);
        Assert.Equal(Enumerable.Repeat(-6815744, 5), reader.ReadDigital(72).Take(5));
    }

    [Fact]
    public void Mne_channels_with_different_sampling_rates()
    {
        using var reader = EdfReader.Open(Data("formats", "mne", "test_uneven_samp.edf"));
        Assert.Equal(10.0, reader.Header.RecordDuration);
        Assert.Equal(100.0, reader.SampleRate(0));
        Assert.Equal(12.8, reader.SampleRate(1));
        Assert.Equal(11 * 1000, reader.ReadDigital(0).Length);
        Assert.Equal(11 * 128, reader.ReadDigital(1).Length);
        Assert.Equal("V", reader.Header.Signals[0].PhysicalDimension);
    }

    [Fact]
    public void Mne_duplicated_channel_labels_stay_separate_signals()
    {
        using var reader = EdfReader.Open(Data("formats", "mne", "duplicate_channel_labels.edf"));
        Assert.Equal("EEG F1-Ref", reader.Header.Signals[0].Label);
        Assert.Equal("EEG F1-Ref", reader.Header.Signals[2].Label);
        Assert.Equal(0, reader.IndexOf("EEG F1-Ref"));
        Assert.Equal([-114, -114, -111, -110, -113], reader.ReadDigital(2, 9, 1).Take(5));
        Assert.NotEqual(reader.ReadDigital(0), reader.ReadDigital(2));
        Assert.Empty(reader.ReadAnnotations());
    }

    [Fact]
    public void Mne_stim_channel_files()
    {
        using (var edf = EdfReader.Open(Data("formats", "mne", "test_edf_stim_channel.edf")))
        {
            Assert.Equal(9.59375, edf.Header.RecordDuration);
            Assert.Equal("reserved", edf.Header.Reserved);
            Assert.False(edf.Header.IsPlus);
            Assert.Equal(25, edf.Header.Signals.Count);
            Assert.Equal(1228 * 1, edf.ReadDigital(24).Length);
        }

        using (var bdf = EdfReader.Open(Data("formats", "mne", "test_bdf_stim_channel.bdf")))
        {
            Assert.Equal(10, bdf.RecordCount);
            Assert.Equal("Status", bdf.Header.Signals[3].Label);
        }

        using var plus = EdfReader.Open(Data("formats", "mne", "test_stim_channel.edf"));
        Assert.Equal(600, plus.RecordCount);
        Assert.Equal("stAtUs", plus.Header.Signals[0].Label);
        Assert.Empty(plus.ReadAnnotations());
        Assert.Equal(599.0, plus.ReadRecordOnsets()[599]);
    }
}
