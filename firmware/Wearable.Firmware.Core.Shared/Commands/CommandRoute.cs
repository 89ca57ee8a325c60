using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>One row of the <see cref="CommandTable"/>: a request type, who may send it, what answers it.</summary>
    public sealed class CommandRoute
    {
        public CommandRoute(LinkMessageType request, int access, LinkMessageType reply, ICommandFamily family)
        {
            Request = request;
            Access = access;
            Reply = reply;
            Family = family;
        }

        /// <summary>The request's message type.</summary>
        public LinkMessageType Request { get; private set; }

        /// <summary>A <see cref="CommandAccess"/> value.</summary>
        public int Access { get; private set; }

        /// <summary>The message a successful request is answered with (Ack for requests without data).</summary>
        public LinkMessageType Reply { get; private set; }

        /// <summary>The family that handles it.</summary>
        public ICommandFamily Family { get; private set; }
    }
}
