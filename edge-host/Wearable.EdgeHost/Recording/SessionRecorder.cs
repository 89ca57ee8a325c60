using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Writes a session's stream to EDF+ (.edf) or BDF+ (.bdf) as it arrives: one data signal per EXG
/// channel in µV (the device's int16 counts stored unchanged, the µV scale in the header), one-second
/// data records, markers, inference events and lost spans as annotations (<see cref="StreamRecording"/>).
/// Subscribes to the session's receive thread, so a slow disk never drops blocks from the session's own buffer.
/// </summary>
public sealed class SessionRecorder : IMarkerSink, IDisposable
{
    /// <summary>Annotation bytes per one-second record: room for ~30 decisions a second before the writer has to widen the file at close.</summary>
    public const int AnnotationBytesPerRecord = 1024;

    private readonly DeviceSession _session;
    private readonly StreamRecording _recording;
    private readonly object _gate = new();
    private bool _disposed;

    private SessionRecorder(DeviceSession session, StreamRecording recording, string path)
    {
        _session = session;
        _recording = recording;
        Path = path;
        session.BlockReceived += OnBlock;
        session.InferenceReceived += OnInference;
        session.MarkerPlaced += OnMarker;
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Samples per channel in the file so far (zero-filled lost spans included; a partial last record is padded on dispose).</summary>
    public long SamplesWritten
    {
        get
        {
            lock (_gate)
            {
                return _recording.Position;
            }
        }
    }

    /// <summary>Samples per channel zero-filled (and marked BAD_ACQ_SKIP) for blocks the device or the link lost.</summary>
    public long LostSamplesFilled
    {
        get
        {
            lock (_gate)
            {
                return _recording.LostSamplesFilled;
            }
        }
    }

    /// <summary>Complete data records on disk.</summary>
    public long RecordsWritten
    {
        get
        {
            lock (_gate)
            {
                return _recording.RecordsWritten;
            }
        }
    }

    /// <summary>
    /// Starts recording a prepared session to <paramref name="path"/>: EDF+C for .edf, BDF+C (24-bit) for .bdf;
    /// any other extension is refused with an <see cref="ArgumentException"/>.
    /// </summary>
    public static SessionRecorder Start(DeviceSession session, string path, string? recordingId = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        BoardDescription board = session.Board ?? throw new InvalidOperationException("Prepare the session before recording: the channel layout comes from the device.");
        EdfVariant variant = RecordingFormat.FromPath(path);
        EdfWriter writer = EdfWriter.Create(path, Options(board, variant, recordingId));
        var recording = new StreamRecording(writer, board.ChannelNames.Count, board.SamplingRate, board.SamplingRate);
        return new SessionRecorder(session, recording, path);
    }

    /// <summary>
    /// The file layout for a device: its int16 counts as digital values (in BDF too, so the µV scale is the
    /// same straight line), one-second records, and the annotation signal.
    /// </summary>
    public static EdfWriterOptions Options(BoardDescription board, EdfVariant variant, string? recordingId = null)
    {
        double full = short.MaxValue * board.MicrovoltsPerCount;
        var signals = board.ChannelNames
            .Select(name => EdfSignal.Data(name, board.SamplingRate, -(short.MaxValue + 1) * board.MicrovoltsPerCount, full, short.MinValue, short.MaxValue, "uV", "wearable " + board.Name))
            .ToArray();
        return new EdfWriterOptions
        {
            Variant = variant,
            Annotations = true,
            Signals = signals,
            RecordingId = recordingId ?? ("Startdate " + DateTime.UtcNow.ToString("dd-MMM-yyyy", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant() + " X X wearable"),
            StartTime = DateTime.Now,
            RecordDuration = 1.0,
            AnnotationBytesPerRecord = AnnotationBytesPerRecord,
        };
    }

    /// <summary>Adds a text annotation at the current end of the recording (e.g. what the user did).</summary>
    public void Annotate(string text)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _recording.Annotate(text);
            }
        }
    }

    /// <inheritdoc/>
    public EdfAnnotation AddMarker(string text, double? durationSeconds = null)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _recording.AddMarker(text, durationSeconds);
        }
    }

    /// <summary>Stops recording, pads the last partial record with zeros and finalises the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _session.BlockReceived -= OnBlock;
            _session.InferenceReceived -= OnInference;
            _session.MarkerPlaced -= OnMarker;
            _recording.Finish();
        }
    }

    private void OnBlock(SampleBlock block)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _recording.Append(block);
            }
        }
    }

    private void OnMarker(MarkerPlacement marker)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                // Called just before the marker's block is appended, so the onset is exact in samples.
                _recording.AddMarker(marker);
            }
        }
    }

    private void OnInference(InferenceEvent inference)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _recording.AddInference(inference);
            }
        }
    }
}
