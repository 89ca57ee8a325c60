using Wearable.Firmware.Acquisition;
using Wearable.Firmware.Board;
using Wearable.Firmware.Commands;
using Wearable.Kernels.Link;

namespace Wearable.Firmware.Processing
{
    /// <summary>
    /// The stream's outbound side: hands sample blocks and inference events to the link port (whose
    /// transport write is the back-pressure of a slow link) and reports ring overflow as an Overflow
    /// error at most once a second, since a flood of error frames would only make the overflow worse.
    /// </summary>
    public sealed class StreamOutbox
    {
        private readonly LinkPort _port;
        private readonly IDeviceClock _clock;
        private readonly SampleRing _ring;
        private long _reportedDrops;
        private long _lastDropReportMicros;
        private long _blocksSent;
        private long _eventsSent;

        public StreamOutbox(LinkPort port, IDeviceClock clock, SampleRing ring)
        {
            _port = port;
            _clock = clock;
            _ring = ring;
        }

        /// <summary>Sample blocks (Raw, Filtered, Features) sent since the stream started.</summary>
        public long BlocksSent { get { return _blocksSent; } }

        /// <summary>Inference events sent since the stream started.</summary>
        public long EventsSent { get { return _eventsSent; } }

        /// <summary>A new stream: counters from zero, overflow reports from the ring's current count.</summary>
        public void Start()
        {
            _blocksSent = 0;
            _eventsSent = 0;
            _reportedDrops = _ring.FramesDropped;
            _lastDropReportMicros = _clock.Microseconds;
        }

        public void SendBlock(SampleBlockMessage block)
        {
            _port.Send(block);
            _blocksSent++;
        }

        public void SendEvent(InferenceEventMessage inference)
        {
            _port.Send(inference);
            _eventsSent++;
        }

        /// <summary>Reports frames the ring lost since the last report, once a second at most.</summary>
        public void ReportDrops()
        {
            long dropped = _ring.FramesDropped;
            long now = _clock.Microseconds;
            if (dropped != _reportedDrops && now - _lastDropReportMicros >= 1000000L)
            {
                _port.Report(
                    LinkErrorCode.Overflow,
                    LinkMessageType.SampleBlock,
                    "acquisition ring overflowed: " + (dropped - _reportedDrops).ToString() + " frames lost");
                _reportedDrops = dropped;
                _lastDropReportMicros = now;
            }
        }
    }
}
