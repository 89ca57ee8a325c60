using System.Globalization;
using Wearable.Kernels.Link;

namespace Wearable.Hil.NanoClr.Replay;

/// <summary>
/// The host half of a replayed session, driven one main-loop pass at a time on one thread: Hello, pair,
/// authenticate, push a model, then stream blocks with the model's decisions alongside and stop. Every
/// pass is recorded in a <see cref="LinkTranscript"/>; the device runs wherever <c>step</c> runs it
/// (the firmware core on .NET here, the same core inside nanoCLR in the replay).
/// </summary>
public sealed class ScriptedHostSession : ILinkFrameSink
{
    /// <summary>Passes a request may take before the device is declared silent.</summary>
    public const int ReplyPassLimit = 64;

    private readonly Func<byte[]?, byte[]> _step;
    private readonly LinkEncoder _encoder = new();
    private readonly LinkDecoder _decoder = new();
    private readonly byte[] _tx = new byte[LinkEncoder.MaxEncodedLength(LinkProtocol.MaxPayloadLength)];
    private readonly List<(LinkMessageType Type, byte Flags, int Sequence, byte[] Payload)> _received = new();
    private int _sequence;

    /// <param name="step">Runs one device pass with the given host bytes (or none) and returns what the device wrote.</param>
    public ScriptedHostSession(Func<byte[]?, byte[]> step)
    {
        _step = step ?? throw new ArgumentNullException(nameof(step));
    }

    public LinkTranscript Transcript { get; } = new();

    /// <summary>Sample blocks received so far.</summary>
    public int Blocks { get; private set; }

    /// <summary>InferenceEvents (decisions) received so far.</summary>
    public int Decisions { get; private set; }

    /// <summary>
    /// The whole session: <paramref name="blocks"/> blocks of <paramref name="blockFrames"/> frames of
    /// <paramref name="kind"/>, with at least <paramref name="decisions"/> decisions of
    /// <paramref name="model"/> alongside (0 and a null model: blocks only).
    /// </summary>
    /// <param name="stopStream">False leaves the stream running at the end, for measuring the streaming loop past the session.</param>
    public LinkTranscript Run(byte[] hostId, byte[] hostSecret, byte[] hostNonce, byte[]? model, LinkStreamKind kind, int blockFrames, int blocks, int decisions, bool stopStream = true)
    {
        ArgumentNullException.ThrowIfNull(hostId);
        ArgumentNullException.ThrowIfNull(hostSecret);
        DeviceInfoMessage info = Request(new HelloMessage()).Read(new DeviceInfoMessage());

        var pair = new PairRequestMessage();
        hostId.CopyTo(pair.HostId, 0);
        hostSecret.CopyTo(pair.HostSecret, 0);
        Request(pair);

        var begin = new AuthBeginMessage();
        hostId.CopyTo(begin.HostId, 0);
        byte[] deviceNonce = Request(begin).Read(new AuthChallengeMessage()).DeviceNonce.ToArray();
        var response = new AuthResponseMessage();
        hostNonce.CopyTo(response.HostNonce, 0);
        new LinkAuthenticator().ComputeHostProof(hostSecret, deviceNonce, hostNonce, hostId, response.Proof, 0);
        AuthResultMessage result = Request(response).Read(new AuthResultMessage());
        if (result.Status != LinkErrorCode.None)
        {
            throw new InvalidOperationException("the replayed device refused authentication: " + result.Status);
        }

        int options = 0;
        if (model is not null)
        {
            PushModel(model, (byte)(info.ActiveModelSlot == 0 ? 1 : 0));
            options = StartStreamMessage.OptionInferenceEvents;
        }

        uint mask = info.ChannelCount >= 32 ? uint.MaxValue : (1u << info.ChannelCount) - 1;
        Request(new StartStreamMessage { Kind = kind, BlockSamples = blockFrames, ChannelMask = mask, Options = options });
        int passLimit = Transcript.Passes + ((blocks + decisions + 4) * ReplyPassLimit);
        while (Blocks < blocks || Decisions < decisions)
        {
            if (Transcript.Passes > passLimit)
            {
                throw new InvalidOperationException("the replayed device sent " + Blocks.ToString(CultureInfo.InvariantCulture) + " blocks and "
                    + Decisions.ToString(CultureInfo.InvariantCulture) + " decisions, fewer than asked, within " + passLimit.ToString(CultureInfo.InvariantCulture) + " passes");
            }

            Pass(null);
        }

        if (stopStream)
        {
            Request(new StopStreamMessage { Kind = LinkStreamKind.All });
        }

        return Transcript;
    }

    public void OnFrame(LinkFrame frame)
    {
        if (frame.MessageType == LinkMessageType.SampleBlock)
        {
            Blocks++;
        }
        else if (frame.MessageType == LinkMessageType.InferenceEvent)
        {
            Decisions++;
        }

        _received.Add((frame.MessageType, frame.Flags, frame.Sequence, frame.Buffer.AsSpan(frame.PayloadOffset, frame.PayloadLength).ToArray()));
    }

    private void PushModel(byte[] model, byte slot)
    {
        uint crc = LinkCrc32.Compute(model, 0, model.Length);
        Request(new ModelBeginMessage { Slot = slot, TotalSize = (uint)model.Length, Crc32 = crc });
        for (int offset = 0; offset < model.Length; offset += ModelChunkMessage.RecommendedDataLength)
        {
            var chunk = new ModelChunkMessage { Offset = (uint)offset };
            chunk.SetData(model, offset, Math.Min(ModelChunkMessage.RecommendedDataLength, model.Length - offset));
            Request(chunk);
        }

        Request(new ModelCommitMessage { Slot = slot, Crc32 = crc });
    }

    private (LinkMessageType Type, byte[] Payload) Request(ILinkMessage message)
    {
        int sequence = _sequence;
        _sequence = (_sequence + 1) & 0xFFFF;
        int length = _encoder.Encode(message, LinkFlags.None, sequence, _tx, 0);
        Pass(_tx.AsSpan(0, length).ToArray());
        for (int pass = 0; pass < ReplyPassLimit; pass++)
        {
            int at = _received.FindIndex(r => (r.Flags & LinkFlags.Response) != 0 && r.Sequence == sequence);
            if (at >= 0)
            {
                var reply = _received[at];
                _received.RemoveRange(0, at + 1);
                if (reply.Type == LinkMessageType.Error)
                {
                    var error = new ErrorMessage();
                    error.TryRead(reply.Payload, 0, reply.Payload.Length);
                    throw new InvalidOperationException("the replayed device refused " + message.MessageType + ": " + error.Code + " " + error.GetDetail());
                }

                return (reply.Type, reply.Payload);
            }

            Pass(null);
        }

        throw new InvalidOperationException("the replayed device did not answer " + message.MessageType + " within " + ReplyPassLimit.ToString(CultureInfo.InvariantCulture) + " passes");
    }

    private void Pass(byte[]? input)
    {
        int pass = Transcript.Passes;
        byte[] output = _step(input);
        Transcript.Record(pass, input, output);
        _decoder.Push(output, 0, output.Length, this);
    }
}

internal static class ReplyPayload
{
    public static T Read<T>(this (LinkMessageType Type, byte[] Payload) reply, T message)
        where T : ILinkMessage
    {
        if (!message.TryRead(reply.Payload, 0, reply.Payload.Length))
        {
            throw new InvalidOperationException("the replayed device answered " + reply.Type + " with a payload that is not a " + message.MessageType);
        }

        return message;
    }
}
