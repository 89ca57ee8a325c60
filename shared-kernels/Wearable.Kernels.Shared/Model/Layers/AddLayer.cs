using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>A residual <see cref="AddS8"/> of two tensors of equal shape.</summary>
    public sealed class AddLayer : CnnLayer
    {
        private readonly int _count;

        public AddLayer(int input, int input2, int output, int count, AddParams p)
            : base(CnnOpCode.Add, input, input2, output)
        {
            _count = count;
            Params = p;
        }

        public AddParams Params { get; private set; }

        public override long Macs
        {
            get { return 0; }
        }

        public override int ParameterBytes
        {
            get { return 24; }
        }

        public override string Describe()
        {
            return "rescale";
        }

        public override void Run(sbyte[] arena, int inputOffset, int input2Offset, int outputOffset, int[] scratch)
        {
            AddS8.Run(Params, arena, inputOffset, arena, input2Offset, _count, arena, outputOffset);
        }
    }
}
