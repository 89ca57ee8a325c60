using System;
using Wearable.Kernels.Cnn;
using Wearable.Kernels.Eeg;
using Wearable.Kernels.Gesture;
using Wearable.Kernels.Spiking;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Samples in, decisions out: a model file's front end feeding its CNN and/or its spiking layers.
    /// CNN path: keeps the last Length int8 frames of the CNN input in its own window (the arena's
    /// input slot is reused by later tensors during Invoke) and runs the CNN every hop_samples input
    /// frames once the window is full. Spiking path: every kept stream frame, the delta encoder's spikes
    /// step the <see cref="SpikingStack"/>; at each hop (without a CNN) the decision is the argmax of the
    /// output spike counts, which then restart. Allocates at construction only.
    /// </summary>
    public sealed class ModelPipeline
    {
        private readonly FrontEndPipeline _frontEnd;
        private readonly ModelRunner? _runner;
        private readonly SpikingStack? _spiking;
        private readonly EegDetectorPipeline? _eeg;
        private readonly GestureDecision? _gesture;
        private readonly ChannelQuantization? _inputQuant;
        private readonly sbyte[] _window;
        private readonly int _frameBytes;
        private readonly int _zeroPoint;
        private readonly int _hop;
        private int _framesInWindow;
        private int _samplesSinceDecision;

        public ModelPipeline(ModelDefinition model)
        {
            if (model == null)
            {
                throw new ArgumentNullException("model");
            }

            FrontEndConfig? fe = model.FrontEnd;
            if (fe == null && model.EegDetector != null)
            {
                // An EEG detector filters on its own; a pass-through front end keeps the Features stream meaningful (raw frames).
                fe = new FrontEndConfig();
                fe.Channels = model.Input.Channels;
            }

            if (fe == null)
            {
                throw new InvalidOperationException("The model has no front-end section: feed its CNN with ModelRunner directly.");
            }

            _frontEnd = new FrontEndPipeline(fe);
            _hop = model.Input.HopSamples;
            _window = new sbyte[0];
            if (model.HasCnn && fe.CnnInputQuantTable >= 0)
            {
                _runner = new ModelRunner(model);
                _inputQuant = model.QuantTables[fe.CnnInputQuantTable];
                TensorInfo input = model.Tensors[model.GraphInput];
                _frameBytes = input.Channels;
                _zeroPoint = input.ZeroPoint;
                _window = new sbyte[input.ByteCount];
            }

            if (model.SpikingLayers.Length > 0 && fe.EncoderKind == FrontEndConfig.EncoderDelta && !HasProvisionalL2mu(model.SpikingLayers))
            {
                _spiking = new SpikingStack(model.SpikingLayers);
            }

            if (model.EegDetector != null)
            {
                _eeg = new EegDetectorPipeline(model.EegDetector);
            }

            if (_runner == null && _spiking == null && _eeg == null)
            {
                throw new InvalidOperationException("Nothing to run: the front end feeds neither a CNN (cnn_input_quant_table) nor LIF / CuBa-LIF / L2MU-cell layers (delta encoder).");
            }

            if (model.GestureDecision != null && _eeg == null)
            {
                int classes = _runner != null ? _runner.OutputBytes : _spiking!.Counts.Length;
                _gesture = new GestureDecision(model.GestureDecision, model.Input.Channels, classes);
            }
        }

        /// <summary>True when the model has a front end that feeds its CNN or its LIF / CuBa-LIF / L2MU-cell layers (what the constructor needs; kind-3 L2MU records are not runnable).</summary>
        public static bool CanRun(ModelDefinition model)
        {
            if (model.EegDetector != null)
            {
                return true;
            }

            FrontEndConfig? fe = model.FrontEnd;
            if (fe == null)
            {
                return false;
            }

            bool cnn = model.HasCnn && fe.CnnInputQuantTable >= 0;
            bool spiking = model.SpikingLayers.Length > 0 && fe.EncoderKind == FrontEndConfig.EncoderDelta && !HasProvisionalL2mu(model.SpikingLayers);
            return cnn || spiking;
        }

        /// <summary>The CNN runner, or null when the front end does not feed a CNN.</summary>
        public ModelRunner? Runner
        {
            get { return _runner; }
        }

        /// <summary>The EEG detector (alpha or SSVEP), or null.</summary>
        public EegDetectorPipeline? Eeg
        {
            get { return _eeg; }
        }

        /// <summary>The spiking layers, or null.</summary>
        public SpikingStack? Spiking
        {
            get { return _spiking; }
        }

        /// <summary>The decision logic of the gesture_decision section, or null (the decision is the model's argmax).</summary>
        public GestureDecision? Gesture
        {
            get { return _gesture; }
        }

        public FrontEndPipeline FrontEnd
        {
            get { return _frontEnd; }
        }

        /// <summary>The decided label index of the latest decision (-1 before the first).</summary>
        public int Decision { get; private set; } = -1;

        /// <summary>True when the last <see cref="Push"/> produced a front-end output frame (<see cref="FrontEndPipeline.Outputs"/>).</summary>
        public bool FrontEndProducedOutput { get; private set; }

        /// <summary>The model's own class at the latest decision, before the gesture decision logic (-1 before the first).</summary>
        public int ModelDecision { get; private set; } = -1;

        /// <summary>Decisions made so far.</summary>
        public int Decisions { get; private set; }

        public void Reset()
        {
            _frontEnd.Reset();
            if (_eeg != null)
            {
                _eeg.Reset();
            }

            if (_spiking != null)
            {
                _spiking.Reset();
            }

            if (_gesture != null)
            {
                _gesture.Reset();
            }

            Array.Clear(_window, 0, _window.Length);
            _framesInWindow = 0;
            _samplesSinceDecision = 0;
            Decision = -1;
            ModelDecision = -1;
        }

        /// <summary>One interleaved int16 ADC frame; returns true when this frame produced a new decision.</summary>
        public bool Push(short[] samples, int offset)
        {
            bool output = _frontEnd.Push(samples, offset);
            FrontEndProducedOutput = output;
            if (_gesture != null)
            {
                _gesture.PushFrame(samples, offset);
            }
            if (_spiking != null && _frontEnd.StreamFrameKept)
            {
                DeltaEncoder encoder = _frontEnd.Encoder!;
                _spiking.Step(encoder.ActiveIndices, encoder.ActiveCount);
            }

            if (_runner != null && output)
            {
                // Slide the window by one frame and append the new one (oldest frame first, as the CNN reads time).
                Array.Copy(_window, _frameBytes, _window, 0, _window.Length - _frameBytes);
                _frontEnd.QuantizeOutputs(_inputQuant!, _zeroPoint, _window, _window.Length - _frameBytes);
                if (_framesInWindow * _frameBytes < _window.Length)
                {
                    _framesInWindow++;
                }
            }

            if (_eeg != null)
            {
                // The detector keeps its own window and hop and withholds decisions over artefacts.
                if (!_eeg.Push(samples, offset))
                {
                    return false;
                }

                Decision = _eeg.Decision;
                Decisions++;
                return true;
            }

            _samplesSinceDecision++;
            if (_samplesSinceDecision < _hop)
            {
                return false;
            }

            if (_runner != null)
            {
                if (_framesInWindow * _frameBytes < _window.Length)
                {
                    return false;
                }

                _samplesSinceDecision = 0;
                _runner.SetInput(_window, 0);
                _runner.Invoke();
                ModelDecision = _runner.Decide();
                // The int8 softmax score of the decided class (probability (q + 128) / 256).
                Decision = _gesture == null ? ModelDecision : _gesture.Decide(ModelDecision, _runner.Arena[_runner.OutputOffset + ModelDecision]);
            }
            else
            {
                _samplesSinceDecision = 0;
                ModelDecision = _spiking!.Decide();
                _spiking.ClearCounts();
                // Spike counts carry no calibrated confidence: the vote and hysteresis apply, the threshold sees the top score.
                Decision = _gesture == null ? ModelDecision : _gesture.Decide(ModelDecision, 127);
            }

            Decisions++;
            return true;
        }

        private static bool HasProvisionalL2mu(SpikingLayerRecord[] layers)
        {
            for (int i = 0; i < layers.Length; i++)
            {
                if (layers[i].Kind == SpikingLayerRecord.KindL2mu)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
