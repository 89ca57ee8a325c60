using System;

namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// A population of spiking neurons driven by synaptic input accumulated for one step. Use:
    /// add the step's input (AddSpikes for spiking presynaptic layers, AddCurrent for real-valued
    /// drive), then Step(); Spikes / ActiveIndices then hold this step's output, which is the next
    /// step's S_prev. The accumulator is int64 in weight units (Fw) and is clamped to +-2^40 before
    /// alignment to the state's F bits, so no sum can wrap whatever the fan-in.
    /// </summary>
    public abstract class SpikingPopulation
    {
        /// <summary>Clamp of the accumulated input before the left shift by F - Fw (&lt;= 22): 2^62 fits an int64.</summary>
        public const long AccumulatorLimit = 1L << 40;

        protected readonly int NeuronCountValue;
        protected readonly int AlignShift;
        protected readonly long[] Accumulator;
        protected readonly int[] MembraneState;
        protected readonly byte[] SpikeState;
        protected readonly int[] ActiveState;
        protected readonly int[] ThresholdValues;
        protected readonly bool PerNeuronThreshold;
        protected readonly bool ZeroReset;
        protected readonly int[]? BiasValues;
        protected int ActiveCountValue;

        protected SpikingPopulation(PopulationParameters parameters)
        {
            if (parameters == null)
            {
                throw new ArgumentNullException("parameters");
            }

            int n = parameters.NeuronCount;
            NeuronCountValue = n;
            AlignShift = parameters.FractionBits - parameters.WeightFractionBits;
            Accumulator = new long[n];
            MembraneState = new int[n];
            SpikeState = new byte[n];
            ActiveState = new int[n];
            ThresholdValues = parameters.Thresholds;
            PerNeuronThreshold = parameters.Thresholds.Length > 1;
            ZeroReset = parameters.Reset == ResetMode.Zero;
            BiasValues = parameters.Bias;
            WeightFractionBits = parameters.WeightFractionBits;
            FractionBits = parameters.FractionBits;
        }

        public int NeuronCount
        {
            get { return NeuronCountValue; }
        }

        /// <summary>F of the membrane (and current).</summary>
        public int FractionBits { get; private set; }

        /// <summary>Fw every input to this population must use.</summary>
        public int WeightFractionBits { get; private set; }

        /// <summary>This step's spikes, 0 or 1 per neuron (the next step's S_prev).</summary>
        public byte[] Spikes
        {
            get { return SpikeState; }
        }

        /// <summary>Indices of the neurons that spiked this step, ascending; ActiveCount of them are valid.</summary>
        public int[] ActiveIndices
        {
            get { return ActiveState; }
        }

        public int ActiveCount
        {
            get { return ActiveCountValue; }
        }

        /// <summary>Membrane potentials U (F fraction bits).</summary>
        public int[] Membrane
        {
            get { return MembraneState; }
        }

        /// <summary>The step's input sums in weight units, for composite layers (L2MU memory) that add structured weights themselves.</summary>
        public long[] InputAccumulator
        {
            get { return Accumulator; }
        }

        /// <summary>Adds the fan-out rows of the active presynaptic neurons (event-driven).</summary>
        public void AddSpikes(FanOutWeights weights, int[] activeInputs, int activeCount)
        {
            CheckWeights(weights);
            weights.Accumulate(activeInputs, activeCount, Accumulator, 0);
        }

        /// <summary>Adds W s for a dense 0/1 spike vector (reference path; same integers as AddSpikes).</summary>
        public void AddSpikesDense(FanOutWeights weights, byte[] inputSpikes, int offset)
        {
            CheckWeights(weights);
            weights.AccumulateDense(inputSpikes, offset, Accumulator, 0);
        }

        /// <summary>Adds a real-valued drive, already in weight units (Fw fraction bits), to one neuron.</summary>
        public void AddCurrent(int neuron, long weightUnits)
        {
            Accumulator[neuron] += weightUnits;
        }

        /// <summary>Clears membrane, current, spikes and pending input.</summary>
        public virtual void Reset()
        {
            Array.Clear(Accumulator, 0, NeuronCountValue);
            Array.Clear(MembraneState, 0, NeuronCountValue);
            Array.Clear(SpikeState, 0, NeuronCountValue);
            ActiveCountValue = 0;
        }

        /// <summary>Advances every neuron one time step using (and clearing) the accumulated input.</summary>
        public abstract void Step();

        /// <summary>
        /// Takes neuron i's input for this step: (acc + bias) clamped to +-2^40, aligned by &lt;&lt; (F - Fw);
        /// clears the accumulator for the next step.
        /// </summary>
        protected long TakeSynapticInput(int i)
        {
            long a = Accumulator[i];
            Accumulator[i] = 0;
            if (BiasValues != null)
            {
                a += BiasValues[i];
            }

            if (a > AccumulatorLimit)
            {
                a = AccumulatorLimit;
            }
            else if (a < -AccumulatorLimit)
            {
                a = -AccumulatorLimit;
            }

            return a << AlignShift;
        }

        /// <summary>Applies the strict threshold S = U &gt; th and records the spike.</summary>
        protected void Fire(int i, int u, int threshold)
        {
            if (u > threshold)
            {
                SpikeState[i] = 1;
                ActiveState[ActiveCountValue] = i;
                ActiveCountValue++;
            }
            else
            {
                SpikeState[i] = 0;
            }
        }

        /// <summary>x clamped to int32 (sat32).</summary>
        protected static int Sat32(long x)
        {
            if (x > int.MaxValue)
            {
                return int.MaxValue;
            }

            if (x < int.MinValue)
            {
                return int.MinValue;
            }

            return (int)x;
        }

        private void CheckWeights(FanOutWeights weights)
        {
            if (weights == null)
            {
                throw new ArgumentNullException("weights");
            }

            if (weights.OutputCount != NeuronCountValue || weights.FractionBits != WeightFractionBits)
            {
                throw new ArgumentException("Weights feed " + weights.OutputCount.ToString() + " neurons with Fw = " + weights.FractionBits.ToString()
                    + "; this population has " + NeuronCountValue.ToString() + " neurons and Fw = " + WeightFractionBits.ToString() + ".", "weights");
            }
        }
    }
}
