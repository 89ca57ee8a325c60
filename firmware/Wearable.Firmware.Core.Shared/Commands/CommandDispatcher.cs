using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Calibration;
using Wearable.Firmware.Hil;
using Wearable.Firmware.Pairing;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Slots;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// Answers the host's requests, one decoded frame at a time, and enforces access control: before a
    /// session is authenticated only Hello (device info), PairRequest (while the pairing button is
    /// active), AuthBegin and AuthResponse are served; everything else is refused with
    /// NotAuthenticated. Message holders are allocated once here and reused for every frame.
    /// </summary>
    public sealed class CommandDispatcher : ILinkFrameSink
    {
        private readonly DeviceBoard _board;
        private readonly LinkPort _port;
        private readonly PairingStore _pairings;
        private readonly SessionAuthenticator _session;
        private readonly ModelSlots _slots;
        private readonly CalibrationStore _calibration;
        private readonly StreamEngine _stream;
        private readonly ModelUploadCommands _upload;
        private readonly HilCommands _hil;
        private readonly HilKernelRegistry _hilKernels;

        private readonly HelloMessage _hello = new HelloMessage();
        private readonly DeviceInfoMessage _info = new DeviceInfoMessage();
        private readonly PairRequestMessage _pair = new PairRequestMessage();
        private readonly AuthBeginMessage _authBegin = new AuthBeginMessage();
        private readonly AuthChallengeMessage _challenge = new AuthChallengeMessage();
        private readonly AuthResponseMessage _authResponse = new AuthResponseMessage();
        private readonly AuthResultMessage _authResult = new AuthResultMessage();
        private readonly StartStreamMessage _start = new StartStreamMessage();
        private readonly StopStreamMessage _stop = new StopStreamMessage();
        private readonly ConfigGetMessage _configGet = new ConfigGetMessage();
        private readonly ConfigSetMessage _configSet = new ConfigSetMessage();
        private readonly ConfigValueMessage _configValue = new ConfigValueMessage();
        private readonly CalibrationMessage _calibrationMessage = new CalibrationMessage();
        private readonly TimeSyncPingMessage _ping = new TimeSyncPingMessage();
        private readonly TimeSyncPongMessage _pong = new TimeSyncPongMessage();

        public CommandDispatcher(
            DeviceBoard board,
            LinkPort port,
            PairingStore pairings,
            SessionAuthenticator session,
            ModelSlots slots,
            CalibrationStore calibration,
            StreamEngine stream,
            HilKernelRegistry hilKernels)
        {
            if (board == null || port == null || pairings == null || session == null || slots == null || calibration == null || stream == null || hilKernels == null)
            {
                throw new ArgumentNullException("board", "Every part of the dispatcher is required.");
            }

            _board = board;
            _port = port;
            _pairings = pairings;
            _session = session;
            _slots = slots;
            _calibration = calibration;
            _stream = stream;
            _upload = new ModelUploadCommands(port, slots, stream);
            _hil = new HilCommands(port, board.Clock, hilKernels);
            _hilKernels = hilKernels;
            _info.SetBoardName(board.Profile.Name);
            Array.Copy(board.DeviceId, 0, _info.DeviceId, 0, 16);
        }

        /// <summary>Requests refused because the session was not authenticated.</summary>
        public long RefusedUnauthenticated { get; private set; }

        /// <summary>Frames handled (any type).</summary>
        public long FramesHandled { get; private set; }

        public void OnFrame(LinkFrame frame)
        {
            FramesHandled++;
            if (frame.HasFlag(LinkFlags.Response))
            {
                // The device asks nothing of the host, so a response here is stray: ignore it.
                return;
            }

            LinkMessageType type = frame.MessageType;
            int sequence = frame.Sequence;
            switch (type)
            {
                case LinkMessageType.Hello:
                    HandleHello(frame, sequence);
                    return;
                case LinkMessageType.PairRequest:
                    HandlePair(frame, sequence);
                    return;
                case LinkMessageType.AuthBegin:
                    HandleAuthBegin(frame, sequence);
                    return;
                case LinkMessageType.AuthResponse:
                    HandleAuthResponse(frame, sequence);
                    return;
            }

            if (!_session.IsAuthenticated)
            {
                RefusedUnauthenticated++;
                _port.Refuse(type, sequence, LinkErrorCode.NotAuthenticated, "not authenticated: pair, then authenticate first");
                return;
            }

            switch (type)
            {
                case LinkMessageType.StartStream:
                    HandleStart(frame, sequence);
                    return;
                case LinkMessageType.StopStream:
                    if (!frame.TryRead(_stop))
                    {
                        Malformed(type, sequence);
                        return;
                    }

                    _stream.Stop();
                    _port.Ack(type, sequence);
                    return;
                case LinkMessageType.ConfigGet:
                    HandleConfigGet(frame, sequence);
                    return;
                case LinkMessageType.ConfigSet:
                    if (!frame.TryRead(_configSet))
                    {
                        Malformed(type, sequence);
                        return;
                    }

                    HandleConfigSet(sequence);
                    return;
                case LinkMessageType.CalibrationGet:
                    HandleCalibrationGet(sequence);
                    return;
                case LinkMessageType.Calibration:
                    HandleCalibrationSet(frame, sequence);
                    return;
                case LinkMessageType.ModelBegin:
                    _upload.Begin(frame, sequence);
                    return;
                case LinkMessageType.ModelChunk:
                    _upload.Chunk(frame, sequence);
                    return;
                case LinkMessageType.ModelCommit:
                    _upload.Commit(frame, sequence);
                    return;
                case LinkMessageType.ModelAbort:
                    _upload.Abort(frame, sequence);
                    return;
                case LinkMessageType.TimeSyncPing:
                    HandlePing(frame, sequence);
                    return;
                case LinkMessageType.HilRun:
                    _hil.Run(frame, sequence);
                    return;
                default:
                    _port.Refuse(type, sequence, LinkErrorCode.UnknownMessage, "unknown message type");
                    return;
            }
        }

        // The only writable key: a per-user threshold for the running EEG detector (calibration from the host).
        private void HandleConfigSet(int sequence)
        {
            if (_configSet.Key != LinkConfigKey.DetectorThresholdQ15)
            {
                _port.Refuse(LinkMessageType.ConfigSet, sequence, LinkErrorCode.UnknownConfigKey, "only the EEG detector threshold (key 9) is writable in this firmware");
                return;
            }

            ModelPipeline model = _stream.Model;
            if (model == null || model.Eeg == null)
            {
                _port.Refuse(LinkMessageType.ConfigSet, sequence, LinkErrorCode.InvalidArgument, "the active model has no EEG detector: push an alpha or SSVEP model first");
                return;
            }

            if (_configSet.Value < 0 || _configSet.Value > 32767)
            {
                _port.Refuse(LinkMessageType.ConfigSet, sequence, LinkErrorCode.InvalidArgument, "the detector threshold is Q15: 0..32767");
                return;
            }

            model.Eeg.ThresholdQ15 = _configSet.Value;
            _port.Ack(LinkMessageType.ConfigSet, sequence);
        }

        /// <summary>Fills and sends DeviceInfo (also used by the board layer for its own display).</summary>
        public void SendDeviceInfo(int sequence)
        {
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
            _port.Reply(_info, sequence);
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

        private void HandleHello(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_hello))
            {
                Malformed(LinkMessageType.Hello, sequence);
                return;
            }

            // A Hello opens a new session: whoever sent it has not proven anything yet.
            _stream.Stop();
            _session.Reset();
            SendDeviceInfo(sequence);
        }

        private void HandlePair(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_pair))
            {
                Malformed(LinkMessageType.PairRequest, sequence);
                return;
            }

            if (!_board.PairingButton.IsPairingWindowOpen)
            {
                _port.Refuse(LinkMessageType.PairRequest, sequence, LinkErrorCode.PairingNotArmed, "pairing is not armed: press the pairing button on the device, then retry");
                return;
            }

            _pairings.Pair(_pair.HostId, 0, _pair.HostSecret, 0);
            _board.PairingButton.Consume();
            _session.Reset();
            _port.Ack(LinkMessageType.PairRequest, sequence);
        }

        private void HandleAuthBegin(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_authBegin))
            {
                Malformed(LinkMessageType.AuthBegin, sequence);
                return;
            }

            _stream.Stop();
            LinkErrorCode result = _session.Begin(_authBegin.HostId, _challenge.DeviceNonce);
            if (result != LinkErrorCode.None)
            {
                _port.Refuse(LinkMessageType.AuthBegin, sequence, result, "this host is not paired: arm pairing on the device and pair first");
                return;
            }

            _port.Reply(_challenge, sequence);
        }

        private void HandleAuthResponse(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_authResponse))
            {
                Malformed(LinkMessageType.AuthResponse, sequence);
                return;
            }

            Array.Clear(_authResult.DeviceProof, 0, _authResult.DeviceProof.Length);
            LinkErrorCode result = _session.Verify(_authResponse.HostNonce, _authResponse.Proof, _board.DeviceId, _authResult.DeviceProof);
            _authResult.Status = result;
            _port.Reply(_authResult, sequence);
        }

        private void HandleStart(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_start))
            {
                Malformed(LinkMessageType.StartStream, sequence);
                return;
            }

            if (_slots.Uploading)
            {
                _port.Refuse(LinkMessageType.StartStream, sequence, LinkErrorCode.Busy, "a model upload is in progress: commit or abort it first");
                return;
            }

            LinkErrorCode result = _stream.Start(_start.Kind, _start.BlockSamples, _start.ChannelMask, _start.Options);
            if (result != LinkErrorCode.None)
            {
                _port.Refuse(LinkMessageType.StartStream, sequence, result, result == LinkErrorCode.StreamNotSupported
                    ? "this firmware streams raw samples, and filtered ones at rates with a front end; no features, spikes or events yet"
                    : "block size or channel mask out of range for this device");
                return;
            }

            _port.Ack(LinkMessageType.StartStream, sequence);
        }

        private void HandleConfigGet(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_configGet))
            {
                Malformed(LinkMessageType.ConfigGet, sequence);
                return;
            }

            int key = _configGet.Key;
            int value;
            if (key == LinkConfigKey.SampleRateHz)
            {
                value = _board.Source.SampleRate;
            }
            else if (key == LinkConfigKey.ChannelMask)
            {
                value = _board.Source.Channels >= 32 ? -1 : (int)((1u << _board.Source.Channels) - 1);
            }
            else if (key == DeviceConfigKey.ActiveModelCrc)
            {
                value = (int)_slots.ActiveCrc;
            }
            else if (key == DeviceConfigKey.ActiveModelSize)
            {
                value = _slots.ActiveSize;
            }
            else if (key == DeviceConfigKey.ActiveModelVerified)
            {
                value = _slots.ActiveVerified ? 1 : 0;
            }
            else if (key == DeviceConfigKey.UploadReceived)
            {
                value = _slots.Uploading ? _slots.Received : -1;
            }
            else
            {
                _port.Refuse(LinkMessageType.ConfigGet, sequence, LinkErrorCode.UnknownConfigKey, "unknown configuration key");
                return;
            }

            _configValue.Key = key;
            _configValue.Value = value;
            _port.Reply(_configValue, sequence);
        }

        private void HandleCalibrationGet(int sequence)
        {
            int count = _board.Source.Channels;
            if (count > CalibrationMessage.MaxChannels)
            {
                count = CalibrationMessage.MaxChannels;
            }

            _calibrationMessage.ChannelCount = count;
            for (int c = 0; c < count; c++)
            {
                _calibrationMessage.GainQ16[c] = _calibration.GainQ16(c);
                _calibrationMessage.OffsetLsb[c] = _calibration.OffsetLsb(c);
                _calibrationMessage.NoiseThresholdLsb[c] = _calibration.NoiseThresholdLsb(c);
            }

            _port.Reply(_calibrationMessage, sequence);
        }

        private void HandleCalibrationSet(LinkFrame frame, int sequence)
        {
            if (!frame.TryRead(_calibrationMessage))
            {
                Malformed(LinkMessageType.Calibration, sequence);
                return;
            }

            if (_calibrationMessage.ChannelCount > _board.Source.Channels)
            {
                _port.Refuse(LinkMessageType.Calibration, sequence, LinkErrorCode.InvalidArgument, "more calibration entries than the device has channels");
                return;
            }

            _calibration.Store(_calibrationMessage.ChannelCount, _calibrationMessage.GainQ16, _calibrationMessage.OffsetLsb, _calibrationMessage.NoiseThresholdLsb);
            _port.Ack(LinkMessageType.Calibration, sequence);
        }

        private void HandlePing(LinkFrame frame, int sequence)
        {
            long received = _board.Clock.Microseconds;
            if (!frame.TryRead(_ping))
            {
                Malformed(LinkMessageType.TimeSyncPing, sequence);
                return;
            }

            _pong.HostTimeMicros = _ping.HostTimeMicros;
            _pong.PingId = _ping.PingId;
            _pong.DeviceReceiveMicros = received;
            _pong.DeviceTransmitMicros = _board.Clock.Microseconds;
            _port.Reply(_pong, sequence);
        }

        private void Malformed(LinkMessageType type, int sequence)
        {
            _port.Refuse(type, sequence, LinkErrorCode.MalformedPayload, "payload length or a field is out of range");
        }
    }
}
