using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// The common prefix of the requantizing CNN contracts: input offset i32, output offset i32,
    /// activation min i8, max i8, then per output channel multiplier i32, shift i8, bias i32.
    /// The arrays are owned here and refilled per run (ChannelQuantization keeps them by reference).
    /// </summary>
    public sealed class CnnQuantBlock
    {
        private readonly int[] _multipliers;
        private readonly int[] _shifts;

        public CnnQuantBlock(int channels)
        {
            _multipliers = new int[channels];
            _shifts = new int[channels];
            Bias = new int[channels];
            Quantization = new ChannelQuantization(_multipliers, _shifts);
        }

        public ChannelQuantization Quantization { get; private set; }

        public int[] Bias { get; private set; }

        public int InputOffset { get; private set; }

        public int OutputOffset { get; private set; }

        public int ActivationMin { get; private set; }

        public int ActivationMax { get; private set; }

        /// <summary>Gives a layer's kernel parameters this run's offsets and activation range.</summary>
        public void ApplyTo(QuantizedLayerParams p)
        {
            p.InputOffset = InputOffset;
            p.OutputOffset = OutputOffset;
            p.ActivationMin = ActivationMin;
            p.ActivationMax = ActivationMax;
        }

        /// <summary>Bytes this block takes in an input.</summary>
        public int Length { get { return 10 + (9 * _multipliers.Length); } }

        /// <summary>
        /// Reads the layout every conv-family contract starts with: this block, the weights, and then checks
        /// that the rest is 1..maxFrames whole frames of <paramref name="channels"/> int8 values. Returns the
        /// frame count (the frames themselves are left in the reader), or -1 when the input breaks the contract.
        /// </summary>
        public int ReadLayer(HilReader reader, sbyte[] weights, int channels, int maxFrames)
        {
            if (!Read(reader) || !reader.SBytes(weights, 0, weights.Length))
            {
                return -1;
            }

            int frames = reader.Remaining / channels; // safe division: Remaining is a byte count >= 0
            if (frames < 1 || frames > maxFrames || reader.Remaining % channels != 0) // safe division: Remaining is a byte count >= 0
            {
                return -1;
            }

            return frames;
        }

        /// <summary>Reads the block; false when it is short or out of range (shift outside [-31, 30], min above max).</summary>
        public bool Read(HilReader reader)
        {
            InputOffset = reader.Int32();
            OutputOffset = reader.Int32();
            ActivationMin = reader.SByte();
            ActivationMax = reader.SByte();
            bool ok = ActivationMin <= ActivationMax && InputOffset >= -255 && InputOffset <= 255 && OutputOffset >= -128 && OutputOffset <= 127;
            for (int c = 0; c < _multipliers.Length; c++)
            {
                _multipliers[c] = reader.Int32();
                _shifts[c] = reader.SByte();
                Bias[c] = reader.Int32();
                if (_shifts[c] < -31 || _shifts[c] > 30 || _multipliers[c] < 0)
                {
                    ok = false;
                }
            }

            return ok && !reader.Overrun;
        }
    }
}
