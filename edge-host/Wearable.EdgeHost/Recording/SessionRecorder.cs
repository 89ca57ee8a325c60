using Wearable.EdgeHost.Sessions;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Writes a session's stream to EDF+ as it arrives: one data signal per EXG channel in µV (the
/// device's int16 counts stored unchanged, the µV scale in the header), one-second data records, and
/// markers and inference events as annotations timed from the first sample. Subscribes to the
/// session's receive thread, so a slow disk never drops blocks from the session's own buffer.
/// </summary>
public sealed class SessionRecorder : IDisposable
{
    private readonly DeviceSession _session;
    private readonly EdfWriter _writer;
    private readonly object _gate = new();
    private readonly short[][] _record;
    private readonly int _channels;
    private readonly int _samplesPerRecord;
    private int _filled;
    private double _startUnix = double.NaN;
    private long _samplesWritten;
    private bool _disposed;

    private SessionRecorder(DeviceSession session, EdfWriter writer, int channels, int samplesPerRecord, string path)
    {
        _session = session;
        _writer = writer;
        _channels = channels;
        _samplesPerRecord = samplesPerRecord;
        Path = path;
        _record = new short[channels][];
        for (int c = 0; c < channels; c++)
        {
            _record[c] = new short[samplesPerRecord];
        }

        session.BlockReceived += OnBlock;
        session.InferenceReceived += OnInference;
        session.MarkerPlaced += OnMarker;
    }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>Samples per channel written so far (whole records only; a partial last record is padded on dispose).</summary>
    public long SamplesWritten => Interlocked.Read(ref _samplesWritten);

    /// <summary>Complete data records on disk.</summary>
    public long RecordsWritten
    {
        get
        {
            lock (_gate)
            {
                return _writer.RecordsWritten;
            }
        }
    }

    /// <summary>Starts recording a prepared session to <paramref name="path"/> (EDF+C).</summary>
    public static SessionRecorder Start(DeviceSession session, string path, string? recordingId = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        BoardDescription board = session.Board ?? throw new InvalidOperationException("Prepare the session before recording: the channel layout comes from the device.");
        int channels = board.ChannelNames.Count;
        double full = short.MaxValue * board.MicrovoltsPerCount;
        var signals = board.ChannelNames
            .Select(name => EdfSignal.Data(name, board.SamplingRate, -(short.MaxValue + 1) * board.MicrovoltsPerCount, full, short.MinValue, short.MaxValue, "uV", "wearable " + board.Name))
            .ToArray();
        var options = new EdfWriterOptions
        {
            Variant = EdfVariant.Edf,
            Annotations = true,
            Signals = signals,
            RecordingId = recordingId ?? ("Startdate " + DateTime.UtcNow.ToString("dd-MMM-yyyy", System.Globalization.CultureInfo.InvariantCulture).ToUpperInvariant() + " X X wearable"),
            StartTime = DateTime.Now,
            RecordDuration = 1.0,
        };
        EdfWriter writer = EdfWriter.Create(path, options);
        return new SessionRecorder(session, writer, channels, board.SamplingRate, path);
    }

    /// <summary>Adds a text annotation at the current time (e.g. what the user did).</summary>
    public void Annotate(string text)
    {
        lock (_gate)
        {
            if (!_disposed && !double.IsNaN(_startUnix))
            {
                _writer.AddAnnotation(Math.Max(0, HostClock.NowUnix() - _startUnix), null, text);
            }
        }
    }

    /// <summary>Stops recording, pads the last partial record with zeros and finalises the header.</summary>
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
            if (_filled > 0)
            {
                for (int c = 0; c < _channels; c++)
                {
                    Array.Clear(_record[c], _filled, _samplesPerRecord - _filled);
                }

                _writer.AddAnnotation(_writer.RecordsWritten + ((double)_filled / _samplesPerRecord), null, "recording end (rest of record padded)");
                _writer.WriteRecord(_record);
                _filled = 0;
            }

            _writer.Dispose();
        }
    }

    private void OnBlock(SampleBlock block)
    {
        if (block.Kind is not (Kernels.Link.LinkStreamKind.Raw or Kernels.Link.LinkStreamKind.Filtered))
        {
            return;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (double.IsNaN(_startUnix))
            {
                _startUnix = block.UnixTimestamp;
            }

            int channels = Math.Min(block.ChannelCount, _channels);
            short[] counts = block.Counts;
            for (int s = 0; s < block.SampleCount; s++)
            {
                int offset = s * block.ChannelCount;
                for (int c = 0; c < channels; c++)
                {
                    _record[c][_filled] = counts[offset + c];
                }

                if (++_filled == _samplesPerRecord)
                {
                    _writer.WriteRecord(_record);
                    _filled = 0;
                    Interlocked.Add(ref _samplesWritten, _samplesPerRecord);
                }
            }
        }
    }

    private void OnMarker(MarkerPlacement marker)
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                // Called just before the marker's block is written, so the onset is exact in samples.
                double onset = ((_writer.RecordsWritten * _samplesPerRecord) + _filled + marker.SampleIndex) / (double)_samplesPerRecord;
                _writer.AddAnnotation(onset, null, "marker " + marker.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private void OnInference(InferenceEvent inference)
    {
        lock (_gate)
        {
            if (!_disposed && !double.IsNaN(_startUnix))
            {
                _writer.AddAnnotation(Math.Max(0, inference.UnixTimestamp - _startUnix), null, "class " + inference.ClassId + " score " + inference.Score.ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
