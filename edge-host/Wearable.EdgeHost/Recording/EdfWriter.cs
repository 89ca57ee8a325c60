using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Streams an EDF+/BDF+ (or plain EDF/BDF) recording to disk, crash-safely: the header is written first
/// with "number of data records" = -1, every record goes to the OS in one positioned write as soon as it is
/// complete, and only then is the header's count updated. A process killed at any point leaves a file
/// that reads back up to its last complete record (and <see cref="RecordingRepair"/> tidies the rest).
/// </summary>
public sealed class EdfWriter : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly string _path;
    private readonly bool _flushToDisk;
    private readonly int _annotationSignal;
    private readonly int[] _signalOffsets;
    private readonly byte[] _record;
    private readonly Queue<EdfAnnotation> _pending = new();
    private readonly int _annotationBytes;
    private readonly decimal _recordDuration;
    private readonly byte[] _countField = new byte[8];
    private int _annotationEnd;
    private EdfHeader _header;
    private bool _disposed;

    private EdfWriter(string path, SafeFileHandle file, EdfHeader header, int annotationSignal, bool flushToDisk)
    {
        _path = path;
        _file = file;
        _header = header;
        _annotationSignal = annotationSignal;
        _flushToDisk = flushToDisk;
        _recordDuration = (decimal)header.RecordDuration;
        _signalOffsets = new int[header.Signals.Count];
        int offset = 0;
        for (int i = 0; i < _signalOffsets.Length; i++)
        {
            _signalOffsets[i] = offset;
            offset += header.Signals[i].SamplesPerRecord * header.BytesPerSample;
        }

        _record = new byte[offset];
        _annotationBytes = annotationSignal >= 0 ? header.Signals[annotationSignal].SamplesPerRecord * header.BytesPerSample : 0;
    }

    /// <summary>The header as written so far (<see cref="EdfHeader.DataRecords"/> follows <see cref="RecordsWritten"/>).</summary>
    public EdfHeader Header => _header.DataRecords == RecordsWritten ? _header : (_header = _header with { DataRecords = RecordsWritten });

    public long RecordsWritten { get; private set; }

    /// <summary>Samples outside their signal's digital range, clamped on the way in (the ADC clipped them anyway).</summary>
    public long ClippedSamples { get; private set; }

    /// <summary>
    /// Annotations queued for the next record (they are written only inside records). After Dispose: 0 unless
    /// no record was ever written (annotations need a record to live in).
    /// </summary>
    public int PendingAnnotations => _pending.Count;

    /// <summary>True when Dispose had to rewrite the file with a wider annotation signal to hold every annotation.</summary>
    public bool AnnotationsWidened { get; private set; }

    /// <summary>Creates (or overwrites) <paramref name="path"/> and writes the header with record count -1.</summary>
    public static EdfWriter Create(string path, EdfWriterOptions options)
    {
        var (header, annotationSignal) = BuildHeader(options);
        byte[] headerBytes = EdfHeaderFormatter.Format(header);
        SafeFileHandle file = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            RandomAccess.Write(file, headerBytes, 0);
            return new EdfWriter(path, file, header, annotationSignal, options.FlushToDisk);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Appends one record from 16-bit samples: <paramref name="samples"/>[s] holds data signal s's SamplesPerRecord values.</summary>
    public void WriteRecord(short[][] samples)
    {
        CheckRecordShape(samples.Length, i => samples[i].Length);
        int data = 0;
        for (int s = 0; s < _header.Signals.Count; s++)
        {
            if (s == _annotationSignal)
            {
                continue;
            }

            short[] values = samples[data++];
            for (int i = 0; i < values.Length; i++)
            {
                PutSample(s, i, values[i]);
            }
        }

        Commit();
    }

    /// <summary>Appends one record from 32-bit samples (BDF's 24-bit range, or EDF's 16-bit range).</summary>
    public void WriteRecord(int[][] samples)
    {
        CheckRecordShape(samples.Length, i => samples[i].Length);
        int data = 0;
        for (int s = 0; s < _header.Signals.Count; s++)
        {
            if (s == _annotationSignal)
            {
                continue;
            }

            int[] values = samples[data++];
            for (int i = 0; i < values.Length; i++)
            {
                PutSample(s, i, values[i]);
            }
        }

        Commit();
    }

    /// <summary>
    /// Queues a marker or inference event; it is written into the next record (onset is seconds from the
    /// start time, so it may point before or after that record).
    /// </summary>
    public void AddAnnotation(double onset, double? duration, string text)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_annotationSignal < 0)
        {
            throw new InvalidOperationException("This recording was created without an annotation signal (EdfWriterOptions.Annotations = false).");
        }

        TalCodec.ValidateText(text);
        int room = _annotationBytes - TimeKeepingSize(99_999_999);
        if (TalCodec.Size(onset, duration, text) > room)
        {
            throw new ArgumentException("Annotation '" + text + "' needs more than the " + room + " bytes a record has for it; shorten it or raise EdfWriterOptions.AnnotationBytesPerRecord.", nameof(text));
        }

        _pending.Enqueue(new EdfAnnotation(onset, duration, text));
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        PlaceLateAnnotations();
        if (_flushToDisk)
        {
            RandomAccess.FlushToDisk(_file);
        }

        _file.Dispose();
        if (_pending.Count > 0 && RecordsWritten > 0)
        {
            // More markers and decisions than the annotation signal had room for: none of them is dropped.
            AnnotationWidening.Widen(_path, Header, _annotationSignal, _pending.ToArray());
            _pending.Clear();
            AnnotationsWidened = true;
        }
    }

    private static (EdfHeader Header, int AnnotationSignal) BuildHeader(EdfWriterOptions options)
    {
        if (options.Signals.Count == 0)
        {
            throw new ArgumentException("A recording needs at least one data signal.", nameof(options));
        }

        if (!(options.RecordDuration > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RecordDuration must be > 0 seconds, got " + options.RecordDuration + ".");
        }

        bool bdf = options.Variant == EdfVariant.Bdf;
        int lowest = bdf ? -8388608 : short.MinValue, highest = bdf ? 8388607 : short.MaxValue;
        var signals = new List<EdfSignal>();
        foreach (var signal in options.Signals)
        {
            if (signal.SamplesPerRecord < 1 || signal.DigitalMinimum < lowest || signal.DigitalMaximum > highest
                || signal.DigitalMinimum >= signal.DigitalMaximum || signal.IsAnnotation)
            {
                throw new ArgumentException(
                    "Signal '" + signal.Label + "' needs SamplesPerRecord >= 1 and " + lowest + " <= digital min < digital max <= " + highest
                    + (signal.IsAnnotation ? " (and annotation signals are added by the writer)" : "") + ".", nameof(options));
            }

            // Store min/max exactly as the 8-character fields will hold them, so Header matches what a reader sees.
            signals.Add(signal with
            {
                PhysicalMinimum = Fit(signal.PhysicalMinimum, "physical minimum"),
                PhysicalMaximum = Fit(signal.PhysicalMaximum, "physical maximum"),
            });
            if (signals[^1].PhysicalMinimum == signals[^1].PhysicalMaximum)
            {
                throw new ArgumentException("Signal '" + signal.Label + "' has equal physical minimum and maximum after fitting EDF's 8 characters.", nameof(options));
            }
        }

        int annotationSignal = -1;
        if (options.Annotations)
        {
            int bytesPerSample = bdf ? 3 : 2;
            annotationSignal = signals.Count;
            signals.Add(new EdfSignal
            {
                Label = bdf ? EdfSignal.BdfAnnotationsLabel : EdfSignal.EdfAnnotationsLabel,
                PhysicalMinimum = -1,
                PhysicalMaximum = 1,
                DigitalMinimum = lowest,
                DigitalMaximum = highest,
                SamplesPerRecord = Math.Max(1, (options.AnnotationBytesPerRecord + bytesPerSample - 1) / bytesPerSample),
            });
        }

        DateTime start = options.StartTime;
        start = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, DateTimeKind.Unspecified);
        string recording = options.RecordingId
            ?? "Startdate " + start.ToString("dd-MMM-yyyy", CultureInfo.InvariantCulture).ToUpperInvariant() + " X X X";
        var header = new EdfHeader
        {
            Variant = options.Variant,
            PatientId = options.PatientId,
            RecordingId = recording,
            StartTime = start,
            HeaderBytes = EdfHeader.BlockSize * (signals.Count + 1),
            Reserved = options.Annotations ? (bdf ? "BDF+C" : "EDF+C") : (bdf ? "24BIT" : ""),
            DataRecords = -1,
            RecordDuration = Fit(options.RecordDuration, "duration of a data record"),
            Signals = signals,
        };
        return (header, annotationSignal);
    }

    private static double Fit(double value, string field) =>
        double.Parse(EdfHeaderFormatter.FormatNumber(value, 8, field), CultureInfo.InvariantCulture);

    private void CheckRecordShape(int signals, Func<int, int> length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int expected = _header.Signals.Count - (_annotationSignal >= 0 ? 1 : 0);
        if (signals != expected)
        {
            throw new ArgumentException("A record needs " + expected + " data signals, got " + signals + ".");
        }

        int data = 0;
        for (int s = 0; s < _header.Signals.Count; s++)
        {
            if (s == _annotationSignal)
            {
                continue;
            }

            if (length(data) != _header.Signals[s].SamplesPerRecord)
            {
                throw new ArgumentException("Signal '" + _header.Signals[s].Label + "' needs " + _header.Signals[s].SamplesPerRecord + " samples per record, got " + length(data) + ".");
            }

            data++;
        }
    }

    private void PutSample(int signal, int index, int value)
    {
        EdfSignal s = _header.Signals[signal];
        if (value < s.DigitalMinimum || value > s.DigitalMaximum)
        {
            value = Math.Clamp(value, s.DigitalMinimum, s.DigitalMaximum);
            ClippedSamples++;
        }

        EdfSampleCodec.Encode(value, _header.BytesPerSample, _record, _signalOffsets[signal] + (index * _header.BytesPerSample));
    }

    private void Commit()
    {
        if (_annotationSignal >= 0)
        {
            FillAnnotations();
        }

        if (RecordsWritten >= 99_999_999)
        {
            throw new InvalidOperationException("EDF's record count field holds at most 99999999 records; start a new file.");
        }

        long offset = _header.HeaderBytes + (RecordsWritten * _record.Length);
        // The data first, then the count: a crash between the two leaves a count that is one short, never one too many.
        RandomAccess.Write(_file, _record, offset);
        RecordsWritten++;
        WriteCountField(RecordsWritten);
        RandomAccess.Write(_file, _countField, EdfHeader.DataRecordCountOffset);
        if (_flushToDisk)
        {
            RandomAccess.FlushToDisk(_file);
        }
    }

    private void FillAnnotations()
    {
        int start = _signalOffsets[_annotationSignal];
        int end = start + _annotationBytes;
        Array.Clear(_record, start, _annotationBytes);
        string onset = "+" + (_recordDuration * RecordsWritten).ToString(CultureInfo.InvariantCulture);
        int at = WriteTimeKeeping(start, end, onset);
        while (_pending.Count > 0)
        {
            EdfAnnotation next = _pending.Peek();
            int after = TalCodec.Write(_record, at, end, next.Onset, next.Duration, next.Text);
            if (after < 0)
            {
                break;
            }

            at = after;
            _pending.Dequeue();
        }

        _annotationEnd = at;
    }

    /// <summary>
    /// Markers added after the last record (a "stop" marker, say) go into the unused annotation bytes of the
    /// record already on disk, so closing a recording does not lose them and adds no invented samples.
    /// </summary>
    private void PlaceLateAnnotations()
    {
        if (_pending.Count == 0 || RecordsWritten == 0 || _annotationSignal < 0)
        {
            return;
        }

        int from = _annotationEnd;
        int end = _signalOffsets[_annotationSignal] + _annotationBytes;
        int at = from;
        while (_pending.Count > 0)
        {
            EdfAnnotation next = _pending.Peek();
            int after = TalCodec.Write(_record, at, end, next.Onset, next.Duration, next.Text);
            if (after < 0)
            {
                break;
            }

            at = after;
            _pending.Dequeue();
        }

        if (at > from)
        {
            long recordStart = _header.HeaderBytes + ((RecordsWritten - 1) * _record.Length);
            RandomAccess.Write(_file, _record.AsSpan(from, at - from), recordStart + from);
        }
    }

    private int WriteTimeKeeping(int at, int end, string onset)
    {
        if (at + onset.Length + 3 > end)
        {
            throw new InvalidOperationException("The annotation signal is too small for even the time-keeping annotation; raise AnnotationBytesPerRecord.");
        }

        foreach (char c in onset)
        {
            _record[at++] = (byte)c;
        }

        _record[at++] = 0x14;
        _record[at++] = 0x14;
        _record[at++] = 0;
        return at;
    }

    /// <summary>The record count as the 8-character left-justified field, without allocating per record.</summary>
    private void WriteCountField(long count)
    {
        Span<byte> digits = stackalloc byte[20];
        int n = 0;
        do
        {
            digits[n++] = (byte)('0' + (count % 10));
            count /= 10;
        }
        while (count > 0);

        for (int i = 0; i < _countField.Length; i++)
        {
            _countField[i] = i < n ? digits[n - 1 - i] : (byte)' ';
        }
    }

    private int TimeKeepingSize(long record) =>
        ("+" + (_recordDuration * record).ToString(CultureInfo.InvariantCulture)).Length + 3;
}
