using System.Globalization;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Turns a session's sample blocks, inference events and markers into EDF+/BDF+ records and annotations,
/// on the device's own clock: sample n of the file is n / rate after the first block's first sample, and
/// an event is placed at its device timestamp. Blocks the session reports lost (a counter gap backed by
/// the timestamps) are zero-filled for exactly their length and marked with a BAD_ACQ_SKIP annotation
/// spanning them, so the file's time axis stays true and readers (MNE rejects BAD_ spans) know the
/// span holds no signal. A counter resync is marked too; its length is unknown, so nothing is filled.
/// Not thread-safe: <see cref="SessionRecorder"/> serialises the calls.
/// </summary>
public sealed class StreamRecording
{
    /// <summary>Annotation text of a zero-filled span that stands for lost samples.</summary>
    public const string LostSamplesLabel = "BAD_ACQ_SKIP";

    private readonly EdfWriter _writer;
    private readonly short[][] _record;
    private readonly int _channels;
    private readonly int _samplesPerRecord;
    private readonly int _sampleRate;
    private readonly List<InferenceEvent> _early = [];
    private long _startDeviceMicros;
    private bool _started;
    private int _filled;

    public StreamRecording(EdfWriter writer, int channels, int sampleRate, int samplesPerRecord)
    {
        _writer = writer;
        _channels = channels;
        _sampleRate = sampleRate;
        _samplesPerRecord = samplesPerRecord;
        _record = new short[channels][];
        for (int c = 0; c < channels; c++)
        {
            _record[c] = new short[samplesPerRecord];
        }
    }

    /// <summary>Samples per channel in the file so far (recorded, zero-filled for losses, not yet padded).</summary>
    public long Position => (_writer.RecordsWritten * _samplesPerRecord) + _filled;

    /// <summary>Samples per channel zero-filled for lost blocks.</summary>
    public long LostSamplesFilled { get; private set; }

    /// <summary>Counter resyncs marked in the file.</summary>
    public long Resyncs { get; private set; }

    /// <summary>Complete records in the file.</summary>
    public long RecordsWritten => _writer.RecordsWritten;

    /// <summary>Appends a Raw or Filtered block (other kinds carry no samples of the recorded channels and are ignored).</summary>
    public void Append(SampleBlock block)
    {
        if (block.Kind is not (StreamKind.Raw or StreamKind.Filtered))
        {
            return;
        }

        if (!_started)
        {
            _started = true;
            _startDeviceMicros = block.DeviceTimestampMicros;
            foreach (InferenceEvent early in _early)
            {
                AddInference(early);
            }

            _early.Clear();
        }
        else if (block.LostSamplesBefore > 0)
        {
            FillLoss(block.LostSamplesBefore, block.LostSamplesBefore / block.SampleCount);
        }
        else if (block.ResynchronisedBefore)
        {
            Resyncs++;
            _writer.AddAnnotation(Seconds(Position), null, "device block counter resynchronised (unknown gap before this point)");
            // The device's clock may have restarted: later events are timed from this block.
            _startDeviceMicros = block.DeviceTimestampMicros - (Position * 1_000_000L / _sampleRate);
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

            Advance();
        }
    }

    /// <summary>A decision of the device's model, placed at its device timestamp.</summary>
    public void AddInference(InferenceEvent inference)
    {
        if (!_started)
        {
            // Its block has not arrived yet: the file's time zero is not known.
            _early.Add(inference);
            return;
        }

        double onset = Math.Max(0, (inference.DeviceTimestampMicros - _startDeviceMicros) / 1e6);
        _writer.AddAnnotation(onset, null, "class " + inference.ClassId + " score " + inference.Score.ToString("F2", CultureInfo.InvariantCulture));
    }

    /// <summary>A marker the session placed on sample <see cref="MarkerPlacement.SampleIndex"/> of the block about to be appended.</summary>
    public void AddMarker(MarkerPlacement marker) =>
        _writer.AddAnnotation(Seconds(Position + marker.SampleIndex), null, "marker " + marker.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A text annotation at the current end of the recording.</summary>
    public void Annotate(string text) => _writer.AddAnnotation(Seconds(Position), null, text);

    /// <summary>
    /// A marker or cue at the current end of the recording, spanning <paramref name="durationSeconds"/>
    /// when given; returns the annotation as written (see <see cref="IMarkerSink"/>).
    /// </summary>
    public EdfAnnotation AddMarker(string text, double? durationSeconds)
    {
        MarkerText.Check(text, durationSeconds);
        var annotation = new EdfAnnotation(Seconds(Position), durationSeconds, text);
        _writer.AddAnnotation(annotation.Onset, annotation.Duration, annotation.Text);
        return annotation;
    }

    /// <summary>Marks the end (padding the last partial record with zeros, and saying so), then closes the file.</summary>
    public void Finish()
    {
        if (_filled > 0)
        {
            for (int c = 0; c < _channels; c++)
            {
                Array.Clear(_record[c], _filled, _samplesPerRecord - _filled);
            }

            _writer.AddAnnotation(Seconds(Position), null, "recording end (rest of record padded)");
            _writer.WriteRecord(_record);
            _filled = 0;
        }
        else if (_writer.RecordsWritten > 0)
        {
            // Ended on a record boundary: the end is still marked, in the last record's free annotation space.
            _writer.AddAnnotation(Seconds(Position), null, "recording end");
        }

        foreach (InferenceEvent early in _early)
        {
            _writer.AddAnnotation(0, null, "class " + early.ClassId + " score " + early.Score.ToString("F2", CultureInfo.InvariantCulture));
        }

        _early.Clear();
        _writer.Dispose();
    }

    private void FillLoss(long samples, long blocks)
    {
        _writer.AddAnnotation(
            Seconds(Position),
            samples / (double)_sampleRate,
            LostSamplesLabel + " " + samples + " samples per channel lost (" + blocks + " blocks), zero-filled");
        LostSamplesFilled += samples;
        for (long n = 0; n < samples; n++)
        {
            for (int c = 0; c < _channels; c++)
            {
                _record[c][_filled] = 0;
            }

            Advance();
        }
    }

    private void Advance()
    {
        if (++_filled == _samplesPerRecord)
        {
            _writer.WriteRecord(_record);
            _filled = 0;
        }
    }

    private double Seconds(long sample) => sample / (double)_sampleRate;
}
