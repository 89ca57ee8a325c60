namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// The one hot loop of conv, pointwise, dense and the streaming conv: output rows =
    /// requant(bias + x . w_row). x holds inputs already shifted by the input offset (int), so the
    /// zero-point term costs nothing inside the loop; four weight rows share each load of x.
    /// </summary>
    public static class MatVecS8
    {
        /// <summary>
        /// For each row r in [0, rows): acc = bias[biasOffset + r] (0 without bias) + sum_i x[i] * w[wOffset + r * rowStride + i],
        /// i in [0, n); output[outOffset + r] = clamp(requant(acc, M[r or 0], S[r or 0]) + outputOffset, min, max).
        /// </summary>
        public static void Run(
            int[] x, int n,
            sbyte[] w, int wOffset, int rowStride, int rows,
            int[] bias, int biasOffset,
            ChannelQuantization quant, int quantOffset,
            int outputOffset, int activationMin, int activationMax,
            sbyte[] output, int outOffset)
        {
            int[] mult = quant.Multipliers;
            int[] shift = quant.Shifts;
            bool perTensor = quant.IsPerTensor;
            int r = 0;
            for (; r + 4 <= rows; r += 4)
            {
                int w0 = wOffset + r * rowStride;
                int w1 = w0 + rowStride;
                int w2 = w1 + rowStride;
                int w3 = w2 + rowStride;
                int a0 = 0;
                int a1 = 0;
                int a2 = 0;
                int a3 = 0;
                for (int i = 0; i < n; i++)
                {
                    int xv = x[i];
                    a0 += xv * w[w0 + i];
                    a1 += xv * w[w1 + i];
                    a2 += xv * w[w2 + i];
                    a3 += xv * w[w3 + i];
                }

                if (bias != null)
                {
                    a0 += bias[biasOffset + r];
                    a1 += bias[biasOffset + r + 1];
                    a2 += bias[biasOffset + r + 2];
                    a3 += bias[biasOffset + r + 3];
                }

                int q = perTensor ? quantOffset : quantOffset + r;
                int step = perTensor ? 0 : 1;
                output[outOffset + r] = Requantize.ToActivation(a0, mult[q], shift[q], outputOffset, activationMin, activationMax);
                q += step;
                output[outOffset + r + 1] = Requantize.ToActivation(a1, mult[q], shift[q], outputOffset, activationMin, activationMax);
                q += step;
                output[outOffset + r + 2] = Requantize.ToActivation(a2, mult[q], shift[q], outputOffset, activationMin, activationMax);
                q += step;
                output[outOffset + r + 3] = Requantize.ToActivation(a3, mult[q], shift[q], outputOffset, activationMin, activationMax);
            }

            for (; r < rows; r++)
            {
                int w0 = wOffset + r * rowStride;
                int a0 = 0;
                for (int i = 0; i < n; i++)
                {
                    a0 += x[i] * w[w0 + i];
                }

                if (bias != null)
                {
                    a0 += bias[biasOffset + r];
                }

                int q = perTensor ? quantOffset : quantOffset + r;
                output[outOffset + r] = Requantize.ToActivation(a0, mult[q], shift[q], outputOffset, activationMin, activationMax);
            }
        }
    }
}
