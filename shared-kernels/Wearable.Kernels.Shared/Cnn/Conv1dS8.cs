namespace Wearable.Kernels.Cnn
{
    /// <summary>Shape, offsets and activation of a 1-D int8 convolution (CMSIS-NN's conv params, 1-D).</summary>
    public sealed class Conv1dParams : QuantizedLayerParams
    {
        public int KernelSize = 1;
        public int InputChannels = 1;
        public int OutputChannels = 1;
        public int Stride = 1;
        public int Dilation = 1;
        public Padding1d Padding = Padding1d.Valid;
    }

    /// <summary>
    /// int8 conv1d, NWC layout: input [time][in channel], weights [out channel][tap][in channel]
    /// (CMSIS-NN's [C_OUT, 1, K, C_IN]), int32 bias per out channel, per-channel requantization,
    /// output [time][out channel]. Taps in padding are skipped.
    /// </summary>
    public static class Conv1dS8
    {
        /// <summary>Ints of caller-owned scratch that <see cref="Run"/> needs: kernel size * input channels.</summary>
        public static int GetBufferSize(Conv1dParams p)
        {
            return p.KernelSize * p.InputChannels;
        }

        public static int OutputLength(Conv1dParams p, int inputLength)
        {
            return ConvGeometry.OutputLength(inputLength, p.KernelSize, p.Stride, p.Dilation, p.Padding);
        }

        /// <summary>Runs the convolution over inputLength frames; writes OutputLength * OutputChannels values.</summary>
        public static void Run(
            Conv1dParams p, ChannelQuantization quant,
            sbyte[] input, int inputOffset, int inputLength,
            sbyte[] weights, int weightsOffset,
            int[] bias, int biasOffset,
            sbyte[] output, int outputOffset,
            int[] scratch)
        {
            int k = p.KernelSize;
            int cin = p.InputChannels;
            int cout = p.OutputChannels;
            int dil = p.Dilation;
            int outLength = OutputLength(p, inputLength);
            int padLeft = ConvGeometry.PadLeft(inputLength, k, p.Stride, dil, p.Padding);
            int rowStride = k * cin;
            int inOff = p.InputOffset;
            for (int t = 0; t < outLength; t++)
            {
                int start = t * p.Stride - padLeft;

                // The valid taps form one contiguous range [kLo, kHi), so the weights of each output
                // channel stay one contiguous slice and the hot loop never tests for padding.
                int kLo = 0;
                while (kLo < k && start + kLo * dil < 0)
                {
                    kLo++;
                }

                int kHi = k;
                while (kHi > kLo && start + (kHi - 1) * dil >= inputLength)
                {
                    kHi--;
                }

                int n = 0;
                for (int tap = kLo; tap < kHi; tap++)
                {
                    int src = inputOffset + (start + tap * dil) * cin;
                    for (int c = 0; c < cin; c++)
                    {
                        scratch[n++] = input[src + c] + inOff;
                    }
                }

                MatVecS8.Run(
                    scratch, n,
                    weights, weightsOffset + kLo * cin, rowStride, cout,
                    bias, biasOffset,
                    quant, 0,
                    p.OutputOffset, p.ActivationMin, p.ActivationMax,
                    output, outputOffset + t * cout);
            }
        }

        /// <summary>Multiply-accumulates of one run (padding taps excluded).</summary>
        public static long Macs(Conv1dParams p, int inputLength)
        {
            int outLength = OutputLength(p, inputLength);
            int padLeft = ConvGeometry.PadLeft(inputLength, p.KernelSize, p.Stride, p.Dilation, p.Padding);
            long taps = 0;
            for (int t = 0; t < outLength; t++)
            {
                int start = t * p.Stride - padLeft;
                for (int tap = 0; tap < p.KernelSize; tap++)
                {
                    int pos = start + tap * p.Dilation;
                    if (pos >= 0 && pos < inputLength)
                    {
                        taps++;
                    }
                }
            }

            return taps * p.InputChannels * p.OutputChannels;
        }
    }
}
