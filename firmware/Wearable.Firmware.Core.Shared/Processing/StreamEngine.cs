using System;
using Wearable.Firmware.Acquisition;
using Wearable.Firmware.Board;
using Wearable.Firmware.Commands;
using Wearable.Kernels.Dsp;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Processing
{
    /// <summary>
    /// The processing loop's output side, one stage per job: acquisition (<see cref="StreamBlockSource"/>:
    /// whole blocks off the ring on the stream's block grid) -> front end (<see cref="StreamFrontEnd"/>:
    /// channel selection, band filter) -> model (<see cref="StreamModelStage"/>: decisions, feature
    /// vectors) -> outbound (<see cref="StreamOutbox"/>: the link, overflow reports). This class checks a
    /// StartStream request against what the stages can do and drives them from the main loop.
    /// </summary>
    public sealed class StreamEngine
    {
        /// <summary>Blocks sent per <see cref="Poll"/> at most, so commands stay responsive while streaming.</summary>
        public const int MaxBlocksPerPoll = 4;

        private readonly SampleRing _ring;
        private readonly FrameTimeline _timeline;
        private readonly StreamBlockSource _source;
        private readonly StreamFrontEnd _frontEnd;
        private readonly StreamModelStage _modelStage;
        private readonly StreamOutbox _outbox;
        private readonly SampleBlockMessage _message = new SampleBlockMessage();
        private LinkStreamKind _kind;
        private bool _streaming;
        private bool _eventsAlongside;

        /// <param name="epochMicros">Device time of ADC frame 0 (when acquisition began).</param>
        /// <param name="band">Band filter of the Filtered stream; null = no Filtered stream.</param>
        public StreamEngine(SampleRing ring, IDeviceClock clock, LinkPort port, int sampleRate, int maxBlockFrames, long epochMicros, BiquadCascadeParameters band)
        {
            if (ring == null)
            {
                throw new ArgumentNullException("ring");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            if (port == null)
            {
                throw new ArgumentNullException("port");
            }

            if (sampleRate < 1 || maxBlockFrames < 1)
            {
                throw new ArgumentOutOfRangeException("sampleRate", "The sample rate and the largest block must be positive.");
            }

            _ring = ring;
            _timeline = new FrameTimeline(epochMicros, sampleRate);
            _source = new StreamBlockSource(ring, maxBlockFrames);
            _frontEnd = new StreamFrontEnd(ring.Channels, maxBlockFrames, band);
            _outbox = new StreamOutbox(port, clock, ring);
            _modelStage = new StreamModelStage(_outbox, _timeline);
        }

        /// <summary>Device time of ADC frame 0: block timestamps are this plus frame index / rate.</summary>
        public long EpochMicros { get { return _timeline.EpochMicros; } }

        public bool Streaming { get { return _streaming; } }

        /// <summary>Blocks taken off the ring and processed since the stream started (sent, or run through the model).</summary>
        public uint BlocksSent { get { return (uint)_source.BlocksTaken; } }

        /// <summary>Blocks of the stream's grid the ring overwrote before they could be sent (their sequence numbers are skipped).</summary>
        public long BlocksDropped { get { return _source.BlocksDropped; } }

        /// <summary>Stream kinds this build can produce.</summary>
        public uint Capabilities
        {
            get
            {
                return LinkCapabilities.RawStream
                    | (_frontEnd.CanFilter ? LinkCapabilities.FilteredStream : 0u)
                    | (Model != null ? LinkCapabilities.InferenceEvents | LinkCapabilities.FeatureStream : 0u);
            }
        }

        /// <summary>The model pipeline behind the InferenceEvents stream (null: none is active).</summary>
        public ModelPipeline Model
        {
            get { return _modelStage.Model; }
        }

        /// <summary>
        /// Installs the active model's pipeline (or null). A running event stream stops: its decisions
        /// would otherwise mix two models.
        /// </summary>
        public void SetModel(ModelPipeline model)
        {
            if (_streaming && (UsesModel(_kind) || _eventsAlongside))
            {
                _streaming = false;
            }

            _modelStage.SetModel(model);
        }

        /// <summary>The kind being streamed.</summary>
        public LinkStreamKind Kind { get { return _kind; } }

        /// <summary>
        /// Starts a stream with StartStream options: <see cref="StartStreamMessage.OptionInferenceEvents"/> adds the
        /// active model's events to a Raw or Filtered stream. Returns None or the reason it cannot.
        /// </summary>
        public LinkErrorCode Start(LinkStreamKind kind, int blockFrames, uint channelMask, int options)
        {
            LinkErrorCode refusal = Check(kind, blockFrames, channelMask, options);
            if (refusal != LinkErrorCode.None)
            {
                return refusal;
            }

            _kind = kind;
            _eventsAlongside = (options & StartStreamMessage.OptionInferenceEvents) != 0;
            _frontEnd.Start(channelMask, kind == LinkStreamKind.Filtered);
            if (UsesModel(kind) || _eventsAlongside)
            {
                _modelStage.Start();
            }

            _source.Start(blockFrames);
            _outbox.Start();
            _streaming = true;
            return LinkErrorCode.None;
        }

        public void Stop()
        {
            _streaming = false;
        }

        /// <summary>Sends the blocks that are complete (up to <see cref="MaxBlocksPerPoll"/>).</summary>
        public void Poll()
        {
            if (!_streaming)
            {
                return;
            }

            for (int n = 0; n < MaxBlocksPerPoll; n++)
            {
                if (!_source.TryTake())
                {
                    break;
                }

                Process();
            }

            _outbox.ReportDrops();
        }

        private static bool UsesModel(LinkStreamKind kind)
        {
            return kind == LinkStreamKind.InferenceEvents || kind == LinkStreamKind.Features;
        }

        private LinkErrorCode Check(LinkStreamKind kind, int blockFrames, uint channelMask, int options)
        {
            bool eventsAlongside = (options & StartStreamMessage.OptionInferenceEvents) != 0;
            if ((options & ~StartStreamMessage.OptionInferenceEvents) != 0)
            {
                return LinkErrorCode.InvalidArgument;
            }

            ModelPipeline model = Model;
            if (eventsAlongside && (model == null || kind == LinkStreamKind.InferenceEvents))
            {
                return model == null ? LinkErrorCode.StreamNotSupported : LinkErrorCode.InvalidArgument;
            }

            bool supported = kind == LinkStreamKind.Raw
                || (kind == LinkStreamKind.Filtered && _frontEnd.CanFilter)
                || (kind == LinkStreamKind.InferenceEvents && model != null)
                || (kind == LinkStreamKind.Features && model != null && model.FrontEnd.Outputs.Length <= 255);
            if (!supported)
            {
                return LinkErrorCode.StreamNotSupported;
            }

            // Feature blocks carry whole vectors: every feature of every channel, BlockSamples vectors at most.
            int width = kind == LinkStreamKind.Features ? model.FrontEnd.Outputs.Length : _frontEnd.CountSelected(channelMask);
            if (width == 0 || blockFrames < 1 || blockFrames > _source.MaxBlockFrames
                || blockFrames * width > SampleBlockMessage.MaxValues || blockFrames > _ring.CapacityFrames / 2)
            {
                return LinkErrorCode.InvalidArgument;
            }

            return LinkErrorCode.None;
        }

        private void Process()
        {
            short[] frames = _source.Frames;
            int channels = _source.Channels;
            int blockFrames = _source.BlockFrames;
            long firstFrame = _source.FirstFrame;
            if (_kind == LinkStreamKind.InferenceEvents)
            {
                _modelStage.Decide(frames, channels, blockFrames, firstFrame);
                return;
            }

            if (_kind == LinkStreamKind.Features)
            {
                _modelStage.CollectFeatures(frames, channels, blockFrames, firstFrame);
                return;
            }

            _frontEnd.Process(frames, blockFrames, _kind == LinkStreamKind.Filtered, _message.Values);
            _message.Kind = _kind;
            _message.ChannelCount = _frontEnd.SelectedCount;
            _message.SampleCount = blockFrames;
            _message.BlockSequence = _source.Sequence;
            _message.TimestampMicros = _timeline.Micros(firstFrame);
            _outbox.SendBlock(_message);
            if (_eventsAlongside)
            {
                _modelStage.Decide(frames, channels, blockFrames, firstFrame);
            }
        }
    }
}
