using System;
using Wearable.Firmware.Board;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// The device's sending side of the link: encodes messages into one reused buffer and writes them
    /// to the transport. Replies carry the request's sequence number and the Response flag; frames the
    /// device sends on its own (sample blocks, overflow errors, logs) use the device's own counter.
    /// Nothing larger than the payload the host said it accepts (Hello.MaxReceivePayload) leaves here:
    /// an oversized reply becomes an Error that says so, error texts are shortened to fit, and an
    /// oversized unsolicited frame is withheld and counted.
    /// </summary>
    public sealed class LinkPort
    {
        /// <summary>
        /// The smallest MaxReceivePayload a host may state: DeviceInfo (56 B), the largest reply a host must
        /// be able to read to get anywhere, fits, and so does an Error with a 56-character reason.
        /// </summary>
        public const int MinPeerPayload = 64;

        private readonly IByteTransport _transport;
        private readonly LinkEncoder _encoder = new LinkEncoder();
        private readonly byte[] _frame = new byte[LinkProtocol.MaxEncodedFrameLength];
        private readonly AckMessage _ack = new AckMessage();
        private readonly ErrorMessage _error = new ErrorMessage();
        private int _sequence;
        private long _framesSent;
        private long _bytesSent;
        private long _framesWithheld;
        private int _peerMaxPayload = LinkProtocol.MaxPayloadLength;

        public LinkPort(IByteTransport transport)
        {
            if (transport == null)
            {
                throw new ArgumentNullException("transport");
            }

            _transport = transport;
        }

        /// <summary>Frames written to the transport.</summary>
        public long FramesSent { get { return _framesSent; } }

        /// <summary>Bytes written to the transport (COBS and delimiters included).</summary>
        public long BytesSent { get { return _bytesSent; } }

        /// <summary>Unsolicited frames not sent because they exceeded <see cref="PeerMaxPayload"/>.</summary>
        public long FramesWithheld { get { return _framesWithheld; } }

        /// <summary>
        /// The largest payload the connected host accepts: what its Hello stated (at least
        /// <see cref="MinPeerPayload"/>), <see cref="LinkProtocol.MaxPayloadLength"/> until then.
        /// </summary>
        public int PeerMaxPayload
        {
            get { return _peerMaxPayload; }
            set
            {
                if (value < MinPeerPayload || value > LinkProtocol.MaxPayloadLength)
                {
                    throw new ArgumentOutOfRangeException("value", "A host accepts " + MinPeerPayload.ToString() + " to " + LinkProtocol.MaxPayloadLength.ToString() + " B per payload.");
                }

                _peerMaxPayload = value;
            }
        }

        /// <summary>Sends a message the device originates (withheld when the host could not read it).</summary>
        public void Send(ILinkMessage message)
        {
            if (message.PayloadLength > _peerMaxPayload)
            {
                _framesWithheld++;
                return;
            }

            Write(message, LinkFlags.None, NextSequence());
        }

        /// <summary>
        /// Answers the request of <paramref name="requestType"/> with <paramref name="requestSequence"/>, or
        /// refuses it when the answer is larger than the host accepts.
        /// </summary>
        public void Reply(ILinkMessage message, LinkMessageType requestType, int requestSequence)
        {
            int length = message.PayloadLength;
            if (length > _peerMaxPayload)
            {
                Refuse(requestType, requestSequence, LinkErrorCode.InvalidArgument,
                    "reply " + length.ToString() + " B > your " + _peerMaxPayload.ToString() + " B limit: raise it in Hello");
                return;
            }

            Write(message, LinkFlags.Response, requestSequence);
        }

        /// <summary>Acknowledges a request.</summary>
        public void Ack(LinkMessageType requestType, int requestSequence)
        {
            _ack.AckedType = requestType;
            _ack.AckedSequence = requestSequence;
            Write(_ack, LinkFlags.Response, requestSequence);
        }

        /// <summary>Refuses a request with a code and a short reason.</summary>
        public void Refuse(LinkMessageType requestType, int requestSequence, LinkErrorCode code, string detail)
        {
            _error.Code = code;
            _error.RefusedType = requestType;
            _error.RefusedSequence = requestSequence;
            SetDetail(detail);
            Write(_error, (byte)(LinkFlags.Response | LinkFlags.Error), requestSequence);
        }

        /// <summary>Reports a problem nobody asked about (e.g. a ring overflow).</summary>
        public void Report(LinkErrorCode code, LinkMessageType about, string detail)
        {
            _error.Code = code;
            _error.RefusedType = about;
            _error.RefusedSequence = 0;
            SetDetail(detail);
            Write(_error, LinkFlags.Error, NextSequence());
        }

        // The reason is cut, never the error: a host with a small receive buffer still learns the code
        // (reasons that matter then are written to fit the 56 characters a 64 B limit leaves).
        private void SetDetail(string detail)
        {
            _error.SetDetail(detail);
            int room = _peerMaxPayload - ErrorMessage.HeaderLength;
            if (_error.DetailLength > room)
            {
                _error.DetailLength = room;
            }
        }

        private int NextSequence()
        {
            int sequence = _sequence;
            _sequence = (_sequence + 1) & 0xFFFF;
            return sequence;
        }

        private void Write(ILinkMessage message, byte flags, int sequence)
        {
            int length = _encoder.Encode(message, flags, sequence, _frame, 0);
            _transport.Write(_frame, 0, length);
            _framesSent++;
            _bytesSent += length;
        }
    }
}
