namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Reads EDF, EDF+, BDF and BDF+ files: header, per-signal digital and physical samples, and EDF+
/// annotations. Works record by record from the file, so large recordings are not loaded whole.
/// </summary>
public sealed class EdfReader : IDisposable
{
    private readonly Stream _stream;
    private readonly long[] _signalOffsets;
    private readonly byte[] _record;

    private EdfReader(Stream stream, string name, EdfReadOptions options)
    {
        _stream = stream;
        Header = EdfHeaderParser.Parse(stream);
        long recordBytes = Header.RecordBytes;
        if (recordBytes > int.MaxValue / 2)
        {
            throw new EdfFormatException(
                name + ": one data record would take " + recordBytes + " bytes; the signal headers' sample counts are not plausible.",
                "number of samples in each data record", EdfHeader.BlockSize);
        }

        _record = new byte[recordBytes];
        _signalOffsets = new long[Header.Signals.Count];
        long offset = 0;
        for (int i = 0; i < _signalOffsets.Length; i++)
        {
            _signalOffsets[i] = offset;
            offset += (long)Header.Signals[i].SamplesPerRecord * Header.BytesPerSample;
        }

        long dataBytes = stream.Length - Header.HeaderBytes;
        long complete = dataBytes / recordBytes;
        if (Header.DataRecords == -1)
        {
            RecordCount = complete;
        }
        else if (Header.DataRecords > complete)
        {
            if (!options.AllowTruncated)
            {
                throw new EdfFormatException(
                    name + " is shorter than its header claims: 'number of data records' at byte 236 says " + Header.DataRecords
                    + " records of " + recordBytes + " bytes (" + (Header.HeaderBytes + (Header.DataRecords * recordBytes))
                    + " bytes in all) but the file has " + stream.Length + " bytes (" + complete + " complete records).",
                    "number of data records", EdfHeader.DataRecordCountOffset,
                    "The recording was cut off; run 'wearable record repair FILE' to keep the complete records.");
            }

            RecordCount = complete;
            IsTruncated = true;
        }
        else
        {
            RecordCount = Header.DataRecords;
        }

        TrailingBytes = dataBytes - (RecordCount * recordBytes);
    }

    /// <summary>The header as stored (its <see cref="EdfHeader.DataRecords"/> may be -1; see <see cref="RecordCount"/>).</summary>
    public EdfHeader Header { get; }

    /// <summary>Complete data records readable: the header's count, or the count the file size allows when the header says -1.</summary>
    public long RecordCount { get; }

    /// <summary>Bytes after the last record read (a partial record left by a crash, or junk).</summary>
    public long TrailingBytes { get; }

    /// <summary>True when the header claims more records than the file holds and <see cref="EdfReadOptions.AllowTruncated"/> let it through.</summary>
    public bool IsTruncated { get; }

    public static EdfReader Open(string path, EdfReadOptions? options = null)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (FileNotFoundException)
        {
            throw new FileNotFoundException("Recording " + path + " does not exist.", path);
        }

