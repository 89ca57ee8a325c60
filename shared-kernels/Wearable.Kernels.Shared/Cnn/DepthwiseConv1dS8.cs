namespace Wearable.Kernels.Cnn
{
    /// <summary>Shape, offsets and activation of a 1-D depthwise convolution.</summary>
    public sealed class DepthwiseConv1dParams : QuantizedLayerParams
    {
        public int KernelSize = 1;
        public int InputChannels = 1;

        /// <summary>Output channels per input channel; output channel o = c * multiplier + m.</summary>
        public int ChannelMultiplier = 1;
        public int Stride = 1;
        public int Dilation = 1;
        public Padding1d Padding = Padding1d.Valid;

        public int OutputChannels
        {
            get { return InputChannels * ChannelMultiplier; }
        }
    }

    /// <summary>
    /// int8 depthwise conv1d, NWC: weights [tap][out channel] (CMSIS-NN's [1, 1, K, C_OUT]), one
    /// int32 bias and one (M, S) per out channel. Padding taps are skipped.
    /// </summary>
    public static class DepthwiseConv1dS8
    {
        public static int OutputLength(DepthwiseConv1dParams p, int inputLength)
        {
            return ConvGeometry.OutputLength(inputLength, p.KernelSize, p.Stride, p.Dilation, p.Padding);
        }

        public static void Run(
            DepthwiseConv1dParams p, ChannelQuantization quant,
            sbyte[] input, int inputOffset, int inputLength,
            sbyte[] weights, int weightsOffset,
            int[] bias, int biasOffset,
            sbyte[] output, int outputOffset)
        {
            int k = p.KernelSize;
            int cin = p.InputChannels;
            int mult = p.ChannelMultiplier;
            int cout = cin * mult;
            int dil = p.Dilation;
            int inOff = p.InputOffset;
            int outLength = OutputLength(p, inputLength);
            int padLeft = ConvGeometry.PadLeft(inputLength, k, p.Stride, dil, p.Padding);
            int[] qm = quant.Multipliers;
            int[] qs = quant.Shifts;
            bool perTensor = quant.IsPerTensor;
            for (int t = 0; t < outLength; t++)
            {
                int start = t * p.Stride - padLeft;
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

                int dst = outputOffset + t * cout;
                for (int c = 0; c < cin; c++)
                {
                    for (int m = 0; m < mult; m++)
                    {
                        int o = c * mult + m;
                        int acc = bias != null ? bias[biasOffset + o] : 0;
                        int src = inputOffset + (start + kLo * dil) * cin + c;
                        int wi = weightsOffset + kLo * cout + o;
                        for (int tap = kLo; tap < kHi; tap++)
                        {
                            acc += (input[src] + inOff) * weights[wi];
                            src += dil * cin;
                            wi += cout;
                        }

                        int q = perTensor ? 0 : o;
                        output[dst + o] = Requantize.ToActivation(acc, qm[q], qs[q], p.OutputOffset, p.ActivationMin, p.ActivationMax);
                    }
                }
            }
        }

        public static long Macs(DepthwiseConv1dParams p, int inputLength)
        {
            var equivalent = new Conv1dParams();
            equivalent.KernelSize = p.KernelSize;
            equivalent.Stride = p.Stride;
            equivalent.Dilation = p.Dilation;
            equivalent.Padding = p.Padding;
            equivalent.InputChannels = 1;
            equivalent.OutputChannels = p.OutputChannels;
            return Conv1dS8.Macs(equivalent, inputLength);
        }
    }
}
