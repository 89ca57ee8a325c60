using System.Collections.Concurrent;
using System.Security.Cryptography;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Link;

/// <summary>
/// A minimal host side of the device link over any <see cref="Stream"/> (pseudo-terminal, serial
/// port, TCP, in-process pipe): hello, pairing, authentication, stream control, sample blocks and
/// model upload. A reader thread decodes frames; requests wait for the reply carrying their sequence
/// number. The host companion grows sessions, recording and reconnection on top of this.
/// </summary>
public sealed class DeviceLinkClient : IDisposable
{
    private readonly Stream _stream;
    private readonly LinkEncoder _encoder = new();
    private readonly byte[] _tx = new byte[LinkProtocol.MaxEncodedFrameLength];
    private readonly object _sendLock = new();
    private readonly BlockingCollection<LinkReply> _replies = new();
    private readonly BlockingCollection<ReceivedBlock> _blocks = new();
    private readonly ConcurrentQueue<LinkReply> _notices = new();
    private readonly LinkDecoder _decoder = new();
    private readonly List<FrameBoundary>? _boundaries;
    private readonly Thread _reader;
    private readonly LinkAuthenticator _proofs = new();
    private int _sequence;
    private long _bytesReceived;
    private volatile bool _closed;
    private Exception? _closeCause;