        try
        {
            return new EdfReader(stream, path, options ?? new EdfReadOptions());
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads from a seekable stream the reader then owns.</summary>
    public static EdfReader Open(Stream stream, EdfReadOptions? options = null, string name = "stream")
    {
        if (!stream.CanSeek)
        {
            throw new ArgumentException("EdfReader needs a seekable stream (it reads the record count from the length).", nameof(stream));
        }

        return new EdfReader(stream, name, options ?? new EdfReadOptions());
    }

    /// <summary>Index of the first signal with this label (trimmed, exact); -1 when none. Labels may repeat.</summary>
    public int IndexOf(string label)
    {
        for (int i = 0; i < Header.Signals.Count; i++)
        {
            if (Header.Signals[i].Label == label)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Sampling rate of a signal in Hz.</summary>
    public double SampleRate(int signal) => Header.SampleRate(signal);

    /// <summary>Digital samples of one record for every signal; <paramref name="destination"/>[s] needs SamplesPerRecord entries.</summary>
    public void ReadRecord(long record, int[][] destination)
    {
        LoadRecord(record);
        for (int s = 0; s < Header.Signals.Count; s++)
        {
            EdfSampleCodec.Decode(_record, (int)_signalOffsets[s], Header.Signals[s].SamplesPerRecord, Header.BytesPerSample, destination[s], 0);
        }
    }

    /// <summary>All digital samples of one signal, records concatenated.</summary>
    public int[] ReadDigital(int signal) => ReadDigital(signal, 0, RecordCount);

    /// <summary>Digital samples of one signal over <paramref name="count"/> records from <paramref name="firstRecord"/>.</summary>
    public int[] ReadDigital(int signal, long firstRecord, long count)
    {
        CheckSignal(signal);
        if (firstRecord < 0 || count < 0 || firstRecord + count > RecordCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "Records " + firstRecord + ".." + (firstRecord + count) + " are outside 0.." + RecordCount + ".");
        }

        int perRecord = Header.Signals[signal].SamplesPerRecord;
        var samples = new int[checked((int)(count * perRecord))];
        int segment = perRecord * Header.BytesPerSample;
        for (long r = 0; r < count; r++)
        {
            // Only this signal's bytes of the record: reading one channel should not cost the whole montage.
            _stream.Seek(Header.HeaderBytes + ((firstRecord + r) * _record.Length) + _signalOffsets[signal], SeekOrigin.Begin);
            _stream.ReadExactly(_record, 0, segment);
            EdfSampleCodec.Decode(_record, 0, perRecord, Header.BytesPerSample, samples, (int)(r * perRecord));
        }

        return samples;
    }

    /// <summary>All samples of one signal in physical units (digital scaled by the header's min/max line).</summary>
    public double[] ReadPhysical(int signal)
    {
        int[] digital = ReadDigital(signal);
        EdfSignal s = Header.Signals[signal];
        double gain = s.Gain, offset = s.Offset;
        var physical = new double[digital.Length];
        for (int i = 0; i < digital.Length; i++)
        {
            physical[i] = (gain * digital[i]) + offset;
        }

        return physical;
    }

    /// <summary>Every annotation with a text, in file order (time-keeping TALs excluded; see <see cref="ReadRecordOnsets"/>).</summary>
    public IReadOnlyList<EdfAnnotation> ReadAnnotations()
    {
        var annotations = new List<EdfAnnotation>();
        ScanAnnotations(annotations, null);
        return annotations;
    }

    /// <summary>
    /// Start of each record in seconds from the file start: the time-keeping TALs of EDF+/BDF+ files
    /// (needed for EDF+D), or record index x duration for files without annotations.
    /// </summary>
    public double[] ReadRecordOnsets()
    {
        var onsets = new double[RecordCount];
        for (long r = 0; r < RecordCount; r++)
        {
            onsets[r] = r * Header.RecordDuration;
        }

        ScanAnnotations(null, onsets);
        return onsets;
    }

    public void Dispose() => _stream.Dispose();

    private void ScanAnnotations(List<EdfAnnotation>? annotations, double[]? onsets)
    {
        var sink = annotations ?? [];
        for (long r = 0; r < RecordCount; r++)
        {
            LoadRecord(r);
            bool firstAnnotationSignal = true;
            for (int s = 0; s < Header.Signals.Count; s++)
            {
                if (!Header.Signals[s].IsAnnotation)
                {
                    continue;
                }

                int length = Header.Signals[s].SamplesPerRecord * Header.BytesPerSample;
                long fileOffset = Header.HeaderBytes + (r * _record.Length) + _signalOffsets[s];
                double? onset = TalCodec.Read(_record, (int)_signalOffsets[s], length, fileOffset, sink);
                if (firstAnnotationSignal && onset is double start && onsets is not null)
                {
                    onsets[r] = start;
                }

                firstAnnotationSignal = false;
            }

            if (annotations is null)
            {
                sink.Clear();
            }
        }
    }

    private void LoadRecord(long record)
    {
        if (record < 0 || record >= RecordCount)
        {
            throw new ArgumentOutOfRangeException(nameof(record), "Record " + record + " is outside 0.." + (RecordCount - 1) + ".");
        }

        _stream.Seek(Header.HeaderBytes + (record * _record.Length), SeekOrigin.Begin);
        _stream.ReadExactly(_record);
    }

    private void CheckSignal(int signal)
    {
        if (signal < 0 || signal >= Header.Signals.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(signal), "Signal " + signal + " is outside 0.." + (Header.Signals.Count - 1) + ".");
        }
    }
}
