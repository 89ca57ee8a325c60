using Wearable.Kernels.Cnn;
using Wearable.Kernels.Hil;

namespace Wearable.Kernels.Model
{
    /// <summary>softmax: per-row confidences with scale 1/256 and zero point -128 (<see cref="SoftmaxS8"/>).</summary>
    public sealed class SoftmaxOp : CnnOpKind
    {
        public SoftmaxOp()
            : base(CnnOpCode.Softmax, "softmax", 1)
        {
        }

        public override CnnLayer Read(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            r.U16In(p + ".table_length", SoftmaxParams.TableLength, SoftmaxParams.TableLength);
            r.Reserved(p + ".reserved", 2);
            var sp = new SoftmaxParams();
            sp.Classes = input.Channels;
            for (int i = 0; i < SoftmaxParams.TableLength; i++)
            {
                sp.ExpTable[i] = r.I32In(p + ".exp_table[" + i.ToString() + "]", i == 0 ? 1 : 0, 65536);
            }

            if (c.OutputTensor.ZeroPoint != -128)
            {
                throw c.Error("output", c.OpOffset + 6, "softmax output must have zero point -128 (scale 1/256)");
            }

            c.ExpectOutputShape(input.Length, input.Channels);
            return new SoftmaxLayer(c.Input, c.Output, input.Length, sp);
        }

        public override HilAdapter[] CreateGoldenAdapters()
        {
            return new HilAdapter[] { new SoftmaxHilAdapter("cnn.softmax.8", 8) };
        }
    }
}
