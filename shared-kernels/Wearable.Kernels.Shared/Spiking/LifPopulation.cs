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
            // Fields copied to locals: this loop runs for every neuron on every step, dense or event-driven.
            long[] acc = Accumulator;
            int[] membrane = MembraneState;
            byte[] spikes = SpikeState;
            int[] active = ActiveState;
            int[] thresholds = ThresholdValues;
            int[] decay = _decay;
            int[]? bias = BiasValues;
            bool perNeuronDecay = _perNeuronDecay;
            bool perNeuronThreshold = PerNeuronThreshold;
            bool zeroReset = ZeroReset;
            int shift = AlignShift;
            int keep = 4096 - decay[0];
            int threshold = thresholds[0];
            int count = 0;
            for (int i = 0; i < NeuronCountValue; i++)
            {
                long a = acc[i];
                acc[i] = 0;
                if (bias != null)
                {
                    a += bias[i];
                }

                if (a > AccumulatorLimit)
                {
                    a = AccumulatorLimit;
                }
                else if (a < -AccumulatorLimit)
                {
                    a = -AccumulatorLimit;
                }

                if (perNeuronDecay)
                {
                    keep = 4096 - decay[i];
                }

                if (perNeuronThreshold)
                {
                    threshold = thresholds[i];
                }

                long u;
                if (spikes[i] == 0)
                {
                    u = ((long)membrane[i] * keep) / 4096 + (a << shift);
                }
                else if (zeroReset)
                {
                    u = a << shift;
                }
                else
                {
                    u = ((long)membrane[i] * keep) / 4096 + (a << shift) - threshold;
                }

                int m = u > int.MaxValue ? int.MaxValue : (u < int.MinValue ? int.MinValue : (int)u);
                membrane[i] = m;
                if (m > threshold)
                {
                    spikes[i] = 1;
                    active[count++] = i;
                }
                else
                {
                    spikes[i] = 0;
                }
            }

            ActiveCountValue = count;
        }
    }
}