    public DeviceLinkClient(Stream stream, bool traceFrames = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _boundaries = traceFrames ? new List<FrameBoundary>() : null;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "device-link-rx" };
        _reader.Start();
    }

    /// <summary>How long a request waits for its reply.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Bytes received so far.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>The decoder's counters (CRC errors, COBS errors, ...).</summary>
    public LinkDecoder Decoder => _decoder;

    /// <summary>True once the link closed (the device went away).</summary>
    public bool Closed => _closed;

    /// <summary>Why the link closed: the transport's exception, or an <see cref="EndOfStreamException"/> when the device hung up; null while open or after <see cref="Dispose"/>.</summary>
    public Exception? CloseCause => Volatile.Read(ref _closeCause);

    /// <summary>Frames the device sent on its own (overflow reports, logs), kept when no <see cref="Notice"/> handler is set.</summary>
    public LinkReply[] Notices() => _notices.ToArray();

    /// <summary>Raised on the reader thread for every unsolicited frame (inference events, markers, logs) instead of queueing it.</summary>
    public event Action<LinkReply>? Notice;

    /// <summary>Every delimiter seen so far, when constructed with traceFrames.</summary>
    public FrameBoundary[] Boundaries()
    {
        if (_boundaries is null)
        {
            throw new InvalidOperationException("Construct the client with traceFrames: true to record frame boundaries.");
        }

        lock (_boundaries)
        {
            return _boundaries.ToArray();
        }
    }

    /// <summary>Opens a session and returns the device's description.</summary>
    public DeviceInfoMessage Hello(CancellationToken cancellationToken = default)
    {
        LinkReply reply = Request(new HelloMessage(), cancellationToken);
        return reply.Read(new DeviceInfoMessage());
    }

    /// <summary>Pairs (the device's pairing button must be active).</summary>
    public void Pair(HostCredentials credentials, CancellationToken cancellationToken = default)
    {
        var pair = new PairRequestMessage();
        credentials.HostId.CopyTo(pair.HostId, 0);
        credentials.Secret.CopyTo(pair.HostSecret, 0);
        Request(pair, cancellationToken);
    }

    /// <summary>Asks for a challenge; returns the device nonce.</summary>
    public byte[] BeginAuthentication(byte[] hostId, CancellationToken cancellationToken = default)
    {
        var begin = new AuthBeginMessage();
        hostId.CopyTo(begin.HostId, 0);
        return Request(begin, cancellationToken).Read(new AuthChallengeMessage()).DeviceNonce.ToArray();
    }

    /// <summary>Sends an AuthResponse as given (tests use it to replay one) and returns the AuthResult.</summary>
    public AuthResultMessage RespondToChallenge(byte[] hostNonce, byte[] proof, CancellationToken cancellationToken = default)
    {
        var response = new AuthResponseMessage();
        hostNonce.CopyTo(response.HostNonce, 0);
        proof.CopyTo(response.Proof, 0);
        return Request(response, cancellationToken).Read(new AuthResultMessage());
    }

    /// <summary>Computes the host proof for a challenge.</summary>
    public byte[] ComputeProof(HostCredentials credentials, byte[] deviceNonce, byte[] hostNonce)
    {
        var proof = new byte[LinkAuthenticator.ProofLength];
        _proofs.ComputeHostProof(credentials.Secret, deviceNonce, hostNonce, credentials.HostId, proof, 0);
        return proof;
    }

    /// <summary>
    /// Authenticates this session with a paired host's credentials and checks the device's own proof
    /// against <paramref name="deviceId"/> (from DeviceInfo), so both ends know who they talk to.
    /// </summary>
    public void Authenticate(HostCredentials credentials, byte[] deviceId, CancellationToken cancellationToken = default)
    {
        byte[] deviceNonce = BeginAuthentication(credentials.HostId, cancellationToken);
        byte[] hostNonce = RandomNumberGenerator.GetBytes(LinkAuthenticator.NonceLength);
        AuthResultMessage result = RespondToChallenge(hostNonce, ComputeProof(credentials, deviceNonce, hostNonce), cancellationToken);
        if (result.Status != LinkErrorCode.None)
        {
            throw new DeviceLinkException(result.Status, LinkMessageType.AuthResponse, "authentication refused: pair this host again");
        }

        if (!_proofs.VerifyDeviceProof(credentials.Secret, hostNonce, deviceNonce, deviceId, result.DeviceProof, 0))
        {
            throw new DeviceLinkException("The device's proof does not match: it is not the device this host paired with.");
        }
    }

    public void StartStream(LinkStreamKind kind, int blockSamples, uint channelMask, int options = 0, CancellationToken cancellationToken = default)
    {
        Request(new StartStreamMessage { Kind = kind, BlockSamples = blockSamples, ChannelMask = channelMask, Options = options }, cancellationToken);
    }

    public void StopStream(CancellationToken cancellationToken = default) => Request(new StopStreamMessage { Kind = LinkStreamKind.All }, cancellationToken);

    /// <summary>The next sample block, or null if none arrives within <paramref name="timeout"/>.</summary>
    public ReceivedBlock? ReceiveBlock(TimeSpan timeout) => _blocks.TryTake(out ReceivedBlock? block, timeout) ? block : null;

    /// <summary>Reads one ConfigGet value.</summary>
    public int GetConfig(int key, CancellationToken cancellationToken = default) => Request(new ConfigGetMessage { Key = key }, cancellationToken).Read(new ConfigValueMessage()).Value;

    /// <summary>Starts a model upload into <paramref name="slot"/>.</summary>
    public void BeginModelUpload(byte slot, int size, uint crc, CancellationToken cancellationToken = default) =>
        Request(new ModelBeginMessage { Slot = slot, TotalSize = (uint)size, Crc32 = crc }, cancellationToken);

    /// <summary>Sends one chunk and waits for its acknowledgement.</summary>
    public void SendModelChunk(int offset, byte[] data, int dataOffset, int count, CancellationToken cancellationToken = default)
    {
        var chunk = new ModelChunkMessage { Offset = (uint)offset };
        chunk.SetData(data, dataOffset, count);
        Request(chunk, cancellationToken);
    }

    public void CommitModel(byte slot, uint crc, CancellationToken cancellationToken = default) => Request(new ModelCommitMessage { Slot = slot, Crc32 = crc }, cancellationToken);

    /// <summary>
    /// Uploads a whole model into <paramref name="slot"/> in chunks and commits it; calls
    /// <paramref name="afterChunk"/> with the number of chunks acknowledged so far.
    /// </summary>
    public void UploadModel(byte slot, byte[] model, int chunkSize = ModelChunkMessage.RecommendedDataLength, Action<int>? afterChunk = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        uint crc = LinkCrc32.Compute(model, 0, model.Length);
        BeginModelUpload(slot, model.Length, crc, cancellationToken);
        int chunks = 0;
        for (int offset = 0; offset < model.Length; offset += chunkSize)
        {
            SendModelChunk(offset, model, offset, Math.Min(chunkSize, model.Length - offset), cancellationToken);
            afterChunk?.Invoke(++chunks);
        }

        CommitModel(slot, crc, cancellationToken);
    }

    /// <summary>
    /// Sends a request and waits for the reply with its sequence number; an Error reply becomes a
    /// <see cref="DeviceLinkException"/> carrying the device's code. Cancelling
    /// <paramref name="cancellationToken"/> ends the wait at once with an <see cref="OperationCanceledException"/>
    /// (a reply that arrives later is skipped by the next request, which matches on its sequence number).
    /// </summary>
    public LinkReply Request(ILinkMessage message, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        int sequence = Send(message);
        long deadline = Environment.TickCount64 + (long)Timeout.TotalMilliseconds;
        while (true)
        {
            long left = deadline - Environment.TickCount64;
            if (left <= 0 || !_replies.TryTake(out LinkReply? reply, (int)Math.Min(left, int.MaxValue), cancellationToken))
            {
                throw new DeviceLinkException(_closed
                    ? $"The link closed while waiting for the reply to {message.MessageType}" + (CloseCause is { } cause ? ": " + cause.Message : ".")
                    : $"No reply to {message.MessageType} within {Timeout.TotalSeconds:F1} s: is the device running and the path right?");
            }

            if (reply.Sequence != sequence)
            {
                continue; // a late reply to an earlier request that already timed out
            }

            if (reply.Type == LinkMessageType.Error)
            {
                var error = reply.Read(new ErrorMessage());
                throw new DeviceLinkException(error.Code, message.MessageType, error.GetDetail());
            }

            return reply;
        }
    }

    /// <summary>Sends a message without waiting; returns its sequence number.</summary>
    public int Send(ILinkMessage message)
    {
        lock (_sendLock)
        {
            int sequence = _sequence;
            _sequence = (_sequence + 1) & 0xFFFF;
            int length = _encoder.Encode(message, LinkFlags.None, sequence, _tx, 0);
            _stream.Write(_tx, 0, length);
            _stream.Flush();
            return sequence;
        }
    }

    public void Dispose()
    {
        _closed = true;
        _stream.Dispose();
        _reader.Join(TimeSpan.FromSeconds(2));
    }

    private void ReadLoop()
    {
        var buffer = new byte[8192];
        try
        {
            while (!_closed)
            {
                int n = _stream.Read(buffer, 0, buffer.Length);
                if (n <= 0)
                {
                    Volatile.Write(ref _closeCause, new EndOfStreamException("the device closed the link (end of stream)"));
                    break;
                }

                for (int i = 0; i < n; i++)
                {
                    long index = _bytesReceived + i;
                    bool delivered = _decoder.PushByte(buffer[i]);
                    if (buffer[i] == LinkProtocol.Delimiter && _boundaries is not null)
                    {
                        lock (_boundaries)
                        {
                            _boundaries.Add(new FrameBoundary(index, delivered));
                        }
                    }

                    if (delivered)
                    {
                        Dispatch(_decoder.Frame, index);
                    }
                }

                Interlocked.Add(ref _bytesReceived, n);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or TimeoutException or UnauthorizedAccessException)
        {
            // A read that fails because we are closing is no loss; anything else is why the link died.
            if (!_closed)
            {
                Volatile.Write(ref _closeCause, ex);
            }
        }
        finally
        {
            _closed = true;
        }
    }

    private void Dispatch(LinkFrame frame, long endIndex)
    {
        if (frame.MessageType == LinkMessageType.SampleBlock)
        {
            var block = new SampleBlockMessage();
            if (frame.TryRead(block))
            {
                _blocks.Add(new ReceivedBlock(
                    block.Kind,
                    block.ChannelCount,
                    block.SampleCount,
                    block.BlockSequence,
                    block.TimestampMicros,
                    block.Values.AsSpan(0, block.ValueCount).ToArray(),
                    endIndex));
            }

            return;
        }

        var reply = new LinkReply(frame.MessageType, frame.Flags, frame.Sequence, frame.Buffer.AsSpan(frame.PayloadOffset, frame.PayloadLength).ToArray());
        if (frame.HasFlag(LinkFlags.Response))
        {
            _replies.Add(reply);
        }
        else if (Notice is { } handler)
        {
            handler(reply);
        }
        else
        {
            _notices.Enqueue(reply);
        }
    }
}
