namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// Parameters of a current-based LIF (snnTorch Synaptic) population: the common ones plus the
    /// synaptic-current decay Da (from alpha) and the membrane decay Db (from beta), 12-bit each.
    /// </summary>
    public sealed class CuBaLifParameters : PopulationParameters
    {
        private readonly int[] _currentDecay;
        private readonly int[] _membraneDecay;

        /// <param name="currentDecay">Da = round((1 - alpha) * 4096), per layer (1 value) or per neuron.</param>
        /// <param name="membraneDecay">Db = round((1 - beta) * 4096), per layer (1 value) or per neuron.</param>
        public CuBaLifParameters(int neuronCount, int fractionBits, int weightFractionBits, int[] currentDecay, int[] membraneDecay,
            int[] thresholds, ResetMode reset, int[]? bias)
            : base(neuronCount, fractionBits, weightFractionBits, thresholds, reset, bias)
        {
            CheckPerNeuron(currentDecay, neuronCount, "currentDecay", 0, 1 << DecayBits);
            CheckPerNeuron(membraneDecay, neuronCount, "membraneDecay", 0, 1 << DecayBits);
            _currentDecay = currentDecay;
            _membraneDecay = membraneDecay;
        }

        public int[] CurrentDecay
        {
            get { return _currentDecay; }
        }

        public int[] MembraneDecay
        {
            get { return _membraneDecay; }
        }

        public override SpikingPopulation CreatePopulation()
        {
            return new CuBaLifPopulation(this);
        }
    }
}
