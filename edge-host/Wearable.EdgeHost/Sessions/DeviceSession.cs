using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Wearable.EdgeHost.Calibration;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Pairing;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// A connection to one device, BrainFlow-style: connect, prepare (hello + authenticate with the stored
/// key), start the stream, then either pull rows (<see cref="GetCurrentData"/>, <see cref="GetAllData"/>)
/// or await blocks (<see cref="ReadBlocksAsync"/>). A receive thread turns link blocks into rows (EXG in
/// µV, block counter, UNIX timestamp from the synchronised device clock, markers), counts gaps, keeps
/// the clock in sync and reconnects after the link is lost. It connects through <see cref="DeviceConnector"/>,
/// and its public surface speaks host types only (<see cref="DeviceInfo"/>, <see cref="SampleBlock"/>, ...):
/// every async method honours its cancellation token at once, and a link that cannot be regained ends
/// the readers with a <see cref="LinkLostException"/> carrying the cause.
/// </summary>
public sealed partial class DeviceSession : IAsyncDisposable
{
    private readonly ConnectionString _connection;
    private readonly DeviceConnector _connector;
    private readonly DeviceSessionOptions _options;
    private readonly SemaphoreSlim _requests = new(1, 1);
    private readonly SequenceGapDetector _gaps = new();
    private readonly DeviceClockMapper _clock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Channel<SampleBlock>> _blockReaders = new();
    private readonly List<Channel<InferenceEvent>> _eventReaders = new();
    private DeviceLink _link;
    private DeviceLinkClient _client;
    private bool _authenticated;
    private SampleRingBuffer? _ring;
    private double[] _row = [];
    private StreamSelection? _streaming;
    private Thread? _pump;
    private Timer? _syncTimer;
    private double _pendingMarker;
    private long _blocks;
    private long _samples;
    private long _reconnects;
    private long _events;
    private long _lostSamples;
    private long _crcBefore;
    private long _rejectedBefore;
    private long _bytesBefore;
    private uint _pingId;
    private volatile bool _disposed;
    private volatile LinkLostException? _lostCause;

    private DeviceSession(ConnectionString connection, DeviceConnector connector, DeviceSessionOptions options, DeviceLink link)
    {
        _connection = connection;
        _connector = connector;
        _options = options;
        _link = link;
        _client = link.Client;
        Attach(_client);
    }

    /// <summary>Status changes (link lost, reconnecting, ...), raised on the session's threads.</summary>
    public event Action<SessionStatus>? StatusChanged;

    /// <summary>Every block as it arrives, on the receive thread (recorders subscribe here so nothing is dropped).</summary>
    public event Action<SampleBlock>? BlockReceived;

    /// <summary>A marker from <see cref="InsertMarker"/> landed on sample <c>SampleIndex</c> of the block about to be delivered.</summary>
    public event Action<MarkerPlacement>? MarkerPlaced;

    /// <summary>Every inference event as it arrives, on the link's reader thread.</summary>
    public event Action<InferenceEvent>? InferenceReceived;

    /// <summary>Where this session connects.</summary>
    public ConnectionString Connection => _connection;

    /// <summary>What the device said about itself (after <see cref="IdentifyAsync"/>, <see cref="PairAsync"/> or <see cref="PrepareAsync"/>).</summary>
    public DeviceInfo? Info { get; private set; }

    /// <summary>Hex device id (after <see cref="PrepareAsync"/>).</summary>
    public string DeviceId => Info?.DeviceId ?? string.Empty;

    /// <summary>Rows and scale of this device's data (after <see cref="PrepareAsync"/>).</summary>
    public BoardDescription? Board { get; private set; }

    /// <summary>The launched device (sim://) for tools that need it, else null.</summary>
    public LaunchedDevice? LaunchedDevice => _link.Launched;

    /// <summary>True while a stream is running.</summary>
    public bool IsStreaming => _streaming is not null;

