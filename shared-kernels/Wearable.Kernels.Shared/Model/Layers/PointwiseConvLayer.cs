using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>A <see cref="PointwiseConvS8"/> bound to its weights, bias and per-channel requantization.</summary>
    public sealed class PointwiseConvLayer : CnnLayer
    {
        private readonly int _length;

        public PointwiseConvLayer(int input, int output, int length, PointwiseConvParams p, ChannelQuantization quant, Int8Block weights, int[] bias)
            : base(CnnOpCode.PointwiseConv, input, -1, output)
        {
            _length = length;
            Params = p;
            Quant = quant;
            Weights = weights;
            Bias = bias;
        }

        public PointwiseConvParams Params { get; private set; }
        public ChannelQuantization Quant { get; private set; }
        public int[] Bias { get; private set; }

        public override long Macs
        {
            get { return (long)_length * Params.InputChannels * Params.OutputChannels; }
        }

        public override int ParameterBytes
        {
            get { return Weights.Length + Bias.Length * 4 + Quant.Count * 8; }
        }

        public override int ScratchInts
        {
            get { return PointwiseConvS8.GetBufferSize(Params); }
        }

        public override string Describe()
        {
            return "1x1";
        }

        public override void Run(sbyte[] arena, int inputOffset, int input2Offset, int outputOffset, int[] scratch)
        {
            PointwiseConvS8.Run(Params, Quant, arena, inputOffset, _length, Weights.Buffer, Weights.Offset, Bias, 0, arena, outputOffset, scratch);
        }
    }
}
