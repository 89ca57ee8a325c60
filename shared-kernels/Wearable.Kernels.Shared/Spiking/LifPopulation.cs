namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// Leaky integrate-and-fire neurons with snnTorch Leaky semantics in integers (KERNEL-SPEC 2):
    /// U = sat32(RTZ(U (4096 - D), 12) + (acc &lt;&lt; (F - Fw)) - (S_prev ? th : 0)), S = U &gt; th.
    /// The reset acts one step after the spike, as in snnTorch. RTZ (C# / on long) rather than a floor
    /// shift so a negative membrane decays toward zero symmetrically with a positive one.
    /// </summary>
    public sealed class LifPopulation : SpikingPopulation
    {
        private readonly int[] _decay;
        private readonly bool _perNeuronDecay;

        public LifPopulation(LifParameters parameters)
            : base(parameters)
        {
            _decay = parameters.Decay;
            _perNeuronDecay = parameters.Decay.Length > 1;
        }

        public override void Step()
        {
            ActiveCountValue = 0;
            int layerDecay = 4096 - _decay[0];
            int layerThreshold = ThresholdValues[0];
            for (int i = 0; i < NeuronCountValue; i++)
            {
                long synaptic = TakeSynapticInput(i);
                int keep = _perNeuronDecay ? 4096 - _decay[i] : layerDecay;
                int threshold = PerNeuronThreshold ? ThresholdValues[i] : layerThreshold;
                bool spikedBefore = SpikeState[i] != 0;
                long u;
                if (spikedBefore && ZeroReset)
                {
                    u = synaptic;
                }
                else
                {
                    u = ((long)MembraneState[i] * keep) / 4096 + synaptic;
                    if (spikedBefore)
                    {
                        u -= threshold;
                    }
                }

                int membrane = Sat32(u);
                MembraneState[i] = membrane;
                Fire(i, membrane, threshold);
            }
        }
    }
}
