using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>The refusals every command family sends in the same words.</summary>
    public static class CommandReplies
    {
        /// <summary>The payload did not parse: wrong length for its type, or a field out of range.</summary>
        public static void Malformed(LinkPort port, LinkFrame frame)
        {
            port.Refuse(frame.MessageType, frame.Sequence, LinkErrorCode.MalformedPayload, "payload length or a field is out of range (docs/protocol.md section 5)");
        }
    }
}
