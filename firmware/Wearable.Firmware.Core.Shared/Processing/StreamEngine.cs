using System;
using Wearable.Firmware.Acquisition;
using Wearable.Firmware.Board;
using Wearable.Firmware.Commands;
using Wearable.Kernels.Dsp;
using Wearable.Kernels.FixedPoint;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Processing
{
    /// <summary>
    /// The processing loop's output side: takes blocks of frames from the ring, selects the requested
    /// channels and sends them as SampleBlock messages with a block counter and the device time of the
    /// first frame. Raw is the ADC's int16; Filtered runs the shared BiquadCascade (the board's or the
    /// default band filter for the rate, reset at stream start) and rounds its guarded output back to
    /// int16. InferenceEvents runs the active model's pipeline (front end, CNN and/or LIF layers) over
    /// every frame and sends one InferenceEvent per decision, stamped with the time of its last sample.
    /// </summary>
    public sealed class StreamEngine
    {
        /// <summary>Blocks sent per <see cref="Poll"/> at most, so commands stay responsive while streaming.</summary>
        public const int MaxBlocksPerPoll = 4;

        private readonly SampleRing _ring;
        private readonly IDeviceClock _clock;
        private readonly LinkPort _port;
        private readonly int _sampleRate;
        private readonly short[] _block;
        private readonly int[] _selected;
        private readonly SampleBlockMessage _message = new SampleBlockMessage();
        private readonly BiquadCascade _filter;
        private readonly int[] _guarded;
        private readonly InferenceEventMessage _event = new InferenceEventMessage();
        private ModelPipeline _model;
        private sbyte[] _scores = new sbyte[0];
        private uint _eventSequence;
        private bool _eventsAlongside;
        private int _featureVectors;
        private long _featureFirstFrame;
        private LinkStreamKind _kind;
        private bool _streaming;
        private int _blockFrames;
        private int _selectedCount;
        private uint _blockSequence;
        private long _epochMicros;

        /// <summary>Device time of ADC frame 0: block timestamps are this plus frame index / rate.</summary>
        public long EpochMicros { get { return _epochMicros; } }

        private long _reportedDrops;
        private long _lastDropReportMicros;

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
            _clock = clock;
            _port = port;
            _sampleRate = sampleRate;
            _epochMicros = epochMicros;
            _block = new short[ring.Channels * maxBlockFrames];
            _selected = new int[ring.Channels];
            if (band != null)
            {
                _filter = new BiquadCascade(band, ring.Channels);
                _guarded = new int[ring.Channels * maxBlockFrames];
            }
        }

        public bool Streaming { get { return _streaming; } }

        /// <summary>Blocks sent since the stream started.</summary>
        public uint BlocksSent { get { return _blockSequence; } }

        /// <summary>Stream kinds this build can produce.</summary>
        public uint Capabilities
        {
            get
            {
                return LinkCapabilities.RawStream
                    | (_filter != null ? LinkCapabilities.FilteredStream : 0u)
                    | (_model != null ? LinkCapabilities.InferenceEvents | LinkCapabilities.FeatureStream : 0u);
            }
        }

        /// <summary>The model pipeline behind the InferenceEvents stream (null: none is active).</summary>
        public ModelPipeline Model
        {
            get { return _model; }
        }

        /// <summary>
        /// Installs the active model's pipeline (or null). A running event stream stops: its decisions
        /// would otherwise mix two models.
        /// </summary>
        public void SetModel(ModelPipeline model)
        {
            if (_streaming && (_kind == LinkStreamKind.InferenceEvents || _eventsAlongside))
            {
                _streaming = false;
            }

            _model = model;
            ModelRunner runner = model == null ? null : model.Runner;
            _scores = runner == null ? new sbyte[0] : new sbyte[runner.OutputBytes];
        }

        /// <summary>The kind being streamed.</summary>
        public LinkStreamKind Kind { get { return _kind; } }

        /// <summary>Starts a stream; returns None or the reason it cannot.</summary>
        /// <summary>
        /// Starts a stream with StartStream options: <see cref="StartStreamMessage.OptionInferenceEvents"/> adds the
        /// active model's events to a Raw or Filtered stream. Returns None or the reason it cannot.
        /// </summary>
        public LinkErrorCode Start(LinkStreamKind kind, int blockFrames, uint channelMask, int options)
        {
            bool eventsAlongside = (options & StartStreamMessage.OptionInferenceEvents) != 0;
            if ((options & ~StartStreamMessage.OptionInferenceEvents) != 0)
            {
                return LinkErrorCode.InvalidArgument;
            }

            if (eventsAlongside && (_model == null || kind == LinkStreamKind.InferenceEvents))
            {
                return _model == null ? LinkErrorCode.StreamNotSupported : LinkErrorCode.InvalidArgument;
            }

            bool supported = kind == LinkStreamKind.Raw
                || (kind == LinkStreamKind.Filtered && _filter != null)
                || (kind == LinkStreamKind.InferenceEvents && _model != null)
                || (kind == LinkStreamKind.Features && _model != null && _model.FrontEnd.Outputs.Length <= 255);
            if (!supported)
            {
                return LinkErrorCode.StreamNotSupported;
            }

            int selected = 0;
            for (int c = 0; c < _ring.Channels && c < 32; c++)
            {
                if ((channelMask & (1u << c)) != 0)
                {
                    _selected[selected++] = c;
                }
            }

            if (kind == LinkStreamKind.Features)
            {
                // Feature blocks carry whole vectors: every feature of every channel, BlockSamples vectors at most.
                int width = _model.FrontEnd.Outputs.Length;
                if (blockFrames < 1 || blockFrames * width > SampleBlockMessage.MaxValues || blockFrames * _ring.Channels > _block.Length
                    || blockFrames > _ring.CapacityFrames / 2)
                {
                    return LinkErrorCode.InvalidArgument;
                }

                selected = width;
            }

            if (selected == 0 || blockFrames < 1 || blockFrames * _ring.Channels > _block.Length
                || blockFrames * selected > SampleBlockMessage.MaxValues || blockFrames > _ring.CapacityFrames / 2)
            {
                return LinkErrorCode.InvalidArgument;
            }

            _selectedCount = selected;
            _blockFrames = blockFrames;
            _kind = kind;
            if (kind == LinkStreamKind.Filtered)
            {
                // A fresh filter per stream: its first ~50 ms (20 Hz high-pass) are the settling transient.
                _filter.Reset();
            }

            if (kind == LinkStreamKind.InferenceEvents || kind == LinkStreamKind.Features || eventsAlongside)
            {
                _model.Reset();
            }

            _eventsAlongside = eventsAlongside;

            _blockSequence = 0;
            _eventSequence = 0;
            _featureVectors = 0;
            _ring.Discard();
            _reportedDrops = _ring.FramesDropped;
            _lastDropReportMicros = _clock.Microseconds;
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
                long firstFrame = _ring.NextReadFrameIndex;
                if (!_ring.TryRead(_block, 0, _blockFrames))
                {
                    break;
                }

                SendBlock(firstFrame);
            }

            ReportDrops();
        }

        private void SendBlock(long firstFrame)
        {
            if (_kind == LinkStreamKind.InferenceEvents)
            {
                RunModel(firstFrame);
                return;
            }

            if (_kind == LinkStreamKind.Features)
            {
                CollectFeatures(firstFrame);
                return;
            }

            int channels = _ring.Channels;
            short[] values = _message.Values;
            int k = 0;
            if (_kind == LinkStreamKind.Filtered)
            {
                _filter.ProcessFrames(_block, 0, _guarded, 0, _blockFrames);
                int guardBits = _filter.GuardBits;
                for (int s = 0; s < _blockFrames; s++)
                {
                    int row = s * channels;
                    for (int i = 0; i < _selectedCount; i++)
                    {
                        values[k++] = BiquadCascade.ToInt16(_guarded[row + _selected[i]], guardBits);
                    }
                }
            }
            else
            {
                for (int s = 0; s < _blockFrames; s++)
                {
                    int row = s * channels;
                    for (int i = 0; i < _selectedCount; i++)
                    {
                        values[k++] = _block[row + _selected[i]];
                    }
                }
            }

            _message.Kind = _kind;
            _message.ChannelCount = _selectedCount;
            _message.SampleCount = _blockFrames;
            _message.BlockSequence = _blockSequence;

            // The ADC's own clock: frame k was sampled k / rate after acquisition began.
            _message.TimestampMicros = FrameMicros(firstFrame);
            _port.Send(_message);
            _blockSequence++;
            if (_eventsAlongside)
            {
                PushThroughModel(firstFrame);
            }
        }

        private void RunModel(long firstFrame)
        {
            PushThroughModel(firstFrame);
            _blockSequence++;
        }

        // Feature vectors (int32 front-end outputs saturated to int16) gathered into blocks of BlockSamples
        // vectors, stamped with the time of the sample that completed the first vector of the block.
        private void CollectFeatures(long firstFrame)
        {
            int channels = _ring.Channels;
            ModelPipeline model = _model;
            int[] outputs = model.FrontEnd.Outputs;
            short[] values = _message.Values;
            for (int s = 0; s < _blockFrames; s++)
            {
                model.Push(_block, s * channels);
                if (!model.FrontEndProducedOutput)
                {
                    continue;
                }

                if (_featureVectors == 0)
                {
                    _featureFirstFrame = firstFrame + s;
                }

                int row = _featureVectors * outputs.Length;
                for (int i = 0; i < outputs.Length; i++)
                {
                    values[row + i] = Saturation.ToInt16(outputs[i]);
                }

                _featureVectors++;
                if (_featureVectors == _blockFrames)
                {
                    _message.Kind = LinkStreamKind.Features;
                    _message.ChannelCount = outputs.Length;
                    _message.SampleCount = _featureVectors;
                    _message.BlockSequence = _blockSequence++;
                    _message.TimestampMicros = FrameMicros(_featureFirstFrame);
                    _port.Send(_message);
                    _featureVectors = 0;
                }
            }
        }

        // Every frame of the block through the active model; one InferenceEvent per decision.
        private void PushThroughModel(long firstFrame)
        {
            int channels = _ring.Channels;
            ModelPipeline model = _model;
            for (int s = 0; s < _blockFrames; s++)
            {
                if (!model.Push(_block, s * channels))
                {
                    continue;
                }

                _event.TimestampMicros = FrameMicros(firstFrame + s);
                _event.EventSequence = _eventSequence++;
                _event.ClassId = model.Decision;
                _event.Score = DecisionScore(model);
                _port.Send(_event);
            }
        }

        // The decided class's int8 output mapped onto Q15 (-128 -> 0, 127 -> 32640): with a softmax head
        // (scale 1/256, zero point -128) that is its probability. Spiking-only models report 0; EEG
        // detectors their confidence.
        private short DecisionScore(ModelPipeline model)
        {
            if (model.Eeg != null)
            {
                // EEG detectors report their own Q15 confidence: the alpha share or the best canonical correlation.
                return (short)model.Eeg.ConfidenceQ15;
            }

            ModelRunner runner = model.Runner;
            if (runner == null || model.Decision < 0 || model.Decision >= _scores.Length)
            {
                return 0;
            }

            runner.GetOutput(_scores, 0);
            return (short)((_scores[model.Decision] + 128) << 7);
        }

        private long FrameMicros(long frame)
        {
            return _epochMicros + (frame * 1000000L / _sampleRate);
        }

        private void ReportDrops()
        {
            long dropped = _ring.FramesDropped;
            long now = _clock.Microseconds;
            if (dropped != _reportedDrops && now - _lastDropReportMicros >= 1000000L)
            {
                // At most one report per second: a flood of error frames would only make the overflow worse.
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
