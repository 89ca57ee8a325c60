using Wearable.Firmware.Acquisition;
using Wearable.Kernels.FixedPoint;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;

namespace Wearable.Firmware.Processing
{
    /// <summary>
    /// The stream's model stage: runs the active model's pipeline (front end, CNN and/or LIF layers) over
    /// every frame of a block and sends one InferenceEvent per decision, stamped with the time of its last
    /// sample; or, for the Features stream, gathers the front end's vectors into Features blocks.
    /// </summary>
    public sealed class StreamModelStage
    {
        private readonly StreamOutbox _outbox;
        private readonly FrameTimeline _timeline;
        private readonly InferenceEventMessage _event = new InferenceEventMessage();
        private readonly SampleBlockMessage _features = new SampleBlockMessage();
        private ModelPipeline _model;
        private sbyte[] _scores = new sbyte[0];
        private uint _eventSequence;
        private uint _featureSequence;
        private int _featureVectors;
        private long _featureFirstFrame;

        public StreamModelStage(StreamOutbox outbox, FrameTimeline timeline)
        {
            _outbox = outbox;
            _timeline = timeline;
        }

        /// <summary>The active model's pipeline (null: none).</summary>
        public ModelPipeline Model { get { return _model; } }

        /// <summary>Installs the active model's pipeline (or null).</summary>
        public void SetModel(ModelPipeline model)
        {
            _model = model;
            ModelRunner runner = model == null ? null : model.Runner;
            _scores = runner == null ? new sbyte[0] : new sbyte[runner.OutputBytes];
        }

        /// <summary>Fresh model state and counters for a new stream.</summary>
        public void Start()
        {
            _model.Reset();
            _eventSequence = 0;
            _featureSequence = 0;
            _featureVectors = 0;
        }

        /// <summary>Every frame of the block through the model; one InferenceEvent per decision.</summary>
        public void Decide(short[] frames, int channels, int blockFrames, long firstFrame)
        {
            ModelPipeline model = _model;
            for (int s = 0; s < blockFrames; s++)
            {
                if (!model.Push(frames, s * channels))
                {
                    continue;
                }

                _event.TimestampMicros = _timeline.Micros(firstFrame + s);
                _event.EventSequence = _eventSequence++;
                _event.ClassId = model.Decision;
                _event.Score = DecisionScore(model);
                _outbox.SendEvent(_event);
            }
        }

        /// <summary>
        /// Feature vectors (int32 front-end outputs saturated to int16) gathered into blocks of
        /// <paramref name="blockFrames"/> vectors, stamped with the time of the sample that completed the
        /// block's first vector. Their BlockSequence counts feature blocks sent.
        /// </summary>
        public void CollectFeatures(short[] frames, int channels, int blockFrames, long firstFrame)
        {
            ModelPipeline model = _model;
            int[] outputs = model.FrontEnd.Outputs;
            short[] values = _features.Values;
            for (int s = 0; s < blockFrames; s++)
            {
                model.Push(frames, s * channels);
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
                if (_featureVectors == blockFrames)
                {
                    _features.Kind = LinkStreamKind.Features;
                    _features.ChannelCount = outputs.Length;
                    _features.SampleCount = _featureVectors;
                    _features.BlockSequence = _featureSequence++;
                    _features.TimestampMicros = _timeline.Micros(_featureFirstFrame);
                    _outbox.SendBlock(_features);
                    _featureVectors = 0;
                }
            }
        }

        // The decided class's int8 output mapped onto Q15 (-128 -> 0, 127 -> 32640): with a softmax head
        // (scale 1/256, zero point -128) that is its probability. Spiking-only models report 0; EEG
        // detectors their own Q15 confidence (the alpha share or the best canonical correlation).
        private short DecisionScore(ModelPipeline model)
        {
            if (model.Eeg != null)
            {
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
    }
}
