namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// The exponential table of an integer softmax: ExpTable[d] = round(2^16 * exp(-beta * s_in * d))
    /// for d = max - x in [0, 255], computed once on the host (the only place a float exp exists).
    /// </summary>
    public sealed class SoftmaxParams
    {
        public const int TableLength = 256;

        /// <summary>Q16 values in [0, 65536]; entry 0 is 65536 (exp(0) = 1).</summary>
        public int[] ExpTable = new int[TableLength];

        /// <summary>Classes per row (the channel count of the input).</summary>
        public int Classes = 1;
    }

    /// <summary>
    /// Integer softmax per row of an NWC tensor. Rule: e_i = ExpTable[max - x_i]; sum = sum of e_i;
    /// y_i = min(127, floor((e_i * 256 + sum / 2) / sum) - 128) (TFLite's softmax output
    /// quantization, scale 1/256 and zero point -128). Sums stay below 2^31 for up to 32767 classes.
    /// </summary>
    public static class SoftmaxS8
    {
        public static void Run(SoftmaxParams p, sbyte[] input, int inputOffset, int rows, sbyte[] output, int outputOffset)
        {
            int n = p.Classes;
            int[] table = p.ExpTable;
            for (int r = 0; r < rows; r++)
            {
                int src = inputOffset + r * n;
                int max = -128;
                for (int i = 0; i < n; i++)
                {
                    if (input[src + i] > max)
                    {
                        max = input[src + i];
                    }
                }

                long sum = 0;
                for (int i = 0; i < n; i++)
                {
                    sum += table[max - input[src + i]];
                }

                int dst = outputOffset + r * n;
                for (int i = 0; i < n; i++)
                {
                    long e = table[max - input[src + i]];
                    long q = ((e << 8) + (sum >> 1)) / sum - 128; // safe division: sum adds positive table entries, so it is >= 1
                    output[dst + i] = (sbyte)(q > 127 ? 127 : q);
                }
            }
        }
    }
}
