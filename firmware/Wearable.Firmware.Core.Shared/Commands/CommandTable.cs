using System;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// The one place that says which requests this firmware serves, who may send each and what answers
    /// it (like TFLite Micro's op resolver: one registration per message type). The dispatcher routes
    /// through it, and the conformance test walks it against docs/protocol.md, so the doc, the access
    /// rule and the code cannot drift apart. Lookup is one array index per frame.
    /// </summary>
    public sealed class CommandTable
    {
        private readonly CommandRoute[] _byType = new CommandRoute[256];
        private readonly CommandRoute[] _inOrder = new CommandRoute[256];
        private int _count;

        /// <summary>Routes registered.</summary>
        public int Count { get { return _count; } }

        /// <summary>Adds a route; a message type can be registered once only.</summary>
        public void Register(LinkMessageType request, int access, LinkMessageType reply, ICommandFamily family)
        {
            if (family == null)
            {
                throw new ArgumentNullException("family");
            }

            if (access != CommandAccess.Open && access != CommandAccess.PairingWindow && access != CommandAccess.Authenticated)
            {
                throw new ArgumentOutOfRangeException("access", "Use a CommandAccess value.");
            }

            int index = (int)request;
            if (_byType[index] != null)
            {
                throw new InvalidOperationException("Message type 0x" + index.ToString("X2") + " is registered twice.");
            }

            var route = new CommandRoute(request, access, reply, family);
            _byType[index] = route;
            _inOrder[_count++] = route;
        }

        /// <summary>The route of <paramref name="request"/>, or null when this firmware does not serve it.</summary>
        public CommandRoute Find(LinkMessageType request)
        {
            return _byType[(int)request];
        }

        /// <summary>The <paramref name="index"/>-th route in registration order.</summary>
        public CommandRoute At(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            return _inOrder[index];
        }
    }
}
