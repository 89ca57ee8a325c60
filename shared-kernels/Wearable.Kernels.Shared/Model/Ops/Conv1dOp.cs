using Wearable.Kernels.Cnn;
using Wearable.Kernels.Hil;

namespace Wearable.Kernels.Model
{
    /// <summary>conv1d: a standard 1-D convolution (<see cref="Conv1dS8"/>).</summary>
    public sealed class Conv1dOp : CnnOpKind
    {
        public Conv1dOp()
            : base(CnnOpCode.Conv1d, "conv1d", 1)
        {
        }

        public override CnnLayer Read(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var cp = new Conv1dParams();
            cp.KernelSize = r.U16In(p + ".kernel_size", 1, CnnOpContext.MaxKernel);
            cp.OutputChannels = r.U16In(p + ".output_channels", 1, CnnSectionReader.MaxChannels);
            cp.Stride = r.U16In(p + ".stride", 1, CnnOpContext.MaxKernel);
            cp.Dilation = r.U16In(p + ".dilation", 1, CnnOpContext.MaxKernel);
            cp.Padding = c.ReadPadding();
            bool hasBias = c.ReadFlag("has_bias");
            ChannelQuantization q = c.ReadQuant(cp.OutputChannels, false);
            cp.InputChannels = input.Channels;
            cp.InputOffset = -input.ZeroPoint;
            cp.OutputOffset = c.OutputTensor.ZeroPoint;
            cp.ActivationMin = c.ActivationMin;
            cp.ActivationMax = c.ActivationMax;
            c.ExpectOutputShape(Conv1dS8.OutputLength(cp, input.Length), cp.OutputChannels);
            long depth = (long)cp.KernelSize * cp.InputChannels;
            Int8Block w = c.ReadWeights(depth * cp.OutputChannels, depth);
            int[] bias = c.ReadBias(hasBias, cp.OutputChannels);
            return new Conv1dLayer(c.Input, c.Output, input.Length, cp, q, w, bias);
        }

        public override HilAdapter[] CreateGoldenAdapters()
        {
            return new HilAdapter[]
            {
                new Conv1dHilAdapter("cnn.conv1d.k3", 3, 4, 4, 1, 1, Padding1d.Valid),
                new Conv1dHilAdapter("cnn.conv1d.k5s2d2-same", 5, 3, 5, 2, 2, Padding1d.Same),
            };
        }
    }
}
