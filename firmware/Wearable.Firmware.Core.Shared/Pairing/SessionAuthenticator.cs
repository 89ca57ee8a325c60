using System;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Pairing
{
    /// <summary>
    /// The access state of one link session and the device side of the challenge-response:
    /// AuthBegin(hostId) -> AuthChallenge(deviceNonce) -> AuthResponse(hostNonce, proof) -> AuthResult,
    /// with the proofs of <see cref="LinkAuthenticator"/>. Each challenge answers exactly one
    /// response: it is consumed whether the proof verifies or not, so a recorded response replayed
    /// later meets either no challenge or a fresh nonce and is refused.
    /// </summary>
    public sealed class SessionAuthenticator
    {
        private readonly PairingStore _pairings;
        private readonly NonceSource _nonces;
        private readonly LinkAuthenticator _proofs = new LinkAuthenticator();
        private readonly byte[] _deviceNonce = new byte[NonceSource.NonceLength];
        private readonly byte[] _hostId = new byte[PairingStore.HostIdLength];
        private readonly byte[] _secret = new byte[PairingStore.SecretLength];
        private bool _authenticated;
        private bool _challengeOutstanding;
        private int _hostIndex;

        public SessionAuthenticator(PairingStore pairings, NonceSource nonces)
        {
            if (pairings == null)
            {
                throw new ArgumentNullException("pairings");
            }

            if (nonces == null)
            {
                throw new ArgumentNullException("nonces");
            }

            _pairings = pairings;
            _nonces = nonces;
        }

        /// <summary>True after a verified AuthResponse in this session.</summary>
        public bool IsAuthenticated { get { return _authenticated; } }

        /// <summary>Ends the session's access (new Hello, link reset, re-pairing).</summary>
        public void Reset()
        {
            _authenticated = false;
            _challengeOutstanding = false;
            Array.Clear(_secret, 0, _secret.Length);
        }

        /// <summary>
        /// Starts an attempt for the host named in <paramref name="hostId"/>: writes a fresh nonce into
        /// <paramref name="nonce"/> and returns None, or NotPaired for an unknown host. A new attempt
        /// drops the session's authentication until it succeeds.
        /// </summary>
        public LinkErrorCode Begin(byte[] hostId, byte[] nonce)
        {
            Reset();
            int index = _pairings.Find(hostId, 0);
            if (index < 0)
            {
                return LinkErrorCode.NotPaired;
            }

            _hostIndex = index;
            Array.Copy(hostId, 0, _hostId, 0, PairingStore.HostIdLength);
            _nonces.Next(_deviceNonce, 0);
            Array.Copy(_deviceNonce, 0, nonce, 0, NonceSource.NonceLength);
            _challengeOutstanding = true;
            return LinkErrorCode.None;
        }

        /// <summary>
        /// Checks the host's proof against the outstanding challenge (consuming it). On success writes
        /// the device's proof into <paramref name="deviceProof"/> and returns None; otherwise
        /// NoChallenge (nothing outstanding: a replay or out of order) or AuthFailed.
        /// </summary>
        public LinkErrorCode Verify(byte[] hostNonce, byte[] proof, byte[] deviceId, byte[] deviceProof)
        {
            if (!_challengeOutstanding)
            {
                return LinkErrorCode.NoChallenge;
            }

            _challengeOutstanding = false;
            if (_hostIndex >= _pairings.HostCount)
            {
                return LinkErrorCode.NotPaired;
            }

            _pairings.CopySecret(_hostIndex, _secret, 0);
            if (!_proofs.VerifyHostProof(_secret, _deviceNonce, hostNonce, _hostId, proof, 0))
            {
                Array.Clear(_secret, 0, _secret.Length);
                return LinkErrorCode.AuthFailed;
            }

            _proofs.ComputeDeviceProof(_secret, hostNonce, _deviceNonce, deviceId, deviceProof, 0);
            Array.Clear(_secret, 0, _secret.Length);
            _authenticated = true;
            return LinkErrorCode.None;
        }
    }
}
