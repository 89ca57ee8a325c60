using System;

namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// Synaptic weights from InputCount presynaptic to OutputCount postsynaptic neurons, stored so
    /// that one input's fan-out is contiguous: w[j * OutputCount + i] connects input j to neuron i.
    /// A spike of input j then adds one contiguous row, which is what makes event-driven accumulation
    /// (work proportional to the active inputs) cheap. Values are int8 or int16 with FractionBits
    /// fraction bits (a per-matrix power-of-two scale 2^-Fw).
    /// </summary>
    public sealed class FanOutWeights
    {
        private readonly int _inputs;
        private readonly int _outputs;
        private readonly int _fractionBits;
        private readonly sbyte[]? _int8;
        private readonly short[]? _int16;

        public FanOutWeights(int inputCount, int outputCount, sbyte[] weights, int fractionBits)
        {
            Check(inputCount, outputCount, weights, fractionBits);
            _inputs = inputCount;
            _outputs = outputCount;
            _fractionBits = fractionBits;
            _int8 = weights;
        }

        public FanOutWeights(int inputCount, int outputCount, short[] weights, int fractionBits)
        {
            Check(inputCount, outputCount, weights, fractionBits);
            _inputs = inputCount;
            _outputs = outputCount;
            _fractionBits = fractionBits;
            _int16 = weights;
        }

        public int InputCount
        {
            get { return _inputs; }
        }

        public int OutputCount
        {
            get { return _outputs; }
        }

        /// <summary>Fw: a stored value v means v * 2^-Fw.</summary>
        public int FractionBits
        {
            get { return _fractionBits; }
        }

        /// <summary>The int8 weights, or null when the matrix is int16.</summary>
        public sbyte[]? Int8Weights
        {
            get { return _int8; }
        }

        /// <summary>The int16 weights, or null when the matrix is int8.</summary>
        public short[]? Int16Weights
        {
            get { return _int16; }
        }

        /// <summary>Weight from input j to output i.</summary>
        public int Weight(int input, int output)
        {
            int k = input * _outputs + output;
            return _int8 != null ? _int8[k] : _int16![k];
        }

        /// <summary>
        /// acc[accOffset + i] += sum over the listed active inputs j of w[j, i]: the event-driven path,
        /// cost proportional to activeCount * OutputCount.
        /// </summary>
        public void Accumulate(int[] activeInputs, int activeCount, long[] acc, int accOffset)
        {
            int n = _outputs;
            if (_int8 != null)
            {
                sbyte[] w = _int8;
                for (int a = 0; a < activeCount; a++)
                {
                    int row = activeInputs[a] * n;
                    int end = row + n;
                    for (int k = row, o = accOffset; k < end; k++, o++)
                    {
                        acc[o] += w[k];
                    }
                }
            }
            else
            {
                short[] w = _int16!;
                for (int a = 0; a < activeCount; a++)
                {
                    int row = activeInputs[a] * n;
                    int end = row + n;
                    for (int k = row, o = accOffset; k < end; k++, o++)
                    {
                        acc[o] += w[k];
                    }
                }
            }
        }

        /// <summary>
        /// The dense path: multiplies every weight by its input's spike (0 or 1). Same integers as
        /// <see cref="Accumulate"/>; kept as the reference the event-driven path is measured against.
        /// </summary>
        public void AccumulateDense(byte[] inputSpikes, int spikesOffset, long[] acc, int accOffset)
        {
            int n = _outputs;
            for (int j = 0; j < _inputs; j++)
            {
                int s = inputSpikes[spikesOffset + j];
                int row = j * n;
                if (_int8 != null)
                {
                    for (int i = 0; i < n; i++)
                    {
                        acc[accOffset + i] += _int8[row + i] * s;
                    }
                }
                else
                {
                    short[] w = _int16!;
                    for (int i = 0; i < n; i++)
                    {
                        acc[accOffset + i] += w[row + i] * s;
                    }
                }
            }
        }

        private static void Check(int inputCount, int outputCount, Array weights, int fractionBits)
        {
            if (weights == null)
            {
                throw new ArgumentNullException("weights");
            }

            if (inputCount < 1 || outputCount < 1)
            {
                throw new ArgumentOutOfRangeException("inputCount", "A weight matrix needs at least one input and one output; got "
                    + inputCount.ToString() + " x " + outputCount.ToString() + ".");
            }

            if ((long)inputCount * outputCount != weights.Length)
            {
                throw new ArgumentException("Expected " + ((long)inputCount * outputCount).ToString() + " weights (inputs x outputs, fan-out contiguous); got "
                    + weights.Length.ToString() + ".", "weights");
            }

            if (fractionBits < 0 || fractionBits > 30)
            {
                throw new ArgumentOutOfRangeException("fractionBits", "Weight fraction bits must be in 0..30; got " + fractionBits.ToString() + ".");
            }
        }
    }
}
