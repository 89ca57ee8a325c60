using System;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// Routes each decoded request through the <see cref="CommandTable"/> and enforces its access rule
    /// before any handler sees it: a type the table does not hold is answered UnknownMessage, an
    /// Authenticated request outside an authenticated session NotAuthenticated. Responses from the host
    /// are ignored (the device asks it nothing).
    /// </summary>
    public sealed class CommandDispatcher : ILinkFrameSink
    {
        private readonly CommandTable _table;
        private readonly LinkSession _session;
        private readonly LinkPort _port;

        public CommandDispatcher(CommandTable table, LinkSession session, LinkPort port)
        {
            if (table == null || session == null || port == null)
            {
                throw new ArgumentNullException("table", "Table, session and port are required.");
            }

            _table = table;
            _session = session;
            _port = port;
        }

        /// <summary>The routes this firmware serves (for board layers, tools and the conformance test).</summary>
        public CommandTable Table { get { return _table; } }

        /// <summary>Requests refused because the session was not authenticated.</summary>
        public long RefusedUnauthenticated { get; private set; }

        /// <summary>Frames handled (any type).</summary>
        public long FramesHandled { get; private set; }

        public void OnFrame(LinkFrame frame)
        {
            FramesHandled++;
            if (frame.HasFlag(LinkFlags.Response))
            {
                return;
            }

            CommandRoute route = _table.Find(frame.MessageType);
            if (route == null)
            {
                _port.Refuse(frame.MessageType, frame.Sequence, LinkErrorCode.UnknownMessage, "not a request this device serves (docs/protocol.md section 4)");
                return;
            }

            if (route.Access == CommandAccess.Authenticated && !_session.IsAuthenticated)
            {
                RefusedUnauthenticated++;
                _port.Refuse(frame.MessageType, frame.Sequence, LinkErrorCode.NotAuthenticated, "not authenticated: pair, then authenticate first");
                return;
            }

            route.Family.Handle(frame);
        }
    }
}
