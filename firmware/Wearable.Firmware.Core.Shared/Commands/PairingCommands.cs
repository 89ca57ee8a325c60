using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Pairing;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// PairRequest (only while the pairing button is active), AuthBegin and AuthResponse (open): the
    /// device side of pairing and the challenge-response of docs/protocol.md section 3.
    /// </summary>
    public sealed class PairingCommands : ICommandFamily
    {
        private readonly IPairingButton _button;
        private readonly byte[] _deviceId;
        private readonly LinkPort _port;
        private readonly LinkSession _session;
        private readonly PairingStore _pairings;
        private readonly PairRequestMessage _pair = new PairRequestMessage();
        private readonly AuthBeginMessage _authBegin = new AuthBeginMessage();
        private readonly AuthChallengeMessage _challenge = new AuthChallengeMessage();
        private readonly AuthResponseMessage _authResponse = new AuthResponseMessage();
        private readonly AuthResultMessage _authResult = new AuthResultMessage();

        public PairingCommands(IPairingButton button, byte[] deviceId, LinkPort port, LinkSession session, PairingStore pairings)
        {
            if (button == null || deviceId == null || port == null || session == null || pairings == null)
            {
                throw new ArgumentNullException("button", "Button, device id, port, session and pairings are required.");
            }

            _button = button;
            _deviceId = deviceId;
            _port = port;
            _session = session;
            _pairings = pairings;
        }

        public void Register(CommandTable table)
        {
            table.Register(LinkMessageType.PairRequest, CommandAccess.PairingWindow, LinkMessageType.Ack, this);
            table.Register(LinkMessageType.AuthBegin, CommandAccess.Open, LinkMessageType.AuthChallenge, this);
            table.Register(LinkMessageType.AuthResponse, CommandAccess.Open, LinkMessageType.AuthResult, this);
        }

        public void Handle(LinkFrame frame)
        {
            switch (frame.MessageType)
            {
                case LinkMessageType.PairRequest:
                    Pair(frame);
                    return;
                case LinkMessageType.AuthBegin:
                    Begin(frame);
                    return;
                default:
                    Respond(frame);
                    return;
            }
        }

        private void Pair(LinkFrame frame)
        {
            if (!frame.TryRead(_pair))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            if (!_button.IsPairingWindowOpen)
            {
                _port.Refuse(LinkMessageType.PairRequest, frame.Sequence, LinkErrorCode.PairingNotArmed, "pairing is not armed: press the pairing button on the device, then retry");
                return;
            }

            _pairings.Pair(_pair.HostId, 0, _pair.HostSecret, 0);
            _button.Consume();
            _session.Deauthenticate();
            _port.Ack(LinkMessageType.PairRequest, frame.Sequence);
        }

        private void Begin(LinkFrame frame)
        {
            if (!frame.TryRead(_authBegin))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            // A new attempt ends what the previous proof allowed, streaming included.
            _session.Deauthenticate();
            LinkErrorCode result = _session.Authenticator.Begin(_authBegin.HostId, _challenge.DeviceNonce);
            if (result != LinkErrorCode.None)
            {
                _port.Refuse(LinkMessageType.AuthBegin, frame.Sequence, result, "this host is not paired: arm pairing on the device and pair first");
                return;
            }

            _port.Reply(_challenge, LinkMessageType.AuthBegin, frame.Sequence);
        }

        private void Respond(LinkFrame frame)
        {
            if (!frame.TryRead(_authResponse))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            Array.Clear(_authResult.DeviceProof, 0, _authResult.DeviceProof.Length);
            LinkErrorCode result = _session.Authenticator.Verify(_authResponse.HostNonce, _authResponse.Proof, _deviceId, _authResult.DeviceProof);
            _authResult.Status = result;
            _port.Reply(_authResult, LinkMessageType.AuthResponse, frame.Sequence);
        }
    }
}
