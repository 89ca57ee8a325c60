using System;
using Wearable.Firmware.Board;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// The device's sending side of the link: encodes messages into one reused buffer and writes them
    /// to the transport. Replies carry the request's sequence number and the Response flag; frames the
    /// device sends on its own (sample blocks, overflow errors, logs) use the device's own counter.
    /// </summary>
    public sealed class LinkPort
    {
        private readonly IByteTransport _transport;
        private readonly LinkEncoder _encoder = new LinkEncoder();
        private readonly byte[] _frame = new byte[LinkProtocol.MaxEncodedFrameLength];
        private readonly AckMessage _ack = new AckMessage();
        private readonly ErrorMessage _error = new ErrorMessage();
        private int _sequence;
        private long _framesSent;
        private long _bytesSent;

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

        /// <summary>Sends a message the device originates.</summary>
        public void Send(ILinkMessage message)
        {
            Write(message, LinkFlags.None, NextSequence());
        }

        /// <summary>Answers the request with <paramref name="requestSequence"/>.</summary>
        public void Reply(ILinkMessage message, int requestSequence)
        {
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
            _error.SetDetail(detail);
            Write(_error, (byte)(LinkFlags.Response | LinkFlags.Error), requestSequence);
        }

        /// <summary>Reports a problem nobody asked about (e.g. a ring overflow).</summary>
        public void Report(LinkErrorCode code, LinkMessageType about, string detail)
        {
            _error.Code = code;
            _error.RefusedType = about;
            _error.RefusedSequence = 0;
            _error.SetDetail(detail);
            Write(_error, LinkFlags.Error, NextSequence());
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
