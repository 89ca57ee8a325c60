using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>Max or average pooling (<see cref="MaxPool1dS8"/>, <see cref="AvgPool1dS8"/>).</summary>
    public sealed class Pool1dLayer : CnnLayer
    {
        private readonly int _inputLength;

        public Pool1dLayer(int op, int input, int output, int inputLength, Pool1dParams p)
            : base(op, input, -1, output)
        {
            _inputLength = inputLength;
            Params = p;
        }

        public Pool1dParams Params { get; private set; }

        public override long Macs
        {
            get { return 0; }
        }

        public override int ParameterBytes
        {
            get { return 0; }
        }

        public override string Describe()
        {
            return "pool=" + Params.PoolSize.ToString() + " s=" + Params.Stride.ToString() + " " + PaddingName(Params.Padding);
        }

        public override void Run(sbyte[] arena, int inputOffset, int input2Offset, int outputOffset, int[] scratch)
        {
            if (Op == CnnOpCode.MaxPool1d)
            {
                MaxPool1dS8.Run(Params, arena, inputOffset, _inputLength, arena, outputOffset);
            }
            else
            {
                AvgPool1dS8.Run(Params, arena, inputOffset, _inputLength, arena, outputOffset);
            }
        }
    }
}
