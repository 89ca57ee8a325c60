using Wearable.EdgeHost.Sessions;

namespace Wearable.View;

/// <summary>
/// Collects a session's blocks, decisions and markers (on the session's threads) and turns them into
/// <see cref="LiveFrame"/>s (on the server's frame timer): decimated traces since the last frame, RMS
/// over the latest <see cref="RmsSeconds"/>, spectra over the latest <see cref="SpectrumLength"/>
/// samples and contact over the latest second.
/// </summary>
public sealed class LiveViewFeed
{
    /// <summary>Seconds of signal behind each RMS bar.</summary>
    public const double RmsSeconds = 0.25;

    /// <summary>Display buckets per second per channel (each a min, max pair).</summary>
    public const int BucketsPerSecond = 250;

    private readonly object _gate = new();
    private readonly string _device;
    private readonly string[] _channels;
    private readonly Func<int, string> _label;
    private readonly TraceDecimator _decimator;
    private readonly RecentSamples _recent;
    private readonly double[] _sample;
    private readonly List<LiveMarker> _markers = [];
    private LiveDecision? _decision;
    private long _decisions;
    private long _samples;
    private long _lost;
    private long _frames;

    public LiveViewFeed(string device, int sampleRate, IReadOnlyList<string> channels, Func<int, string>? label = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        _device = device;
        SampleRate = sampleRate;
        _channels = [.. channels];
        _label = label ?? (id => "class " + id);
        _decimator = new TraceDecimator(_channels.Length, TraceDecimator.FactorFor(sampleRate, BucketsPerSecond));
        SpectrumLength = SpectrumLengthFor(sampleRate);
        _recent = new RecentSamples(_channels.Length, Math.Max(SpectrumLength, sampleRate));
        _sample = new double[_channels.Length];
    }

    public int SampleRate { get; }

    /// <summary>Samples per spectrum: the largest power of two within half a second (at least 64), so bins stay a few Hz wide.</summary>
    public int SpectrumLength { get; }

    /// <summary>Feeds a session: blocks, decisions and markers from now on.</summary>
    public static LiveViewFeed Attach(DeviceSession session, Func<int, string>? label = null)
    {
        BoardDescription board = session.Board ?? throw new InvalidOperationException("Prepare the session first: the channel layout comes from the device.");
        var feed = new LiveViewFeed(board.Name + " " + session.DeviceId, board.SamplingRate, board.ChannelNames, label);
        session.BlockReceived += feed.Add;
        session.InferenceReceived += feed.Add;
        session.MarkerPlaced += feed.Add;
        return feed;
    }

    public static int SpectrumLengthFor(int sampleRate)
    {
        int length = 64;
        while (length * 2 <= sampleRate / 2)
        {
            length *= 2;
        }

        return length;
    }

    /// <summary>A Raw or Filtered block (other kinds carry no channel samples).</summary>
    public void Add(SampleBlock block)
    {
        if (block.Kind is not (StreamKind.Raw or StreamKind.Filtered))
        {
            return;
        }

        lock (_gate)
        {
            _lost += block.LostSamplesBefore;
            int channels = Math.Min(block.ChannelCount, _channels.Length);
            for (int s = 0; s < block.SampleCount; s++)
            {
                for (int c = 0; c < channels; c++)
                {
                    _sample[c] = block.Microvolts(s, c);
                }

                _decimator.Add(_sample);
                _recent.Add(_sample);
            }

            _samples += block.SampleCount;
        }
    }

    public void Add(InferenceEvent decision)
    {
        lock (_gate)
        {
            _decisions++;
            _decision = new LiveDecision(decision.ClassId, _label(decision.ClassId), Math.Round(Math.Clamp(decision.Score, 0, 1), 3), decision.UnixTimestamp, _decisions);
        }
    }

    /// <summary>A marker placed on sample <see cref="MarkerPlacement.SampleIndex"/> of the block about to be added.</summary>
    public void Add(MarkerPlacement marker)
    {
        lock (_gate)
        {
            _markers.Add(new LiveMarker((int)marker.Value, "marker " + marker.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), _samples + marker.SampleIndex));
        }
    }

    /// <summary>The frame to send now: what arrived since the previous one, and the current figures.</summary>
    public LiveFrame TakeFrame(RecordingStatus recording)
    {
        lock (_gate)
        {
            var rms = new double[_channels.Length];
            int rmsLength = Math.Max(1, (int)(RmsSeconds * SampleRate));
            LiveSpectrum? spectrum = _recent.Count >= SpectrumLength ? new LiveSpectrum(SampleRate / (double)SpectrumLength, new double[_channels.Length][]) : null;
            ContactVerdict[]? contact = _recent.Count >= SampleRate ? new ContactVerdict[_channels.Length] : null;
            for (int c = 0; c < _channels.Length; c++)
            {
                rms[c] = Math.Round(SignalFigures.Rms(_recent.Latest(c, rmsLength)), 2);
                if (spectrum is not null)
                {
                    spectrum.Amplitudes[c] = Round(SignalFigures.AmplitudeSpectrum(_recent.Latest(c, SpectrumLength)));
                }

                if (contact is not null)
                {
                    contact[c] = SignalFigures.Contact(_recent.Latest(c, SampleRate), SampleRate);
                }
            }

            LiveMarker[] markers = [.. _markers];
            _markers.Clear();
            return new LiveFrame(++_frames, _device, SampleRate, _decimator.Factor, _samples, _lost, _channels, _decimator.Take(), rms, spectrum, contact, _decision, markers, recording);
        }
    }

    private static double[] Round(double[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Math.Round(values[i], 3);
        }

        return values;
    }
}
