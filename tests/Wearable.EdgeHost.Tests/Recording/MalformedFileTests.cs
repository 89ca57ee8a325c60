using System.Text;
using Wearable.EdgeHost.Recording;

namespace Wearable.EdgeHost.Tests.Recording;

/// <summary>Each malformed file gets an EdfFormatException naming the field, its byte offset and what is wrong.</summary>
public sealed class MalformedFileTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly byte[] _valid;

    public MalformedFileTests()
    {
        // 2 data signals + annotations: header 1024 bytes; signal columns start at 256 (labels), 256+3*16 (transducer) ...
        string path = _files.Path("valid.edf");
        var options = RecordingFixtures.Options(EdfVariant.Edf, [10, 5]);
        RecordingFixtures.Write(path, options, RecordingFixtures.RandomRecords(new Random(2), options, 3), [new EdfAnnotation(1, null, "ok")]);
        _valid = File.ReadAllBytes(path);
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_unmodified_fixture_is_valid()
    {
        using var reader = EdfReader.Open(_files.Write("plain.edf", _valid));
        Assert.Equal(3, reader.RecordCount);
        Assert.Single(reader.ReadAnnotations());
    }

    [Fact]
    public void Truncated_fixed_header()
    {
        var ex = Reject(_valid.AsSpan(0, 100).ToArray());
        Assert.Equal("header is truncated: the file has 100 bytes but the fixed EDF header needs 256.", ex.Message);
        Assert.Equal(0, ex.ByteOffset);
    }

    [Fact]
    public void Truncated_signal_headers()
    {
        var ex = Reject(_valid.AsSpan(0, 600).ToArray());
        Assert.Equal("header is truncated: 3 signals need a 1024-byte header but the file has only 600 bytes.", ex.Message);
    }

    [Fact]
    public void Non_numeric_record_count()
    {
        var ex = Reject(Patch(236, 8, "abc"));
        Assert.Equal("header field 'number of data records' at byte 236 is 'abc': expected an integer.", ex.Message);
        Assert.Equal("number of data records", ex.Field);
        Assert.Equal(236, ex.ByteOffset);
    }

    [Fact]
    public void Negative_record_count_other_than_minus_one()
    {
        var ex = Reject(Patch(236, 8, "-5"));
        Assert.Equal("header field 'number of data records' at byte 236 is '-5': expected -1 (unknown) or a count >= 0.", ex.Message);
    }

    [Fact]
    public void Negative_samples_per_record()
    {
        // samples-per-record column: 256 + 3 x (16 + 80 + 8 + 8 + 8 + 8 + 8 + 80) = 904; signal 2 at 912.
        var ex = Reject(Patch(912, 8, "-5"));
        Assert.Equal("header field 'number of samples in each data record' of signal 2 ('EMG2') at byte 912 is '-5': expected a count >= 1.", ex.Message);
    }

    [Fact]
    public void Signal_count_that_disagrees_with_the_header_size()
    {
        var ex = Reject(Patch(252, 4, "5"));
        Assert.Equal(
            "header field 'number of bytes in header record' at byte 184 is '1024': expected 256 x (1 + 5 signals) = 1536; the signal count and header size disagree.",
            ex.Message);
    }

    [Fact]
    public void Zero_or_non_numeric_signal_count()
    {
        Assert.Contains("expected 1 to 4096 signals", Reject(Patch(252, 4, "0")).Message);
        Assert.Contains("'number of signals' at byte 252 is 'x': expected an integer", Reject(Patch(252, 4, "x")).Message);
    }

    [Fact]
    public void File_shorter_than_the_records_claim()
    {
        var ex = Reject(Patch(236, 8, "7"));
        Assert.Contains("is shorter than its header claims: 'number of data records' at byte 236 says 7 records of 270 bytes (2914 bytes in all) but the file has 1834 bytes (3 complete records).", ex.Message);
        Assert.Equal("The recording was cut off; run 'wearable record repair FILE' to keep the complete records.", ex.Hint);
    }

    [Fact]
    public void Wrong_version()
    {
        var ex = Reject(Patch(0, 8, "1"));
        Assert.Equal("header field 'version' at byte 0 is '1': expected '0' (EDF) or 0xFF 'BIOSEMI' (BDF).", ex.Message);
    }

    [Fact]
    public void Non_numeric_physical_minimum()
    {
        // physical minimum column: 256 + 3 x (16 + 80 + 8) = 568.
        var ex = Reject(Patch(568, 8, "1,5"));
        Assert.Equal("header field 'physical minimum' of signal 1 ('EMG1') at byte 568 is '1,5': expected a number.", ex.Message);
    }

    [Fact]
    public void Equal_physical_limits_and_inverted_digital_limits()
    {
        // physical maximum column at 592, digital minimum at 616, digital maximum at 640.
        Assert.Contains("'physical maximum' of signal 1 ('EMG1') at byte 592 is '-3276.8': expected a value different from the physical minimum", Reject(Patch(592, 8, "-3276.8")).Message);
        Assert.Contains("'digital maximum' of signal 1 ('EMG1') at byte 640 is '-40000': expected a value above the digital minimum", Reject(Patch(640, 8, "-40000")).Message);
        Assert.Contains("'digital minimum' of signal 2 ('EMG2') at byte 624 is '-99999': expected a value a 16-bit sample can hold", Reject(Patch(624, 8, "-99999")).Message);
    }

    [Fact]
    public void Impossible_start_date_and_negative_duration()
    {
        Assert.Equal("header field 'startdate of recording' at byte 168 is '31.02.26': expected a real calendar date (dd.mm.yy).", Reject(Patch(168, 8, "31.02.26")).Message);
        Assert.Equal("header field 'starttime of recording' at byte 176 is '25.00.00': expected hh.mm.ss.", Reject(Patch(176, 8, "25.00.00")).Message);
        Assert.Equal("header field 'duration of a data record' at byte 244 is '-1': expected a duration in seconds >= 0.", Reject(Patch(244, 8, "-1")).Message);
    }

    [Fact]
    public void Broken_annotation_text_is_reported_with_its_byte_offset()
    {
        // First record's annotation signal starts after 15 samples x 2 bytes = 30 bytes of data: byte 1054; its TAL is "+0\x14\x14\0".
        byte[] bytes = (byte[])_valid.Clone();
        Assert.Equal((byte)'+', bytes[1054]);
        bytes[1054] = (byte)'x';
        using var reader = EdfReader.Open(_files.Write("bad-tal.edf", bytes));
        var ex = Assert.Throws<EdfFormatException>(() => reader.ReadAnnotations());
        Assert.Equal("annotation at byte 1054 has onset 'x0': expected '+' or '-' then seconds.", ex.Message);
        Assert.Equal(1054, ex.ByteOffset);
    }

    [Fact]
    public void Missing_file_is_a_file_not_found_error()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => EdfReader.Open(_files.Path("nope.edf")));
        Assert.Contains("nope.edf does not exist", ex.Message);
    }

    private EdfFormatException Reject(byte[] bytes) =>
        Assert.Throws<EdfFormatException>(() => EdfReader.Open(_files.Write("bad-" + Guid.NewGuid().ToString("N") + ".edf", bytes)));

    private byte[] Patch(int offset, int width, string text)
    {
        byte[] bytes = (byte[])_valid.Clone();
        byte[] field = Encoding.ASCII.GetBytes(text.PadRight(width));
        Array.Copy(field, 0, bytes, offset, width);
        return bytes;
    }
}
