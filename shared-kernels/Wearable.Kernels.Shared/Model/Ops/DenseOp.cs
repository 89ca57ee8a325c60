using Wearable.Kernels.Cnn;
using Wearable.Kernels.Hil;

namespace Wearable.Kernels.Model
{
    /// <summary>dense: a fully connected layer over the flattened input (<see cref="DenseS8"/>).</summary>
    public sealed class DenseOp : CnnOpKind
    {
        public DenseOp()
            : base(CnnOpCode.Dense, "dense", 1)
        {
        }

        public override CnnLayer Read(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var dp = new DenseParams();
            dp.Units = r.U16In(p + ".units", 1, CnnSectionReader.MaxChannels);
            bool hasBias = c.ReadFlag("has_bias");
            r.Reserved(p + ".reserved", 1);
            ChannelQuantization q = c.ReadQuant(dp.Units, true);
            r.Reserved(p + ".reserved", 2);
            dp.InputSize = input.Length * input.Channels;
            dp.InputOffset = -input.ZeroPoint;
            dp.OutputOffset = c.OutputTensor.ZeroPoint;
            dp.ActivationMin = c.ActivationMin;
            dp.ActivationMax = c.ActivationMax;
            c.ExpectOutputShape(1, dp.Units);
            Int8Block w = c.ReadWeights((long)dp.InputSize * dp.Units, dp.InputSize);
            int[] bias = c.ReadBias(hasBias, dp.Units);
            return new DenseLayer(c.Input, c.Output, dp, q, w, bias);
        }

        public override HilAdapter[] CreateGoldenAdapters()
        {
            return new HilAdapter[] { new DenseHilAdapter("cnn.dense.32x10", 32, 10) };
        }
    }
}
