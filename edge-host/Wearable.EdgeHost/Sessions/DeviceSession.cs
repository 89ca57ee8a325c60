using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
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
/// the clock in sync and reconnects after the link is lost.
/// </summary>
public sealed partial class DeviceSession : IAsyncDisposable
{
    private readonly ConnectionString _connection;
    private readonly HostKeyStore _keys;
    private readonly DeviceSessionOptions _options;
    private readonly SemaphoreSlim _requests = new(1, 1);
    private readonly SequenceGapDetector _gaps = new();
    private readonly DeviceClockMapper _clock = new();
    private readonly object _clockLock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Channel<SampleBlock>> _blockReaders = new();
    private readonly List<Channel<InferenceEvent>> _eventReaders = new();
    private DeviceLinkClient _client;
    private LaunchedDevice? _launched;
    private HostCredentials? _credentials;
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

    private DeviceSession(ConnectionString connection, HostKeyStore keys, DeviceSessionOptions options, DeviceLinkClient client, LaunchedDevice? launched)
    {
        _connection = connection;
        _keys = keys;
        _options = options;
        _client = client;
        _launched = launched;
        Attach(client);
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

    /// <summary>The device's description from Hello (after <see cref="PrepareAsync"/>).</summary>
    public DeviceInfoMessage? Info { get; private set; }

    /// <summary>Hex device id (after <see cref="PrepareAsync"/>).</summary>
    public string DeviceId => Info is null ? string.Empty : Convert.ToHexString(Info.DeviceId).ToLowerInvariant();

    /// <summary>Rows and scale of this device's data (after <see cref="PrepareAsync"/>).</summary>
    public BoardDescription? Board { get; private set; }

    /// <summary>The launched device (sim://) for tools that need it, else null.</summary>
    public LaunchedDevice? LaunchedDevice => _launched;

    /// <summary>The link client in use (changes after a reconnect).</summary>
    public DeviceLinkClient Link => _client;

    /// <summary>True while a stream is running.</summary>
    public bool IsStreaming => _streaming is not null;

    /// <summary>The device-clock to UNIX-time mapping fed by the periodic time sync.</summary>
    public DeviceClockMapper Clock => _clock;

    /// <summary>Opens the transport (starting a virtual device for sim://); call <see cref="PrepareAsync"/> next.</summary>
    public static Task<DeviceSession> ConnectAsync(ConnectionString connection, HostKeyStore keys, DeviceSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(keys);
        options ??= DeviceSessionOptions.Default;
        return Task.Run(
            () =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                DeviceLinkClient client = OpenClient(connection, options, out LaunchedDevice? launched);
                var session = new DeviceSession(connection, keys, options, client, launched);
                session.Raise(SessionState.Connected, "connected to " + (launched?.Description ?? connection.Text));
                return session;
            },
            cancellationToken);
    }

    /// <summary>Pairs this host with the device (its pairing window must be open) and stores the key.</summary>
    public async Task<PairedDevice> PairAsync(CancellationToken cancellationToken = default)
    {
        DeviceInfoMessage info = await RequestAsync(c => c.Hello(), cancellationToken).ConfigureAwait(false);
        Describe(info);
        var credentials = new HostCredentials(_keys.GetOrCreateHostId(), HostKeyStore.NewSecret());
        try
        {
            await RequestAsync(c => { c.Pair(credentials); return 0; }, cancellationToken).ConfigureAwait(false);
        }
        catch (DeviceLinkException ex) when (ex.Code != LinkErrorCode.None)
        {
            throw new DeviceLinkException(ex.Code, LinkMessageType.PairRequest, "the device is not accepting pairing: press its pairing button (virtual device: 'p'), then run this again");
        }

        var paired = new PairedDevice(DeviceId, credentials.Secret, DateTimeOffset.UtcNow, info.GetBoardName());
        _keys.Save(paired);
        return paired;
    }

    /// <summary>Hello, then authentication with the stored key, then a first clock synchronisation.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken = default)
    {
        DeviceInfoMessage info = await RequestAsync(c => c.Hello(), cancellationToken).ConfigureAwait(false);
        Describe(info);
        await AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < 5; i++)
        {
            await SyncClockAsync(cancellationToken).ConfigureAwait(false);
        }

