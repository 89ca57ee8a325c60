namespace Wearable.Kernels.Cnn
{
    /// <summary>Shape, offsets and activation of a 1x1 (pointwise) convolution.</summary>
    public sealed class PointwiseConvParams : QuantizedLayerParams
    {
        public int InputChannels = 1;
        public int OutputChannels = 1;
    }

    /// <summary>
    /// int8 pointwise conv: the same channel mix at every frame. Weights [out channel][in channel],
    /// per-channel requantization, NWC input and output of equal length.
    /// </summary>
    public static class PointwiseConvS8
    {
        /// <summary>Ints of caller-owned scratch: the input channels.</summary>
        public static int GetBufferSize(PointwiseConvParams p)
        {
            return p.InputChannels;
        }

        public static void Run(
            PointwiseConvParams p, ChannelQuantization quant,
            sbyte[] input, int inputOffset, int length,
            sbyte[] weights, int weightsOffset,
            int[] bias, int biasOffset,
            sbyte[] output, int outputOffset,
            int[] scratch)
        {
            int cin = p.InputChannels;
            int cout = p.OutputChannels;
            int inOff = p.InputOffset;
            for (int t = 0; t < length; t++)
            {
                int src = inputOffset + t * cin;
                for (int c = 0; c < cin; c++)
                {
                    scratch[c] = input[src + c] + inOff;
                }

                MatVecS8.Run(
                    scratch, cin, weights, weightsOffset, cin, cout, bias, biasOffset, quant, 0,
                    p.OutputOffset, p.ActivationMin, p.ActivationMax, output, outputOffset + t * cout);
            }
        }
    }
}
