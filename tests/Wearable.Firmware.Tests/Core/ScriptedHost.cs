using Wearable.Firmware.Board;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Tests.Core;

/// <summary>
/// A transport for driving the core directly from a test thread: requests are encoded into an input
/// buffer the device reads; the device's output is decoded on demand (or just counted).
/// Nothing here allocates after construction, so it can sit inside allocation assertions
/// (except <see cref="TakeFrames"/>, which copies what it returns). As a transport that can tell
/// when its peer changes, it lets a test connect and disconnect hosts with <see cref="ChangePeer"/>.
/// </summary>
internal sealed class ScriptedHost : IByteTransport, ILinkFrameSink, IPeerPresence
{
    private readonly LinkEncoder _encoder = new();
    private readonly LinkDecoder _decoder = new();
    private readonly byte[] _input = new byte[64 * 1024];
    private readonly byte[] _output = new byte[256 * 1024];
    private int _inputStart;
    private int _inputEnd;
    private int _outputLength;
    private int _sequence;
    private ILinkMessage? _wanted;
    private bool _found;
    private List<CapturedFrame>? _captured;
    private int _peerChanges;
    private Action? _onEach;

    /// <summary>When true, the device's output is only counted (steady-state measurements).</summary>
    public bool DiscardOutput { get; set; }

    public long BytesWritten { get; private set; }

    /// <summary>Called with the byte count of every write (a slow UART advances the device clock here).</summary>
    public Action<int>? Written { get; set; }

    public int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, _inputEnd - _inputStart);
        Array.Copy(_input, _inputStart, buffer, offset, n);
        _inputStart += n;
        if (_inputStart == _inputEnd)
        {
            _inputStart = 0;
            _inputEnd = 0;
        }

        return n;
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        BytesWritten += count;
        Written?.Invoke(count);
        if (!DiscardOutput)
        {
            Array.Copy(buffer, offset, _output, _outputLength, count);
            _outputLength += count;
        }
    }

    /// <summary>Queues a request for the device.</summary>
    public void Send(ILinkMessage message)
    {
        _inputEnd += _encoder.Encode(message, LinkFlags.None, _sequence, _input, _inputEnd);
        _sequence = (_sequence + 1) & 0xFFFF;
    }

    public int PeerChanges => _peerChanges;

    /// <summary>True while queued request bytes wait for the device to read them (it reads 512 B per pass).</summary>
    public bool HasPendingInput => _inputEnd > _inputStart;

    /// <summary>Another host takes the link (or the current one leaves), as a transport would report it.</summary>
    public void ChangePeer() => _peerChanges++;

    /// <summary>Queues a request with header <paramref name="flags"/>; returns its sequence number.</summary>
    public int Send(ILinkMessage message, byte flags)
    {
        int sequence = _sequence;
        _inputEnd += _encoder.Encode(message, flags, sequence, _input, _inputEnd);
        _sequence = (_sequence + 1) & 0xFFFF;
        return sequence;
    }

    /// <summary>Queues a frame of <paramref name="type"/> around raw payload bytes; returns its sequence number.</summary>
    public int SendPayload(LinkMessageType type, byte flags, byte[] payload, int length)
    {
        int sequence = _sequence;
        _inputEnd += _encoder.Encode(type, flags, sequence, payload, 0, length, _input, _inputEnd);
        _sequence = (_sequence + 1) & 0xFFFF;
        return sequence;
    }

    /// <summary>Decodes and returns every frame the device sent since the last take.</summary>
    public List<CapturedFrame> TakeFrames()
    {
        _captured = new List<CapturedFrame>();
        _wanted = null;
        _decoder.Push(_output, 0, _outputLength, this);
        _outputLength = 0;
        List<CapturedFrame> frames = _captured;
        _captured = null;
        return frames;
    }

    /// <summary>Queues raw, already encoded bytes.</summary>
    public void SendRaw(byte[] encoded, int count)
    {
        Array.Copy(encoded, 0, _input, _inputEnd, count);
        _inputEnd += count;
    }

    /// <summary>Decodes the output so far and fills <paramref name="message"/> from the last frame of its type.</summary>
    public bool TryTake(ILinkMessage message)
    {
        _wanted = message;
        _found = false;
        _decoder.Push(_output, 0, _outputLength, this);
        _outputLength = 0;
        return _found;
    }

    /// <summary>Decodes the output so far and calls <paramref name="onEach"/> after filling <paramref name="message"/> from each frame of its type.</summary>
    public void TakeEach(ILinkMessage message, Action onEach)
    {
        _onEach = onEach;
        try
        {
            TryTake(message);
        }
        finally
        {
            _onEach = null;
        }
    }

    public void OnFrame(LinkFrame frame)
    {
        _captured?.Add(new CapturedFrame(frame.MessageType, frame.Flags, frame.Sequence, frame.Buffer.AsSpan(frame.PayloadOffset, frame.PayloadLength).ToArray()));
        if (_wanted is not null && frame.TryRead(_wanted))
        {
            _found = true;
            _onEach?.Invoke();
        }
    }
}

/// <summary>One frame the device sent, copied out of the decoder.</summary>
internal sealed record CapturedFrame(LinkMessageType Type, byte Flags, int Sequence, byte[] Payload)
{
    public bool IsResponse => (Flags & LinkFlags.Response) != 0;

    public T Read<T>(T message)
        where T : ILinkMessage
    {
        Assert.True(message.TryRead(Payload, 0, Payload.Length), $"{Type} payload of {Payload.Length} B did not parse as {message.MessageType}.");
        return message;
    }

    public override string ToString()
    {
        if (Type == LinkMessageType.Error)
        {
            var error = new ErrorMessage();
            if (error.TryRead(Payload, 0, Payload.Length))
            {
                return $"Error {error.Code} for {error.RefusedType} #{Sequence}: {error.GetDetail()}";
            }
        }

        return $"{Type} #{Sequence} flags {Flags} ({Payload.Length} B)";
    }
}
