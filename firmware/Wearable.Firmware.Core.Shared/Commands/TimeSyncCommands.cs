using System;
using Wearable.Firmware.Board;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// TimeSyncPing (authenticated): answers TimeSyncPong with the device clock at receipt and at
    /// transmission, so the host can take the link's own delay out of the clock offset.
    /// </summary>
    public sealed class TimeSyncCommands : ICommandFamily
    {
        private readonly IDeviceClock _clock;
        private readonly LinkPort _port;
        private readonly TimeSyncPingMessage _ping = new TimeSyncPingMessage();
        private readonly TimeSyncPongMessage _pong = new TimeSyncPongMessage();

        public TimeSyncCommands(IDeviceClock clock, LinkPort port)
        {
            if (clock == null || port == null)
            {
                throw new ArgumentNullException("clock", "Clock and port are required.");
            }

            _clock = clock;
            _port = port;
        }

        public void Register(CommandTable table)
        {
            table.Register(LinkMessageType.TimeSyncPing, CommandAccess.Authenticated, LinkMessageType.TimeSyncPong, this);
        }

        public void Handle(LinkFrame frame)
        {
            long received = _clock.Microseconds;
            if (!frame.TryRead(_ping))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            _pong.HostTimeMicros = _ping.HostTimeMicros;
            _pong.PingId = _ping.PingId;
            _pong.DeviceReceiveMicros = received;
            _pong.DeviceTransmitMicros = _clock.Microseconds;
            _port.Reply(_pong, LinkMessageType.TimeSyncPing, frame.Sequence);
        }
    }
}
