using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// DenseS8 (fully connected). Input: quant block (Units channels), weights Units * InputSize int8
    /// (row per unit), then exactly InputSize int8 (one frame). Output: Units int8.
    /// </summary>
    public sealed class DenseHilAdapter : QuantizedLayerHilAdapter
    {
        private readonly DenseParams _p;
        private readonly int[] _scratch;

        public DenseHilAdapter(string name, int inputSize, int units)
            : base(name, inputSize, units, units * inputSize, 1)
        {
            _p = new DenseParams();
            _p.InputSize = inputSize;
            _p.Units = units;
            _scratch = new int[DenseS8.GetBufferSize(_p)];
        }

        protected override int OutputFrames(int frames)
        {
            return 1;
        }

        protected override int RunKernel(int frames)
        {
            Quant.ApplyTo(_p);
            DenseS8.Run(_p, Quant.Quantization, Input, 0, Weights, 0, Quant.Bias, 0, Output, 0, _scratch);
            return 1;
        }
    }
}
