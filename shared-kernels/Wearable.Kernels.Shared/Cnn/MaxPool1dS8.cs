namespace Wearable.Kernels.Cnn
{
    /// <summary>int8 max pooling over time per channel, NWC; padding taps are skipped.</summary>
    public static class MaxPool1dS8
    {
        public static int OutputLength(Pool1dParams p, int inputLength)
        {
            return ConvGeometry.OutputLength(inputLength, p.PoolSize, p.Stride, 1, p.Padding);
        }

        public static void Run(Pool1dParams p, sbyte[] input, int inputOffset, int inputLength, sbyte[] output, int outputOffset)
        {
            int ch = p.Channels;
            int outLength = OutputLength(p, inputLength);
            int padLeft = ConvGeometry.PadLeft(inputLength, p.PoolSize, p.Stride, 1, p.Padding);
            for (int t = 0; t < outLength; t++)
            {
                int start = t * p.Stride - padLeft;
                int lo = start < 0 ? 0 : start;
                int hi = start + p.PoolSize;
                if (hi > inputLength)
                {
                    hi = inputLength;
                }

                for (int c = 0; c < ch; c++)
                {
                    int best = -128;
                    for (int pos = lo; pos < hi; pos++)
                    {
                        int v = input[inputOffset + pos * ch + c];
                        if (v > best)
                        {
                            best = v;
                        }
                    }

                    if (best < p.ActivationMin)
                    {
                        best = p.ActivationMin;
                    }

                    if (best > p.ActivationMax)
                    {
                        best = p.ActivationMax;
                    }

                    output[outputOffset + t * ch + c] = (sbyte)best;
                }
            }
        }
    }
}
