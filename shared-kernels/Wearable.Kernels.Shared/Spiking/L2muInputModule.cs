namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// Raw samples in, spikes out (KERNEL-SPEC 3, "InputModule"): the channel layer's current is
    /// round(w[c,p] * x_c / 2^Fx) in weight units (the one real-valued multiply, done in fixed point),
    /// then LIF; then dense + LIF twice. Outputs are the decoder population's Spikes / ActiveIndices.
    /// </summary>
    public sealed class L2muInputModule
    {
        private readonly int _channels;
        private readonly int _populationSize;
        private readonly short[] _inputWeights;
        private readonly int _sampleFractionBits;
        private readonly SpikingPopulation _channelLayer;
        private readonly FanOutWeights _encoderWeights;
        private readonly SpikingPopulation _encoder;
        private readonly FanOutWeights _decoderWeights;
        private readonly SpikingPopulation _decoder;

        public L2muInputModule(L2muInputModuleParameters parameters)
        {
            if (parameters == null)
            {
                throw new System.ArgumentNullException("parameters");
            }

            _channels = parameters.Channels;
            _populationSize = parameters.PopulationSize;
            _inputWeights = parameters.InputWeights;
            _sampleFractionBits = parameters.SampleFractionBits;
            _channelLayer = parameters.ChannelLayer.CreatePopulation();
            _encoderWeights = parameters.EncoderWeights;
            _encoder = parameters.EncoderLayer.CreatePopulation();
            _decoderWeights = parameters.DecoderWeights;
            _decoder = parameters.DecoderLayer.CreatePopulation();
        }

        public int OutputCount
        {
            get { return _decoder.NeuronCount; }
        }

        /// <summary>The decoder layer (its Spikes / ActiveIndices / ActiveCount are the module's output).</summary>
        public SpikingPopulation Output
        {
            get { return _decoder; }
        }

        public SpikingPopulation ChannelLayer
        {
            get { return _channelLayer; }
        }

        public SpikingPopulation Encoder
        {
            get { return _encoder; }
        }

        public void Reset()
        {
            _channelLayer.Reset();
            _encoder.Reset();
            _decoder.Reset();
        }

        /// <summary>One time step from one interleaved int16 frame of Channels raw samples.</summary>
        public void Step(short[] frame, int offset)
        {
            long half = _sampleFractionBits == 0 ? 0 : 1L << (_sampleFractionBits - 1);
            for (int c = 0; c < _channels; c++)
            {
                long x = frame[offset + c];
                int first = c * _populationSize;
                for (int p = 0; p < _populationSize; p++)
                {
                    int n = first + p;
                    _channelLayer.AddCurrent(n, (_inputWeights[n] * x + half) >> _sampleFractionBits);
                }
            }

            _channelLayer.Step();
            _encoder.AddSpikes(_encoderWeights, _channelLayer.ActiveIndices, _channelLayer.ActiveCount);
            _encoder.Step();
            _decoder.AddSpikes(_decoderWeights, _encoder.ActiveIndices, _encoder.ActiveCount);
            _decoder.Step();
        }
    }
}
