using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>A <see cref="DenseS8"/> over the whole flattened input tensor, per-tensor or per-channel.</summary>
    public sealed class DenseLayer : CnnLayer
    {
        public DenseLayer(int input, int output, DenseParams p, ChannelQuantization quant, Int8Block weights, int[] bias)
            : base(CnnOpCode.Dense, input, -1, output)
        {
            Params = p;
            Quant = quant;
            Weights = weights;
            Bias = bias;
        }

        public DenseParams Params { get; private set; }
        public ChannelQuantization Quant { get; private set; }
        public int[] Bias { get; private set; }

        public override long Macs
        {
            get { return (long)Params.InputSize * Params.Units; }
        }

        public override int ParameterBytes
        {
            get { return Weights.Length + Bias.Length * 4 + Quant.Count * 8; }
        }

        public override int ScratchInts
        {
            get { return DenseS8.GetBufferSize(Params); }
        }

        public override string Describe()
        {
            return Quant.IsPerTensor ? "per-tensor" : "per-channel";
        }

        public override void Run(sbyte[] arena, int inputOffset, int input2Offset, int outputOffset, int[] scratch)
        {
            DenseS8.Run(Params, Quant, arena, inputOffset, Weights.Buffer, Weights.Offset, Bias, 0, arena, outputOffset, scratch);
        }
    }
}
