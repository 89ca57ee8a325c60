using System;

namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// The L2MU "encoding-free" input module (stacked population encoder): per channel c a population of
    /// PopulationSize neurons driven by w[c,p] * x_c + b (the only real-valued multiply), then a dense
    /// layer into the encoder population and another into the decoder population, whose spikes feed the cell.
    /// </summary>
    public sealed class L2muInputModuleParameters
    {
        private readonly int _channels;
        private readonly int _populationSize;
        private readonly short[] _inputWeights;
        private readonly int _sampleFractionBits;
        private readonly PopulationParameters _channelLayer;
        private readonly FanOutWeights _encoderWeights;
        private readonly PopulationParameters _encoderLayer;
        private readonly FanOutWeights _decoderWeights;
        private readonly PopulationParameters _decoderLayer;

        /// <param name="channels">Raw input channels (e.g. 6: accelerometer and gyroscope x, y, z).</param>
        /// <param name="populationSize">Neurons per channel in the first layer.</param>
        /// <param name="inputWeights">w[c * populationSize + p], int16 with the channel layer's Fw fraction bits.</param>
        /// <param name="sampleFractionBits">Fx: an int16 sample s stands for s * 2^-Fx (0..15).</param>
        /// <param name="channelLayer">channels * populationSize neurons (per-neuron decay/threshold give per-channel beta/theta; its bias is the Linear bias).</param>
        /// <param name="encoderWeights">channels * populationSize -> encoder neurons.</param>
        /// <param name="encoderLayer">The encoder population (bias = Linear bias).</param>
        /// <param name="decoderWeights">encoder -> decoder neurons.</param>
        /// <param name="decoderLayer">The decoder population; its spikes are the cell's input.</param>
        public L2muInputModuleParameters(int channels, int populationSize, short[] inputWeights, int sampleFractionBits,
            PopulationParameters channelLayer, FanOutWeights encoderWeights, PopulationParameters encoderLayer,
            FanOutWeights decoderWeights, PopulationParameters decoderLayer)
        {
            if (inputWeights == null || channelLayer == null || encoderWeights == null || encoderLayer == null || decoderWeights == null || decoderLayer == null)
            {
                throw new ArgumentNullException("inputWeights", "Every weight matrix and layer of the input module is required.");
            }

            if (channels < 1 || populationSize < 1)
            {
                throw new ArgumentOutOfRangeException("channels", "Need at least one channel and one neuron per channel.");
            }

            int first = channels * populationSize;
            if (inputWeights.Length != first || channelLayer.NeuronCount != first)
            {
                throw new ArgumentException("The channel layer needs channels x populationSize = " + first.ToString() + " weights and neurons.", "inputWeights");
            }

            if (sampleFractionBits < 0 || sampleFractionBits > 15)
            {
                throw new ArgumentOutOfRangeException("sampleFractionBits", "Sample fraction bits must be in 0..15; got " + sampleFractionBits.ToString() + ".");
            }

            L2muCellParameters.CheckLink(encoderWeights, first, encoderLayer, "encoderWeights");
            L2muCellParameters.CheckLink(decoderWeights, encoderLayer.NeuronCount, decoderLayer, "decoderWeights");
            _channels = channels;
            _populationSize = populationSize;
            _inputWeights = inputWeights;
            _sampleFractionBits = sampleFractionBits;
            _channelLayer = channelLayer;
            _encoderWeights = encoderWeights;
            _encoderLayer = encoderLayer;
            _decoderWeights = decoderWeights;
            _decoderLayer = decoderLayer;
        }

        public int Channels
        {
            get { return _channels; }
        }

        public int PopulationSize
        {
            get { return _populationSize; }
        }

        public short[] InputWeights
        {
            get { return _inputWeights; }
        }

        public int SampleFractionBits
        {
            get { return _sampleFractionBits; }
        }

        public PopulationParameters ChannelLayer
        {
            get { return _channelLayer; }
        }

        public FanOutWeights EncoderWeights
        {
            get { return _encoderWeights; }
        }

        public PopulationParameters EncoderLayer
        {
            get { return _encoderLayer; }
        }

        public FanOutWeights DecoderWeights
        {
            get { return _decoderWeights; }
        }

        public PopulationParameters DecoderLayer
        {
            get { return _decoderLayer; }
        }

        /// <summary>Spiking outputs of the module (the decoder's neurons).</summary>
        public int OutputCount
        {
            get { return _decoderLayer.NeuronCount; }
        }
    }
}
