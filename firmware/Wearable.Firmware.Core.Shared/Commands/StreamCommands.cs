using System;
using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Slots;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Commands
{
    /// <summary>
    /// StartStream, StopStream and Marker (authenticated). A stream whose blocks would not fit the
    /// payload the host accepts is refused with the largest block that would; a host Marker is stamped
    /// with the device clock and echoed into the stream (so it sits between the blocks it happened
    /// between), then acknowledged when the frame asked for an Ack.
    /// </summary>
    public sealed class StreamCommands : ICommandFamily
    {
        private readonly IDeviceClock _clock;
        private readonly int _channels;
        private readonly LinkPort _port;
        private readonly ModelSlots _slots;
        private readonly StreamEngine _stream;
        private readonly StartStreamMessage _start = new StartStreamMessage();
        private readonly StopStreamMessage _stop = new StopStreamMessage();
        private readonly MarkerMessage _marker = new MarkerMessage();

        public StreamCommands(IDeviceClock clock, int channels, LinkPort port, ModelSlots slots, StreamEngine stream)
        {
            if (clock == null || port == null || slots == null || stream == null)
            {
                throw new ArgumentNullException("clock", "Clock, port, slots and stream are required.");
            }

            _clock = clock;
            _channels = channels;
            _port = port;
            _slots = slots;
            _stream = stream;
        }

        public void Register(CommandTable table)
        {
            table.Register(LinkMessageType.StartStream, CommandAccess.Authenticated, LinkMessageType.Ack, this);
            table.Register(LinkMessageType.StopStream, CommandAccess.Authenticated, LinkMessageType.Ack, this);
            table.Register(LinkMessageType.Marker, CommandAccess.Authenticated, LinkMessageType.Ack, this);
        }

        public void Handle(LinkFrame frame)
        {
            switch (frame.MessageType)
            {
                case LinkMessageType.StartStream:
                    Start(frame);
                    return;
                case LinkMessageType.StopStream:
                    if (!frame.TryRead(_stop))
                    {
                        CommandReplies.Malformed(_port, frame);
                        return;
                    }

                    _stream.Stop();
                    _port.Ack(LinkMessageType.StopStream, frame.Sequence);
                    return;
                default:
                    Mark(frame);
                    return;
            }
        }

        private void Start(LinkFrame frame)
        {
            int sequence = frame.Sequence;
            if (!frame.TryRead(_start))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            if (_slots.Uploading)
            {
                _port.Refuse(LinkMessageType.StartStream, sequence, LinkErrorCode.Busy, "a model upload is in progress: commit or abort it first");
                return;
            }

            int width = BlockWidth(_start.Kind, _start.ChannelMask);
            int blockPayload = SampleBlockMessage.HeaderLength + (2 * width * _start.BlockSamples);
            if (_start.Kind != LinkStreamKind.InferenceEvents && width > 0 && blockPayload > _port.PeerMaxPayload)
            {
                int fits = (_port.PeerMaxPayload - SampleBlockMessage.HeaderLength) / (2 * width);
                _port.Refuse(LinkMessageType.StartStream, sequence, LinkErrorCode.InvalidArgument,
                    "at most " + fits.ToString() + " samples per block: " + blockPayload.ToString() + " B > your " + _port.PeerMaxPayload.ToString() + " B limit");
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

        // Values per step of a SampleBlock of this kind: the selected channels, or a whole feature vector.
        private int BlockWidth(LinkStreamKind kind, uint channelMask)
        {
            if (kind == LinkStreamKind.Features)
            {
                return _stream.Model == null ? 0 : _stream.Model.FrontEnd.Outputs.Length;
            }

            int selected = 0;
            for (int c = 0; c < _channels && c < 32; c++)
            {
                if ((channelMask & (1u << c)) != 0)
                {
                    selected++;
                }
            }

            return selected;
        }

        private void Mark(LinkFrame frame)
        {
            if (!frame.TryRead(_marker))
            {
                CommandReplies.Malformed(_port, frame);
                return;
            }

            _marker.TimestampMicros = _clock.Microseconds;
            _port.Send(_marker);
            if (frame.HasFlag(LinkFlags.AckRequested))
            {
                _port.Ack(LinkMessageType.Marker, frame.Sequence);
            }
        }
    }
}
