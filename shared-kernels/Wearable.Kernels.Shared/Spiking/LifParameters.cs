namespace Wearable.Kernels.Spiking
{
    /// <summary>Parameters of a LIF (snnTorch Leaky) population: the common ones plus the membrane decay D.</summary>
    public sealed class LifParameters : PopulationParameters
    {
        private readonly int[] _decay;

        /// <param name="decay">D = round((1 - beta) * 4096) in 0..4096: one value for the layer or one per neuron.</param>
        public LifParameters(int neuronCount, int fractionBits, int weightFractionBits, int[] decay, int[] thresholds, ResetMode reset, int[]? bias)
            : base(neuronCount, fractionBits, weightFractionBits, thresholds, reset, bias)
        {
            CheckPerNeuron(decay, neuronCount, "decay", 0, 1 << DecayBits);
            _decay = decay;
        }

        /// <summary>Per-layer decay and threshold, F = 14, subtract reset, no bias.</summary>
        public LifParameters(int neuronCount, int weightFractionBits, int decay, int threshold)
            : this(neuronCount, DefaultFractionBits, weightFractionBits, new int[] { decay }, new int[] { threshold }, ResetMode.Subtract, null)
        {
        }

        public int[] Decay
        {
            get { return _decay; }
        }

        public override SpikingPopulation CreatePopulation()
        {
            return new LifPopulation(this);
        }
    }
}
