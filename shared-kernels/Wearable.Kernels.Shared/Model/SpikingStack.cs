using System;
using Wearable.Kernels.Spiking;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Executes a model file's chain of LIF / CuBa-LIF layers and L2MU cells (kind 4) with the Spiking
    /// kernels: each step the active inputs drive layer 0, each layer's spikes (an L2MU cell's output
    /// population) drive the next, and the last layer's spikes are counted per neuron (the decision is
    /// the argmax of the counts, ties to the lowest index). The provisional kind-3 L2MU record is not
    /// executable. Allocates at construction only.
    /// </summary>
    public sealed class SpikingStack
    {
        private readonly SpikingPopulation[] _populations;
        private readonly FanOutWeights[] _weights;
        private readonly L2muCell?[] _cells;
        private readonly int[] _counts;

        public SpikingStack(SpikingLayerRecord[] layers)
        {
            if (layers == null || layers.Length == 0)
            {
                throw new ArgumentException("at least one spiking layer is needed", "layers");
            }

            _populations = new SpikingPopulation[layers.Length];
            _weights = new FanOutWeights[layers.Length];
            _cells = new L2muCell?[layers.Length];
            for (int i = 0; i < layers.Length; i++)
            {
                SpikingLayerRecord l = layers[i];
                if (l.Kind == SpikingLayerRecord.KindL2mu)
                {
                    throw new NotSupportedException("Kind-3 L2MU layers are provisional and not executable; write kind 4 (L2MU cell).");
                }

                if (l.Kind == SpikingLayerRecord.KindL2muCell)
                {
                    L2muCell cell = new L2muCell(l.L2mu!.CreateParameters(l));
                    _cells[i] = cell;
                    _populations[i] = cell.Output;
                    continue;
                }

                SpikingWeightBlock w = l.Find(SpikingLayerRecord.BlockWeights)!;
                _weights[i] = w.ElementBits == 8
                    ? new FanOutWeights(l.Inputs, l.Neurons, w.Values8, l.WeightFracBits)
                    : new FanOutWeights(l.Inputs, l.Neurons, w.Values16, l.WeightFracBits);
                SpikingWeightBlock? bias = l.Find(SpikingLayerRecord.BlockBias);
                int[] thresholds = PerNeuron32(l.Find(SpikingLayerRecord.BlockThresholds), l.Threshold);
                int[] decayU = PerNeuron16(l.Find(SpikingLayerRecord.BlockDecayU), l.DecayU);
                ResetMode reset = l.Reset == SpikingLayerRecord.ResetZero ? ResetMode.Zero : ResetMode.Subtract;
                PopulationParameters p;
                if (l.Kind == SpikingLayerRecord.KindLif)
                {
                    p = new LifParameters(l.Neurons, l.StateFracBits, l.WeightFracBits, decayU, thresholds, reset, bias == null ? null : bias.Values32);
                }
                else
                {
                    int[] decayI = PerNeuron16(l.Find(SpikingLayerRecord.BlockDecayI), l.DecayI);
                    p = new CuBaLifParameters(l.Neurons, l.StateFracBits, l.WeightFracBits, decayI, decayU, thresholds, reset, bias == null ? null : bias.Values32);
                }

                _populations[i] = p.CreatePopulation();
            }

            _counts = new int[layers[layers.Length - 1].Neurons];
        }

        /// <summary>Output spike counts since the last <see cref="Reset"/>.</summary>
        public int[] Counts
        {
            get { return _counts; }
        }

        public SpikingPopulation Output
        {
            get { return _populations[_populations.Length - 1]; }
        }

        public void Reset()
        {
            for (int i = 0; i < _populations.Length; i++)
            {
                L2muCell? cell = _cells[i];
                if (cell != null)
                {
                    cell.Reset();
                }
                else
                {
                    _populations[i].Reset();
                }
            }

            Array.Clear(_counts, 0, _counts.Length);
        }

        /// <summary>Restarts the output spike counts (the populations keep their state).</summary>
        public void ClearCounts()
        {
            Array.Clear(_counts, 0, _counts.Length);
        }

        /// <summary>One time step driven by the active input indices (e.g. a DeltaEncoder's ActiveIndices).</summary>
        public void Step(int[] activeInputs, int activeCount)
        {
            int[] active = activeInputs;
            int count = activeCount;
            for (int i = 0; i < _populations.Length; i++)
            {
                SpikingPopulation population = _populations[i];
                L2muCell? cell = _cells[i];
                if (cell != null)
                {
                    cell.Step(active, count);
                }
                else
                {
                    population.AddSpikes(_weights[i], active, count);
                    population.Step();
                }

                active = population.ActiveIndices;
                count = population.ActiveCount;
            }

            for (int k = 0; k < count; k++)
            {
                _counts[active[k]]++;
            }
        }

        /// <summary>argmax of the counts, ties to the lowest index.</summary>
        public int Decide()
        {
            int best = 0;
            for (int i = 1; i < _counts.Length; i++)
            {
                if (_counts[i] > _counts[best])
                {
                    best = i;
                }
            }

            return best;
        }

        private static int[] PerNeuron32(SpikingWeightBlock? block, int value)
        {
            return block != null ? block.Values32 : new int[] { value };
        }

        private static int[] PerNeuron16(SpikingWeightBlock? block, int value)
        {
            if (block == null)
            {
                return new int[] { value };
            }

            var values = new int[block.Values16.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = block.Values16[i];
            }

            return values;
        }
    }
}
