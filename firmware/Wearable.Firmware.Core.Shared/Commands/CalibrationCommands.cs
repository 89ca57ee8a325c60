using System;
using Wearable.Firmware.Calibration;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// CalibrationGet (empty payload) and Calibration (authenticated): read and store the per-channel
    /// gain, offset and noise threshold table.
    /// </summary>
    public sealed class CalibrationCommands : ICommandFamily
    {
        private readonly int _channels;
        private readonly LinkPort _port;
        private readonly CalibrationStore _calibration;
        private readonly CalibrationGetMessage _get = new CalibrationGetMessage();
        private readonly CalibrationMessage _table = new CalibrationMessage();

        public CalibrationCommands(int channels, LinkPort port, CalibrationStore calibration)
        {
            if (port == null || calibration == null)
            {
                throw new ArgumentNullException("port", "Port and calibration store are required.");
            }

            _channels = channels;
            _port = port;
            _calibration = calibration;
        }

        public void Register(CommandTable table)
        {
            table.Register(LinkMessageType.CalibrationGet, CommandAccess.Authenticated, LinkMessageType.Calibration, this);
            table.Register(LinkMessageType.Calibration, CommandAccess.Authenticated, LinkMessageType.Ack, this);
        }

        public void Handle(LinkFrame frame)
        {
            if (frame.MessageType == LinkMessageType.CalibrationGet)
            {
                Get(frame);
                return;
            }

            if (!frame.TryRead(_table))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            if (_table.ChannelCount > _channels)
            {
                _port.Refuse(LinkMessageType.Calibration, frame.Sequence, LinkErrorCode.InvalidArgument, "more calibration entries than the device has channels");
                return;
            }

            _calibration.Store(_table.ChannelCount, _table.GainQ16, _table.OffsetLsb, _table.NoiseThresholdLsb);
            _port.Ack(LinkMessageType.Calibration, frame.Sequence);
        }

        private void Get(LinkFrame frame)
        {
            if (!frame.TryRead(_get))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            int count = _channels;
            if (count > CalibrationMessage.MaxChannels)
            {
                count = CalibrationMessage.MaxChannels;
            }

            _table.ChannelCount = count;
            for (int c = 0; c < count; c++)
            {
                _table.GainQ16[c] = _calibration.GainQ16(c);
                _table.OffsetLsb[c] = _calibration.OffsetLsb(c);
                _table.NoiseThresholdLsb[c] = _calibration.NoiseThresholdLsb(c);
            }

            _port.Reply(_table, LinkMessageType.CalibrationGet, frame.Sequence);
        }
    }
}