    /// <summary>The device-clock to UNIX-time mapping fed by the periodic time sync (thread-safe).</summary>
    public DeviceClockMapper Clock => _clock;

    /// <summary>Opens the transport (starting a virtual device for sim://); call <see cref="PrepareAsync"/> next.</summary>
    public static Task<DeviceSession> ConnectAsync(ConnectionString connection, HostKeyStore keys, DeviceSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        options ??= DeviceSessionOptions.Default;
        var connector = new DeviceConnector(keys, options.Launcher) { RequestTimeout = options.RequestTimeout, PairAutomatically = options.PairAutomatically };
        return Task.Run(
            () =>
            {
                DeviceLink link = connector.Open(connection, cancellationToken);
                var session = new DeviceSession(connection, connector, options, link);
                session.Raise(SessionState.Connected, "connected to " + link.Description);
                return session;
            },
            cancellationToken);
    }

    /// <summary>Asks the device who it is, without authenticating (what 'wearable info' shows).</summary>
    public async Task<DeviceInfo> IdentifyAsync(CancellationToken cancellationToken = default)
    {
        await HelloAsync(cancellationToken).ConfigureAwait(false);
        return Describe();
    }

    // A Hello starts a new session on the device (docs/protocol.md, section 7): an authenticated
    // session proves itself again so the requests after it are still served.
    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        await RequestAsync((_, token) => _connector.Hello(_link, token), cancellationToken).ConfigureAwait(false);
        if (_authenticated)
        {
            await RequestAsync((_, token) => { _connector.Authenticate(_link, token); return 0; }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Pairs this host with the device (its pairing window must be open) and stores the key.</summary>
    public async Task<PairedDevice> PairAsync(CancellationToken cancellationToken = default)
    {
        PairedDevice paired = await RequestAsync((_, token) => _connector.Pair(_link, token), cancellationToken).ConfigureAwait(false);
        Describe();
        return paired;
    }

    /// <summary>Hello, then authentication with the stored key, then a first clock synchronisation.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        await RequestAsync((_, token) => _connector.Hello(_link, token), cancellationToken).ConfigureAwait(false);
        DeviceInfo info = Describe();
        await RequestAsync((_, token) => { _connector.Authenticate(_link, token); return 0; }, cancellationToken).ConfigureAwait(false);
        _authenticated = true;
        for (int i = 0; i < 5; i++)
        {
            await SyncClockAsync(cancellationToken).ConfigureAwait(false);
        }

        _syncTimer = new Timer(_ => TimerSync(), null, _options.TimeSyncInterval, _options.TimeSyncInterval);
        Raise(SessionState.Authenticated, "authenticated with " + info.Board + " " + DeviceId);
    }

    /// <summary>The model the device runs, or null when it runs none.</summary>
    public async Task<ActiveModel?> GetActiveModelAsync(CancellationToken cancellationToken = default)
    {
        await HelloAsync(cancellationToken).ConfigureAwait(false);
        if (Describe().ActiveModelSlot is not int slot)
        {
            return null;
        }

        return await RequestAsync(
            (c, token) => new ActiveModel(
                slot,
                c.GetConfig(DeviceConfigKeys.ActiveModelSize, token),
                (uint)c.GetConfig(DeviceConfigKeys.ActiveModelCrc, token),
                c.GetConfig(DeviceConfigKeys.ActiveModelVerified, token) != 0),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts streaming; rows accumulate in the session buffer and blocks flow to readers.</summary>
    public async Task StartStreamAsync(StreamSelection? selection = null, CancellationToken cancellationToken = default)
    {
        DeviceInfo info = Info ?? throw new InvalidOperationException("Call PrepareAsync before StartStreamAsync.");
        selection ??= StreamSelection.Default;
        int blockSamples = selection.ResolveBlockSamples(info.SampleRateHz, info.ChannelCount);
        _gaps.Reset();
        await RequestAsync((c, token) => { c.StartStream(selection.Kind.ToWire(), blockSamples, selection.ChannelMask, selection.Options, token); return 0; }, cancellationToken).ConfigureAwait(false);
        _streaming = selection with { BlockSamples = blockSamples };
        if (_pump is null)
        {
            _pump = new Thread(Pump) { IsBackground = true, Name = "device-session-rx" };
            _pump.Start();
        }

        Raise(SessionState.Streaming, $"streaming {info.ChannelCount} ch x {info.SampleRateHz} Hz in blocks of {blockSamples}");
    }

    public async Task StopStreamAsync(CancellationToken cancellationToken = default)
    {
        if (_streaming is null)
        {
            return;
        }

        _streaming = null;
        await RequestAsync((c, token) => { c.StopStream(token); return 0; }, cancellationToken).ConfigureAwait(false);
        Raise(SessionState.Stopped, "stream stopped");
    }

    /// <summary>The latest <paramref name="samples"/> samples, rows per <see cref="Board"/>, without removing them.</summary>
    public double[][] GetCurrentData(int samples) => RequireRing().GetCurrentData(samples);

    /// <summary>Everything buffered, rows per <see cref="Board"/>; empties the buffer.</summary>
    public double[][] GetAllData() => RequireRing().GetAllData();

    /// <summary>Puts <paramref name="value"/> (non-zero) in the marker row of the next sample received.</summary>
    public void InsertMarker(double value)
    {
        if (value == 0 || double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A marker is a non-zero number (0 means 'no marker').");
        }

        Volatile.Write(ref _pendingMarker, value);
    }

    /// <summary>Link health so far (survives reconnects).</summary>
    public SessionCounters Counters => new(
        Interlocked.Read(ref _blocks),
        Interlocked.Read(ref _samples),
        _gaps.Lost,
        _gaps.Gaps,
        _gaps.Stale,
        _crcBefore + _client.Decoder.CrcErrors,
        _rejectedBefore + _client.Decoder.FramesRejected,
        _bytesBefore + _client.BytesReceived,
        Interlocked.Read(ref _reconnects),
        Interlocked.Read(ref _events))
    {
        LostSamples = Interlocked.Read(ref _lostSamples),
        Resyncs = _gaps.Resyncs,
    };

    /// <summary>Blocks from now on until cancelled or the session ends.</summary>
    public IAsyncEnumerable<SampleBlock> ReadBlocksAsync(CancellationToken cancellationToken = default) => ReadAsync(_blockReaders, cancellationToken);

    /// <summary>Inference events from now on until cancelled or the session ends.</summary>
    public IAsyncEnumerable<InferenceEvent> ReadInferenceEventsAsync(CancellationToken cancellationToken = default) => ReadAsync(_eventReaders, cancellationToken);

    /// <summary>Sends per-channel EMG calibration (gains, offsets, noise thresholds) to the device.</summary>
    public Task SendCalibrationAsync(IReadOnlyList<EmgChannelCalibration> channels, CancellationToken cancellationToken = default)
    {
        CalibrationMessage message = EmgCalibration.ToMessage(channels);
        return RequestAsync((c, token) => c.Request(message, token), cancellationToken);
    }

    /// <summary>The calibration the device applies now, one entry per channel.</summary>
    public Task<DeviceChannelCalibration[]> ReadCalibrationAsync(CancellationToken cancellationToken = default) =>
        RequestAsync(
            (c, token) =>
            {
                CalibrationMessage kept = c.Request(new CalibrationGetMessage(), token).Read(new CalibrationMessage());
                return Enumerable.Range(0, kept.ChannelCount)
                    .Select(i => new DeviceChannelCalibration(kept.GainQ16[i], kept.OffsetLsb[i], kept.NoiseThresholdLsb[i]))
                    .ToArray();
            },
            cancellationToken);

    /// <summary>Uploads a model into a slot; <paramref name="progress"/> gets bytes sent.</summary>
    public Task UploadModelAsync(byte slot, byte[] model, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        RequestAsync(
            (c, token) =>
            {
                int chunk = ModelChunkMessage.RecommendedDataLength;
                c.UploadModel(slot, model, chunk, n => progress?.Report(Math.Min(model.Length, n * chunk)), token);
                return 0;
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (_streaming is not null && !_client.Closed)
        {
            try
            {
                await StopStreamAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DeviceLinkException or IOException or ObjectDisposedException)
            {
                // Closing anyway: a device that cannot hear the stop will stop when the link drops.
            }
        }

        _disposed = true;
        _stop.Cancel();
        if (_syncTimer is not null)
        {
            await _syncTimer.DisposeAsync().ConfigureAwait(false);
        }

        _pump?.Join(TimeSpan.FromSeconds(3));

        _link.Dispose();
        CompleteReaders();
        Raise(SessionState.Closed, "session closed");
    }

    private void Attach(DeviceLinkClient client) => client.Notice += OnNotice;

    private DeviceInfo Describe()
    {
        DeviceInfoCheck.Validate(_link.Info!);
        DeviceInfo info = DeviceInfo.From(_link.Info!);
        Info = info;
        var names = Enumerable.Range(1, info.ChannelCount).Select(i => "EXG" + i).ToArray();
        var board = new BoardDescription(info.Board is { Length: > 0 } n ? n : "device", Math.Max(1, info.SampleRateHz), names, info.MicrovoltsPerCount);
        if (Board is null || Board.RowCount != board.RowCount)
        {
            _ring = new SampleRingBuffer(board.RowCount, Math.Max(1, (int)(_options.BufferSeconds * board.SamplingRate)));
            _row = new double[board.RowCount];
        }

        Board = board;
        return info;
    }

    private async Task SyncClockAsync(CancellationToken cancellationToken)
    {
        uint id = ++_pingId;
        double sent = 0;
        double received = 0;
        TimeSyncPongMessage pong = await RequestAsync(
            (c, token) =>
            {
                sent = HostClock.NowUnix();
                LinkReply reply = c.Request(new TimeSyncPingMessage { PingId = id, HostTimeMicros = (long)(sent * 1e6) }, token);
                received = HostClock.NowUnix();
                return reply.Read(new TimeSyncPongMessage());
            },
            cancellationToken).ConfigureAwait(false);
        _clock.AddExchange(sent, (pong.DeviceReceiveMicros + pong.DeviceTransmitMicros) / 2, received);
    }

    private void TimerSync()
    {
        if (_disposed || _client.Closed)
        {
            return;
        }

        try
        {
            SyncClockAsync(_stop.Token).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is DeviceLinkException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // A missed exchange only widens the mapping's error; the receive loop handles a dead link.
        }
    }

    /// <summary>
    /// Runs one exchange with the device, one at a time. The token reaches the link client's wait for the
    /// reply, so a cancelled call returns at once instead of after the request timeout.
    /// </summary>
    private async Task<T> RequestAsync<T>(Func<DeviceLinkClient, CancellationToken, T> request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _requests.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DeviceLinkClient client = _client;
            return await Task.Run(() => request(client, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _requests.Release();
        }
    }

    private SampleRingBuffer RequireRing() => _ring ?? throw new InvalidOperationException("Call PrepareAsync first: the row layout comes from the device.");

    private void Pump()
    {
        while (!_stop.IsCancellationRequested)
        {
            ReceivedBlock? block = _client.ReceiveBlock(TimeSpan.FromMilliseconds(100));
            if (block is not null)
            {
                Deliver(block, Stopwatch.GetTimestamp());
                continue;
            }

            if (_client.Closed && !_disposed)
            {
                if (!Reconnect())
                {
                    CompleteReaders();
                    return;
                }
            }
        }
    }

    private void Deliver(ReceivedBlock block, long receivedTicks)
    {
        if (!StreamKindWire.TryFromWire(block.Kind, out StreamKind kind))
        {
            return; // a stream kind this host does not know carries nothing it could deliver
        }

        BoardDescription board = Board!;
        bool samples = kind is StreamKind.Raw or StreamKind.Filtered;

        // Sample blocks sit on the device's frame grid, so their timestamps tell a real gap from a wild jump.
        SequenceObservation seen = samples
            ? _gaps.Classify(block.BlockSequence, block.TimestampMicros, block.SampleCount * 1e6 / board.SamplingRate)
            : _gaps.Classify(block.BlockSequence, null, 0);
        long lostSamples = seen.Skipped * block.SampleCount;
        if (lostSamples > 0)
        {
            Interlocked.Add(ref _lostSamples, lostSamples);
        }

        if (seen.Verdict == SequenceVerdict.Resync)
        {
            Raise(SessionState.Resynchronised, "block counter jumped from " + seen.Expected + " to " + seen.Received + " without the matching time step (corrupt or restarted device): counting starts over, not counted as lost");
        }

        Interlocked.Increment(ref _blocks);
        Interlocked.Add(ref _samples, block.SampleCount);
        double samplePeriod = 1.0 / board.SamplingRate;
        double unix = _clock.ToUnixSecondsOr(block.TimestampMicros, HostClock.ToUnix(receivedTicks));

        if (samples)
        {
            SampleRingBuffer ring = _ring!;
            double scale = board.MicrovoltsPerCount;
            int channels = Math.Min(block.ChannelCount, board.ChannelNames.Count);
            for (int s = 0; s < block.SampleCount; s++)
            {
                Array.Clear(_row);
                int offset = s * block.ChannelCount;
                for (int c = 0; c < channels; c++)
                {
                    _row[c] = block.Values[offset + c] * scale;
                }

                _row[board.PackageCounterRow] = block.BlockSequence;
                _row[board.TimestampRow] = unix + (s * samplePeriod);
                double marker = Interlocked.Exchange(ref _pendingMarker, 0);
                _row[board.MarkerRow] = marker;
                if (marker != 0)
                {
                    MarkerPlaced?.Invoke(new MarkerPlacement(block.BlockSequence, s, marker, unix + (s * samplePeriod)));
                }

                ring.Append(_row);
            }
        }

        var delivered = new SampleBlock(kind, block.BlockSequence, block.ChannelCount, block.SampleCount, block.Values, board.MicrovoltsPerCount, block.TimestampMicros, unix, receivedTicks)
        {
            LostSamplesBefore = lostSamples,
            ResynchronisedBefore = seen.Verdict == SequenceVerdict.Resync,
        };
        BlockReceived?.Invoke(delivered);
        Publish(_blockReaders, delivered);
    }

    private void OnNotice(LinkReply notice)
    {
        if (notice.Type == LinkMessageType.Error)
        {
            var error = new ErrorMessage();
            if (error.TryRead(notice.Payload, 0, notice.Payload.Length) && error.Code == LinkErrorCode.Overflow)
            {
                Raise(SessionState.DeviceOverflow, "device: " + error.GetDetail() + " (counted as lost blocks)");
            }

            return;
        }

        if (notice.Type != LinkMessageType.InferenceEvent)
        {
            return;
        }

        var message = new InferenceEventMessage();
        if (!message.TryRead(notice.Payload, 0, notice.Payload.Length))
        {
            return;
        }

        long now = Stopwatch.GetTimestamp();
        double unix = _clock.ToUnixSecondsOr(message.TimestampMicros, HostClock.ToUnix(now));

        Interlocked.Increment(ref _events);
        var inference = new InferenceEvent(message.EventSequence, message.ClassId, message.Score / 32768.0, message.TimestampMicros, unix, now);
        InferenceReceived?.Invoke(inference);
        Publish(_eventReaders, inference);
    }

    private void Raise(SessionState state, string message, Exception? cause = null) => StatusChanged?.Invoke(new SessionStatus(state, message, DateTimeOffset.UtcNow, cause));
}