        _syncTimer = new Timer(_ => TimerSync(), null, _options.TimeSyncInterval, _options.TimeSyncInterval);
        Raise(SessionState.Authenticated, "authenticated with " + info.GetBoardName() + " " + DeviceId);
    }

    /// <summary>Starts streaming; rows accumulate in the session buffer and blocks flow to readers.</summary>
    public async Task StartStreamAsync(StreamSelection? selection = null, CancellationToken cancellationToken = default)
    {
        DeviceInfoMessage info = Info ?? throw new InvalidOperationException("Call PrepareAsync before StartStreamAsync.");
        selection ??= StreamSelection.Default;
        int blockSamples = selection.ResolveBlockSamples(info.SampleRateHz, info.ChannelCount);
        _gaps.Reset();
        await RequestAsync(c => { c.StartStream(selection.Kind, blockSamples, selection.ChannelMask, selection.Options); return 0; }, cancellationToken).ConfigureAwait(false);
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
        await RequestAsync(c => { c.StopStream(); return 0; }, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Sends per-channel calibration (gains, offsets, noise thresholds) to the device.</summary>
    public Task SendCalibrationAsync(CalibrationMessage calibration, CancellationToken cancellationToken = default) =>
        RequestAsync(c => c.Request(calibration), cancellationToken);

    /// <summary>Uploads a model into a slot; <paramref name="progress"/> gets bytes sent.</summary>
    public Task UploadModelAsync(byte slot, byte[] model, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        RequestAsync(
            c =>
            {
                int chunk = ModelChunkMessage.RecommendedDataLength;
                c.UploadModel(slot, model, chunk, n => progress?.Report(Math.Min(model.Length, n * chunk)));
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

        // A launched device goes first so the link's reader sees end-of-stream rather than a closed handle.
        _launched?.Dispose();
        _client.Dispose();
        CompleteReaders();
        Raise(SessionState.Closed, "session closed");
    }

    private static DeviceLinkClient OpenClient(ConnectionString connection, DeviceSessionOptions options, out LaunchedDevice? launched)
    {
        Stream stream = DeviceTransport.Open(connection, options.Launcher, out launched);
        return new DeviceLinkClient(stream) { Timeout = options.RequestTimeout };
    }

    private void Attach(DeviceLinkClient client) => client.Notice += OnNotice;

    private void Describe(DeviceInfoMessage info)
    {
        DeviceInfoCheck.Validate(info);
        Info = info;
        var names = Enumerable.Range(1, info.ChannelCount).Select(i => "EXG" + i).ToArray();
        double scale = info.NanovoltsPerLsb > 0 ? info.NanovoltsPerLsb / 1000.0 : 1.0;
        var board = new BoardDescription(info.GetBoardName() is { Length: > 0 } n ? n : "device", Math.Max(1, info.SampleRateHz), names, scale);
        if (Board is null || Board.RowCount != board.RowCount)
        {
            _ring = new SampleRingBuffer(board.RowCount, Math.Max(1, (int)(_options.BufferSeconds * board.SamplingRate)));
            _row = new double[board.RowCount];
        }

        Board = board;
    }

    private async Task AuthenticateAsync(CancellationToken cancellationToken)
    {
        PairedDevice? paired = _keys.Find(DeviceId);
        if (paired is null)
        {
            if (!_options.PairAutomatically)
            {
                throw new DeviceNotPairedException(_connection.Text, DeviceId, "this host has no key for it");
            }

            paired = await PairAsync(cancellationToken).ConfigureAwait(false);
        }

        _credentials = new HostCredentials(_keys.GetOrCreateHostId(), paired.Secret);
        try
        {
            await RequestAsync(c => { c.Authenticate(_credentials, Info!.DeviceId); return 0; }, cancellationToken).ConfigureAwait(false);
        }
        catch (DeviceLinkException ex) when (ex.Code != LinkErrorCode.None)
        {
            if (!_options.PairAutomatically)
            {
                throw new DeviceNotPairedException(_connection.Text, DeviceId, "the device refused this host's key");
            }

            paired = await PairAsync(cancellationToken).ConfigureAwait(false);
            _credentials = new HostCredentials(_keys.GetOrCreateHostId(), paired.Secret);
            await RequestAsync(c => { c.Authenticate(_credentials, Info!.DeviceId); return 0; }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SyncClockAsync(CancellationToken cancellationToken)
    {
        uint id = ++_pingId;
        double sent = 0;
        double received = 0;
        TimeSyncPongMessage pong = await RequestAsync(
            c =>
            {
                sent = HostClock.NowUnix();
                LinkReply reply = c.Request(new TimeSyncPingMessage { PingId = id, HostTimeMicros = (long)(sent * 1e6) });
                received = HostClock.NowUnix();
                return reply.Read(new TimeSyncPongMessage());
            },
            cancellationToken).ConfigureAwait(false);
        lock (_clockLock)
        {
            _clock.AddExchange(sent, (pong.DeviceReceiveMicros + pong.DeviceTransmitMicros) / 2, received);
        }
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

    private async Task<T> RequestAsync<T>(Func<DeviceLinkClient, T> request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _requests.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            DeviceLinkClient client = _client;
            return await Task.Run(() => request(client), cancellationToken).ConfigureAwait(false);
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
        BoardDescription board = Board!;
        bool samples = block.Kind == LinkStreamKind.Raw || block.Kind == LinkStreamKind.Filtered;

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
        double unix;
        double samplePeriod = 1.0 / board.SamplingRate;
        lock (_clockLock)
        {
            unix = _clock.IsSynchronised ? _clock.ToUnixSeconds(block.TimestampMicros) : HostClock.ToUnix(receivedTicks);
        }

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

        var delivered = new SampleBlock(block.Kind, block.BlockSequence, block.ChannelCount, block.SampleCount, block.Values, board.MicrovoltsPerCount, block.TimestampMicros, unix, receivedTicks)
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
        double unix;
        lock (_clockLock)
        {
            unix = _clock.IsSynchronised ? _clock.ToUnixSeconds(message.TimestampMicros) : HostClock.ToUnix(now);
        }

        Interlocked.Increment(ref _events);
        var inference = new InferenceEvent(message.EventSequence, message.ClassId, message.Score / 32768.0, message.TimestampMicros, unix, now);
        InferenceReceived?.Invoke(inference);
        Publish(_eventReaders, inference);
    }

    private void Raise(SessionState state, string message) => StatusChanged?.Invoke(new SessionStatus(state, message, DateTimeOffset.UtcNow));
}
