using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>The integer <see cref="SoftmaxS8"/> per row, giving confidences with scale 1/256 and zero point -128.</summary>
    public sealed class SoftmaxLayer : CnnLayer
    {
        private readonly int _rows;

        public SoftmaxLayer(int input, int output, int rows, SoftmaxParams p)
            : base(CnnOpCode.Softmax, input, -1, output)
        {
            _rows = rows;
            Params = p;
        }

        public SoftmaxParams Params { get; private set; }

        public override long Macs
        {
            get { return 0; }
        }

        public override int ParameterBytes
        {
            get { return Params.ExpTable.Length * 4; }
        }

        public override string Describe()
        {
            return "exp table";
        }

        public override void Run(sbyte[] arena, int inputOffset, int input2Offset, int outputOffset, int[] scratch)
        {
            SoftmaxS8.Run(Params, arena, inputOffset, _rows, arena, outputOffset);
        }
    }
}
