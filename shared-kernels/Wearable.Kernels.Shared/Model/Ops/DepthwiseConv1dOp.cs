using Wearable.Kernels.Cnn;
using Wearable.Kernels.Hil;

namespace Wearable.Kernels.Model
{
    /// <summary>depthwise_conv1d: one filter bank per input channel (<see cref="DepthwiseConv1dS8"/>).</summary>
    public sealed class DepthwiseConv1dOp : CnnOpKind
    {
        public DepthwiseConv1dOp()
            : base(CnnOpCode.DepthwiseConv1d, "depthwise_conv1d", 1)
        {
        }

        public override CnnLayer Read(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var dp = new DepthwiseConv1dParams();
            dp.KernelSize = r.U16In(p + ".kernel_size", 1, CnnOpContext.MaxKernel);
            dp.ChannelMultiplier = r.U16In(p + ".channel_multiplier", 1, CnnOpContext.MaxKernel);
            dp.Stride = r.U16In(p + ".stride", 1, CnnOpContext.MaxKernel);
            dp.Dilation = r.U16In(p + ".dilation", 1, CnnOpContext.MaxKernel);
            dp.Padding = c.ReadPadding();
            bool hasBias = c.ReadFlag("has_bias");
            dp.InputChannels = input.Channels;
            int cout = input.Channels * dp.ChannelMultiplier;
            if (cout > CnnSectionReader.MaxChannels)
            {
                throw c.Error("channel_multiplier", c.OpOffset + 16, "output channels " + cout.ToString() + " exceed " + CnnSectionReader.MaxChannels.ToString());
            }

            ChannelQuantization q = c.ReadQuant(cout, false);
            dp.InputOffset = -input.ZeroPoint;
            dp.OutputOffset = c.OutputTensor.ZeroPoint;
            dp.ActivationMin = c.ActivationMin;
            dp.ActivationMax = c.ActivationMax;
            c.ExpectOutputShape(DepthwiseConv1dS8.OutputLength(dp, input.Length), cout);
            Int8Block w = c.ReadWeights((long)dp.KernelSize * cout, dp.KernelSize);
            int[] bias = c.ReadBias(hasBias, cout);
            return new DepthwiseConv1dLayer(c.Input, c.Output, input.Length, dp, q, w, bias);
        }

        public override HilAdapter[] CreateGoldenAdapters()
        {
            return new HilAdapter[] { new DepthwiseConv1dHilAdapter("cnn.depthwise.k3m2", 3, 4, 2, 1, 1, Padding1d.Same) };
        }
    }
}
