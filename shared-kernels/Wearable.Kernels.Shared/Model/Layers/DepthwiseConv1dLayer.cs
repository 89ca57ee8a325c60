using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>A <see cref="DepthwiseConv1dS8"/> bound to its weights, bias and per-channel requantization.</summary>
    public sealed class DepthwiseConv1dLayer : CnnLayer
    {
        private readonly int _inputLength;

        public DepthwiseConv1dLayer(int input, int output, int inputLength, DepthwiseConv1dParams p, ChannelQuantization quant, Int8Block weights, int[] bias)
            : base(CnnOpCode.DepthwiseConv1d, input, -1, output)
        {
            _inputLength = inputLength;
            Params = p;
            Quant = quant;
            Weights = weights;
            Bias = bias;
        }

        public DepthwiseConv1dParams Params { get; private set; }
        public ChannelQuantization Quant { get; private set; }
        public int[] Bias { get; private set; }

        public override long Macs
        {
            get { return DepthwiseConv1dS8.Macs(Params, _inputLength); }
        }

        public override int ParameterBytes
        {
            get { return Weights.Length + Bias.Length * 4 + Quant.Count * 8; }
        }

        public override string Describe()
        {
            return "k=" + Params.KernelSize.ToString() + " m=" + Params.ChannelMultiplier.ToString() + " s=" + Params.Stride.ToString() + " d=" + Params.Dilation.ToString() + " " + PaddingName(Params.Padding);
        }

        public override void Run(sbyte[] arena, int inputOffset, int input2Offset, int outputOffset, int[] scratch)
        {
            DepthwiseConv1dS8.Run(Params, Quant, arena, inputOffset, _inputLength, Weights.Buffer, Weights.Offset, Bias, 0, arena, outputOffset);
        }
    }
}
