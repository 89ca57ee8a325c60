namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// int8 average pooling over time per channel, NWC. As in TFLM's reference: the divisor is the
    /// number of in-range taps (padding not counted) and the quotient is rounded half away from zero.
    /// </summary>
    public static class AvgPool1dS8
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

                int count = hi - lo;
                for (int c = 0; c < ch; c++)
                {
                    int sum = 0;
                    for (int pos = lo; pos < hi; pos++)
                    {
                        sum += input[inputOffset + pos * ch + c];
                    }

                    int avg = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count; // safe division: count is a window size, 1..PoolSize
                    if (avg < p.ActivationMin)
                    {
                        avg = p.ActivationMin;
                    }

                    if (avg > p.ActivationMax)
                    {
                        avg = p.ActivationMax;
                    }

                    output[outputOffset + t * ch + c] = (sbyte)avg;
                }
            }
        }
    }
}
