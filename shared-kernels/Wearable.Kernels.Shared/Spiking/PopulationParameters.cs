using System;

namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// What LIF and CuBa-LIF populations share: size, the fixed-point formats (state F, weights Fw),
    /// thresholds (one per layer or one per neuron), reset mode and an optional bias.
    /// </summary>
    public abstract class PopulationParameters
    {
        /// <summary>Default fraction bits of the state (KERNEL-SPEC section 2).</summary>
        public const int DefaultFractionBits = 14;

        /// <summary>Decay constants are D = round((1 - beta) * 4096).</summary>
        public const int DecayBits = 12;

        /// <summary>Largest F - Fw: keeps the aligned synaptic sum (clamped to 2^40) below 2^62.</summary>
        public const int MaxAlignShift = 22;

        private readonly int _neurons;
        private readonly int _fractionBits;
        private readonly int _weightFractionBits;
        private readonly int[] _thresholds;
        private readonly ResetMode _reset;
        private readonly int[]? _bias;

        /// <param name="neuronCount">Neurons in the population.</param>
        /// <param name="fractionBits">F: fraction bits of membrane and current (0..30, default 14).</param>
        /// <param name="weightFractionBits">Fw of every weight matrix and bias feeding this population (0..F).</param>
        /// <param name="thresholds">round(theta * 2^F): one value for the layer or one per neuron; must be &gt;= 0.</param>
        /// <param name="reset">Subtract or zero reset.</param>
        /// <param name="bias">Null, or one bias per neuron in weight units (Fw fraction bits), added every step.</param>
        protected PopulationParameters(int neuronCount, int fractionBits, int weightFractionBits, int[] thresholds, ResetMode reset, int[]? bias)
        {
            if (neuronCount < 1)
            {
                throw new ArgumentOutOfRangeException("neuronCount", "A population needs at least one neuron; got " + neuronCount.ToString() + ".");
            }

            if (fractionBits < 0 || fractionBits > 30)
            {
                throw new ArgumentOutOfRangeException("fractionBits", "State fraction bits F must be in 0..30; got " + fractionBits.ToString() + ".");
            }

            if (weightFractionBits < 0 || weightFractionBits > fractionBits || fractionBits - weightFractionBits > MaxAlignShift)
            {
                throw new ArgumentOutOfRangeException("weightFractionBits", "Weight fraction bits Fw must satisfy 0 <= Fw <= F and F - Fw <= 22; got Fw = "
                    + weightFractionBits.ToString() + ", F = " + fractionBits.ToString() + ".");
            }

            CheckPerNeuron(thresholds, neuronCount, "thresholds", 0, int.MaxValue);
            if (bias != null && bias.Length != neuronCount)
            {
                throw new ArgumentException("Bias needs one value per neuron (" + neuronCount.ToString() + "); got " + bias.Length.ToString() + ".", "bias");
            }

            _neurons = neuronCount;
            _fractionBits = fractionBits;
            _weightFractionBits = weightFractionBits;
            _thresholds = thresholds;
            _reset = reset;
            _bias = bias;
        }

        public int NeuronCount
        {
            get { return _neurons; }
        }

        public int FractionBits
        {
            get { return _fractionBits; }
        }

        public int WeightFractionBits
        {
            get { return _weightFractionBits; }
        }

        /// <summary>One value (per layer) or NeuronCount values (per neuron).</summary>
        public int[] Thresholds
        {
            get { return _thresholds; }
        }

        public ResetMode Reset
        {
            get { return _reset; }
        }

        public int[]? Bias
        {
            get { return _bias; }
        }

        /// <summary>Builds the population these parameters describe (lets composite layers such as L2MU take either kind).</summary>
        public abstract SpikingPopulation CreatePopulation();

        /// <summary>Checks a per-layer (length 1) or per-neuron (length n) array and its value range.</summary>
        protected static void CheckPerNeuron(int[] values, int neuronCount, string name, int min, int max)
        {
            if (values == null)
            {
                throw new ArgumentNullException(name);
            }

            if (values.Length != 1 && values.Length != neuronCount)
            {
                throw new ArgumentException(name + " needs 1 value (per layer) or " + neuronCount.ToString() + " (per neuron); got " + values.Length.ToString() + ".", name);
            }

            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] < min || values[i] > max)
                {
                    throw new ArgumentOutOfRangeException(name, name + "[" + i.ToString() + "] = " + values[i].ToString() + " is outside "
                        + min.ToString() + ".." + max.ToString() + ".");
                }
            }
        }
    }
}
