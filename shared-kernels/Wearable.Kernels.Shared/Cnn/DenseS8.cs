namespace Wearable.Kernels.Cnn
{
    /// <summary>Shape, offsets and activation of a fully connected layer.</summary>
    public sealed class DenseParams : QuantizedLayerParams
    {
        /// <summary>Accumulation depth (a flattened [time][channel] tensor has time * channels).</summary>
        public int InputSize = 1;
        public int Units = 1;
    }

    /// <summary>
    /// int8 dense (CMSIS-NN's fully connected): weights [unit][input], symmetric; requantization per
    /// tensor (one (M, S), TFLite's default) or per channel (one per unit), chosen by the length of
    /// the <see cref="ChannelQuantization"/>.
    /// </summary>
    public static class DenseS8
    {
        /// <summary>Ints of caller-owned scratch: the input size.</summary>
        public static int GetBufferSize(DenseParams p)
        {
            return p.InputSize;
        }

        public static void Run(
            DenseParams p, ChannelQuantization quant,
            sbyte[] input, int inputOffset,
            sbyte[] weights, int weightsOffset,
            int[] bias, int biasOffset,
            sbyte[] output, int outputOffset,
            int[] scratch)
        {
            int n = p.InputSize;
            int inOff = p.InputOffset;
            for (int i = 0; i < n; i++)
            {
                scratch[i] = input[inputOffset + i] + inOff;
            }

            MatVecS8.Run(
                scratch, n, weights, weightsOffset, n, p.Units, bias, biasOffset, quant, 0,
                p.OutputOffset, p.ActivationMin, p.ActivationMax, output, outputOffset);
        }
    }
}
