using System;
using Wearable.Firmware.Pairing;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Slots;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// What one host's session owns on the device: its authentication, its stream, its half-done
    /// upload and the payload size it said it accepts. A session ends at a new Hello and whenever the
    /// transport reports that a peer connected or went away, so nothing one host proved or started
    /// carries over to whoever is on the link next.
    /// </summary>
    public sealed class LinkSession
    {
        private readonly SessionAuthenticator _authenticator;
        private readonly StreamEngine _stream;
        private readonly ModelSlots _slots;
        private readonly LinkPort _port;

        public LinkSession(SessionAuthenticator authenticator, StreamEngine stream, ModelSlots slots, LinkPort port)
        {
            if (authenticator == null || stream == null || slots == null || port == null)
            {
                throw new ArgumentNullException("authenticator", "Authenticator, stream, slots and port are required.");
            }

            _authenticator = authenticator;
            _stream = stream;
            _slots = slots;
            _port = port;
        }

        /// <summary>The session's authentication state.</summary>
        public SessionAuthenticator Authenticator { get { return _authenticator; } }

        public bool IsAuthenticated { get { return _authenticator.IsAuthenticated; } }

        /// <summary>Sessions ended so far (Hello, connect, disconnect).</summary>
        public int Ended { get; private set; }

        /// <summary>Drops authentication and stops streaming (a new authentication attempt, a new pairing).</summary>
        public void Deauthenticate()
        {
            _authenticator.Reset();
            _stream.Stop();
        }

        /// <summary>Drops authentication, stops streaming, discards an unfinished upload, forgets the host's payload limit.</summary>
        public void End()
        {
            _authenticator.Reset();
            _stream.Stop();
            if (_slots.Uploading)
            {
                _slots.Abort();
            }

            _port.PeerMaxPayload = LinkProtocol.MaxPayloadLength;
            Ended++;
        }
    }
}
