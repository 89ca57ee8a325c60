using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Link;

/// <summary>A received frame copied out of the decoder (host side: allocation is fine here).</summary>
public sealed record LinkReply(LinkMessageType Type, byte Flags, int Sequence, byte[] Payload)
{
    /// <summary>Parses the payload into <paramref name="message"/>; throws when type or payload do not fit.</summary>
    public T Read<T>(T message)
        where T : ILinkMessage
    {
        if (message.MessageType != Type)
        {
            throw new DeviceLinkException($"Expected {message.MessageType} but the device answered {Type}.");
        }

        if (!message.TryRead(Payload, 0, Payload.Length))
        {
            throw new DeviceLinkException($"The device's {Type} payload is malformed ({Payload.Length} bytes).");
        }

        return message;
    }
}
