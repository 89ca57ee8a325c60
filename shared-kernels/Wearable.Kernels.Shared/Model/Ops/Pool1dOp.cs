using Wearable.Kernels.Cnn;
using Wearable.Kernels.Hil;

namespace Wearable.Kernels.Model
{
    /// <summary>max_pool1d and avg_pool1d: one body layout, two registrations (<see cref="MaxPool1dS8"/>, <see cref="AvgPool1dS8"/>).</summary>
    public sealed class Pool1dOp : CnnOpKind
    {
        private readonly bool _average;

        public Pool1dOp(int code, string name, bool average)
            : base(code, name, 1)
        {
            _average = average;
        }

        public override CnnLayer Read(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var pp = new Pool1dParams();
            pp.PoolSize = r.U16In(p + ".pool_size", 1, CnnOpContext.MaxKernel);
            pp.Stride = r.U16In(p + ".stride", 1, CnnOpContext.MaxKernel);
            pp.Padding = c.ReadPadding();
            r.Reserved(p + ".reserved", 3);
            pp.Channels = input.Channels;
            pp.ActivationMin = c.ActivationMin;
            pp.ActivationMax = c.ActivationMax;
            TensorInfo output = c.OutputTensor;
            if (output.ZeroPoint != input.ZeroPoint || output.ScaleBits != input.ScaleBits)
            {
                throw c.Error("output", c.OpOffset + 6, "pooling does not rescale: output scale and zero point must equal the input's");
            }

            c.ExpectOutputShape(MaxPool1dS8.OutputLength(pp, input.Length), input.Channels);
            return new Pool1dLayer(Code, c.Input, c.Output, input.Length, pp);
        }

        public override HilAdapter[] CreateGoldenAdapters()
        {
            if (_average)
            {
                return new HilAdapter[] { new Pool1dHilAdapter("cnn.avgpool.p3s2-same", true, 3, 2, 4, Padding1d.Same) };
            }

            return new HilAdapter[] { new Pool1dHilAdapter("cnn.maxpool.p2", false, 2, 2, 4, Padding1d.Valid) };
        }
    }
}
