using System;

namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// Current-based LIF neurons (snnTorch Synaptic) in integers (KERNEL-SPEC 2):
    /// I = sat32(RTZ(I (4096 - Da), 12) + (acc &lt;&lt; (F - Fw))),
    /// U = sat32(RTZ(U (4096 - Db), 12) + I - (S_prev ? th : 0)), S = U &gt; th.
    /// Zero reset replaces the decayed U by 0 after a spike and subtracts nothing.
    /// </summary>
    public sealed class CuBaLifPopulation : SpikingPopulation
    {
        private readonly int[] _currentDecay;
        private readonly int[] _membraneDecay;
        private readonly int[] _current;

        public CuBaLifPopulation(CuBaLifParameters parameters)
            : base(parameters)
        {
            _currentDecay = parameters.CurrentDecay;
            _membraneDecay = parameters.MembraneDecay;
            _current = new int[parameters.NeuronCount];
        }

        /// <summary>Synaptic currents I (F fraction bits).</summary>
        public int[] Current
        {
            get { return _current; }
        }

        public override void Reset()
        {
            base.Reset();
            Array.Clear(_current, 0, _current.Length);
        }

        public override void Step()
        {
            ActiveCountValue = 0;
            bool perNeuronA = _currentDecay.Length > 1;
            bool perNeuronB = _membraneDecay.Length > 1;
            int layerKeepA = 4096 - _currentDecay[0];
            int layerKeepB = 4096 - _membraneDecay[0];
            int layerThreshold = ThresholdValues[0];
            for (int i = 0; i < NeuronCountValue; i++)
            {
                long synaptic = TakeSynapticInput(i);
                int keepA = perNeuronA ? 4096 - _currentDecay[i] : layerKeepA;
                int keepB = perNeuronB ? 4096 - _membraneDecay[i] : layerKeepB;
                int threshold = PerNeuronThreshold ? ThresholdValues[i] : layerThreshold;
                int current = Sat32(((long)_current[i] * keepA) / 4096 + synaptic);
                _current[i] = current;

                bool spikedBefore = SpikeState[i] != 0;
                long u;
                if (spikedBefore && ZeroReset)
                {
                    u = current;
                }
                else
                {
                    u = ((long)MembraneState[i] * keepB) / 4096 + current;
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
