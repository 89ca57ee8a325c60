using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Hil;
using Wearable.Firmware.Pairing;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Slots;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// Hello (open): starts a new session (whoever sent it has proven nothing yet), takes the host's
    /// MaxReceivePayload as the limit for everything the device sends, and answers DeviceInfo.
    /// </summary>
    public sealed class SessionCommands : ICommandFamily
    {
        private readonly DeviceBoard _board;
        private readonly byte[] _deviceId;
        private readonly LinkPort _port;
        private readonly LinkSession _session;
        private readonly PairingStore _pairings;
        private readonly ModelSlots _slots;
        private readonly StreamEngine _stream;
        private readonly HilKernelRegistry _hilKernels;
        private readonly HelloMessage _hello = new HelloMessage();
        private readonly DeviceInfoMessage _info = new DeviceInfoMessage();

        public SessionCommands(DeviceBoard board, byte[] deviceId, LinkPort port, LinkSession session, PairingStore pairings, ModelSlots slots, StreamEngine stream, HilKernelRegistry hilKernels)
        {
            if (board == null || deviceId == null || port == null || session == null || pairings == null || slots == null || stream == null || hilKernels == null)
            {
                throw new ArgumentNullException("board", "Every part of the session commands is required.");
            }

            _board = board;
            _deviceId = deviceId;
            _port = port;
            _session = session;
            _pairings = pairings;
            _slots = slots;
            _stream = stream;
            _hilKernels = hilKernels;
            _info.SetBoardName(board.Profile.Name);
        }

        public void Register(CommandTable table)
        {
            table.Register(LinkMessageType.Hello, CommandAccess.Open, LinkMessageType.DeviceInfo, this);
        }

        public void Handle(LinkFrame frame)
        {
            int sequence = frame.Sequence;
            if (!frame.TryRead(_hello))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            _session.End();
            if (_hello.MaxReceivePayload < LinkPort.MinPeerPayload)
            {
                _port.Refuse(LinkMessageType.Hello, sequence, LinkErrorCode.InvalidArgument,
                    "MaxReceivePayload " + _hello.MaxReceivePayload.ToString() + " B: hosts must accept " + LinkPort.MinPeerPayload.ToString() + " B");
                return;
            }

            _port.PeerMaxPayload = _hello.MaxReceivePayload > LinkProtocol.MaxPayloadLength ? LinkProtocol.MaxPayloadLength : _hello.MaxReceivePayload;
            SendDeviceInfo(sequence);
        }

        /// <summary>Fills and sends DeviceInfo as the answer to the Hello with <paramref name="sequence"/>.</summary>
        public void SendDeviceInfo(int sequence)
        {
            Array.Copy(_deviceId, 0, _info.DeviceId, 0, 16);
            _info.FirmwareMajor = FirmwareVersion.Major;
            _info.FirmwareMinor = FirmwareVersion.Minor;
            _info.FirmwarePatch = FirmwareVersion.Patch;
            _info.ChannelCount = (byte)_board.Source.Channels;
            _info.SampleRateHz = _board.Source.SampleRate;
            _info.ActiveModelSlot = _slots.ActiveSlot < 0 ? DeviceInfoMessage.NoActiveModel : (byte)_slots.ActiveSlot;
            _info.MaxPayloadLength = LinkProtocol.MaxPayloadLength;
            _info.Capabilities = _stream.Capabilities | LinkCapabilities.ModelUpload | LinkCapabilities.Calibration
                | LinkCapabilities.TimeSync | LinkCapabilities.Pairing | (_hilKernels.Count > 0 ? LinkCapabilities.HilRun : 0u);
            _info.Status = StatusBits();
            _info.AdcBits = (byte)_board.AdcBits;
            _info.NanovoltsPerLsb = _board.NanovoltsPerLsb;
            _port.Reply(_info, LinkMessageType.Hello, sequence);
        }

        private byte StatusBits()
        {
            int bits = 0;
            if (_pairings.HostCount > 0)
            {
                bits |= LinkDeviceStatus.Paired;
            }

            if (_board.PairingButton.IsPairingWindowOpen)
            {
                bits |= LinkDeviceStatus.PairingArmed;
            }

            if (_session.IsAuthenticated)
            {
                bits |= LinkDeviceStatus.Authenticated;
            }

            if (_stream.Streaming)
            {
                bits |= LinkDeviceStatus.Streaming;
            }

            return (byte)bits;
        }
    }
}
