using Wearable.Kernels.Cnn;
using Wearable.Kernels.Hil;

namespace Wearable.Kernels.Model
{
    /// <summary>pointwise_conv: a 1x1 convolution mixing channels per frame (<see cref="PointwiseConvS8"/>).</summary>
    public sealed class PointwiseConvOp : CnnOpKind
    {
        public PointwiseConvOp()
            : base(CnnOpCode.PointwiseConv, "pointwise_conv", 1)
        {
        }

        public override CnnLayer Read(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var pp = new PointwiseConvParams();
            pp.OutputChannels = r.U16In(p + ".output_channels", 1, CnnSectionReader.MaxChannels);
            bool hasBias = c.ReadFlag("has_bias");
            r.Reserved(p + ".reserved", 1);
            ChannelQuantization q = c.ReadQuant(pp.OutputChannels, false);
            r.Reserved(p + ".reserved", 2);
            pp.InputChannels = input.Channels;
            pp.InputOffset = -input.ZeroPoint;
            pp.OutputOffset = c.OutputTensor.ZeroPoint;
            pp.ActivationMin = c.ActivationMin;
            pp.ActivationMax = c.ActivationMax;
            c.ExpectOutputShape(input.Length, pp.OutputChannels);
            Int8Block w = c.ReadWeights((long)pp.InputChannels * pp.OutputChannels, pp.InputChannels);
            int[] bias = c.ReadBias(hasBias, pp.OutputChannels);
            return new PointwiseConvLayer(c.Input, c.Output, input.Length, pp, q, w, bias);
        }

        public override HilAdapter[] CreateGoldenAdapters()
        {
            return new HilAdapter[] { new PointwiseConvHilAdapter("cnn.pointwise.8x6", 8, 6) };
        }
    }
}
