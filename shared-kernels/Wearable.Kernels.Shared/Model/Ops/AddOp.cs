using Wearable.Kernels.Cnn;
using Wearable.Kernels.Hil;

namespace Wearable.Kernels.Model
{
    /// <summary>add: the element-wise sum of two tensors of one shape, each rescaled (<see cref="AddS8"/>).</summary>
    public sealed class AddOp : CnnOpKind
    {
        public AddOp()
            : base(CnnOpCode.Add, "add", 2)
        {
        }

        public override CnnLayer Read(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo a = c.InputTensor;
            TensorInfo b = c.Model.Tensors[c.Input2];
            if (a.Length != b.Length || a.Channels != b.Channels)
            {
                throw c.Error("input2", c.OpOffset + 4, "add needs equal shapes, got " + a.Length.ToString() + "x" + a.Channels.ToString() + " and " + b.Length.ToString() + "x" + b.Channels.ToString());
            }

            c.ExpectOutputShape(a.Length, a.Channels);
            var ap = new AddParams();
            ap.LeftShift = r.U8In(p + ".left_shift", 0, 20);
            r.Reserved(p + ".reserved", 3);
            ap.Input1Multiplier = Multiplier(r, p + ".input1_multiplier");
            ap.Input1Shift = r.I32In(p + ".input1_shift", -31, 0);
            ap.Input2Multiplier = Multiplier(r, p + ".input2_multiplier");
            ap.Input2Shift = r.I32In(p + ".input2_shift", -31, 0);
            ap.OutputMultiplier = Multiplier(r, p + ".output_multiplier");
            ap.OutputShift = r.I32In(p + ".output_shift", -31, 30);
            ap.Input1Offset = -a.ZeroPoint;
            ap.Input2Offset = -b.ZeroPoint;
            ap.OutputOffset = c.OutputTensor.ZeroPoint;
            ap.ActivationMin = c.ActivationMin;
            ap.ActivationMax = c.ActivationMax;
            return new AddLayer(c.Input, c.Input2, c.Output, a.ByteCount, ap);
        }

        public override HilAdapter[] CreateGoldenAdapters()
        {
            return new HilAdapter[] { new AddHilAdapter() };
        }

        private static int Multiplier(ModelByteReader r, string field)
        {
            int at = r.Position;
            int m = r.I32(field);
            if (m != 0 && m < (1 << 30))
            {
                throw r.ErrorAt(field, at, "multiplier " + m.ToString() + " is outside [2^30, 2^31) (or 0)");
            }

            return m;
        }
    }
}
