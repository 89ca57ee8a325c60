using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>Reads one op body of the CNN graph section and binds it into a <see cref="CnnLayer"/>.</summary>
    public static class CnnOpReader
    {
        public const int MaxKernel = 255;

        public static CnnLayer Read(int op, CnnOpContext c)
        {
            switch (op)
            {
                case CnnOpCode.Conv1d: return Conv(c);
                case CnnOpCode.DepthwiseConv1d: return Depthwise(c);
                case CnnOpCode.PointwiseConv: return Pointwise(c);
                case CnnOpCode.Dense: return Dense(c);
                case CnnOpCode.MaxPool1d:
                case CnnOpCode.AvgPool1d: return Pool(op, c);
                case CnnOpCode.Add: return Add(c);
                default: return Softmax(c);
            }
        }

        private static CnnLayer Conv(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var cp = new Conv1dParams();
            cp.KernelSize = r.U16In(p + ".kernel_size", 1, MaxKernel);
            cp.OutputChannels = r.U16In(p + ".output_channels", 1, CnnSectionReader.MaxChannels);
            cp.Stride = r.U16In(p + ".stride", 1, MaxKernel);
            cp.Dilation = r.U16In(p + ".dilation", 1, MaxKernel);
            cp.Padding = c.ReadPadding();
            bool hasBias = c.ReadFlag("has_bias");
            ChannelQuantization q = c.ReadQuant(cp.OutputChannels, false);
            cp.InputChannels = input.Channels;
            SetOffsets(c, cp);
            c.ExpectOutputShape(Conv1dS8.OutputLength(cp, input.Length), cp.OutputChannels);
            long depth = (long)cp.KernelSize * cp.InputChannels;
            sbyte[] w = c.ReadWeights(depth * cp.OutputChannels, depth);
            int[] bias = c.ReadBias(hasBias, cp.OutputChannels);
            return new Conv1dLayer(c.Input, c.Output, input.Length, cp, q, w, bias);
        }

        private static void SetOffsets(CnnOpContext c, Conv1dParams cp)
        {
            cp.InputOffset = -c.InputTensor.ZeroPoint;
            cp.OutputOffset = c.OutputTensor.ZeroPoint;
            cp.ActivationMin = c.ActivationMin;
            cp.ActivationMax = c.ActivationMax;
        }

        private static CnnLayer Depthwise(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var dp = new DepthwiseConv1dParams();
            dp.KernelSize = r.U16In(p + ".kernel_size", 1, MaxKernel);
            dp.ChannelMultiplier = r.U16In(p + ".channel_multiplier", 1, MaxKernel);
            dp.Stride = r.U16In(p + ".stride", 1, MaxKernel);
            dp.Dilation = r.U16In(p + ".dilation", 1, MaxKernel);
            dp.Padding = c.ReadPadding();
            bool hasBias = c.ReadFlag("has_bias");
            dp.InputChannels = input.Channels;
            int cout = input.Channels * dp.ChannelMultiplier;
            if (cout > CnnSectionReader.MaxChannels)
            {
                throw c.Error("channel_multiplier", c.OpOffset + 16, "output channels " + cout.ToString() + " exceed " + CnnSectionReader.MaxChannels.ToString());
            }

            ChannelQuantization q = c.ReadQuant(cout, false);
            dp.InputOffset = -input.ZeroPoint;
            dp.OutputOffset = c.OutputTensor.ZeroPoint;
            dp.ActivationMin = c.ActivationMin;
            dp.ActivationMax = c.ActivationMax;
            c.ExpectOutputShape(DepthwiseConv1dS8.OutputLength(dp, input.Length), cout);
            sbyte[] w = c.ReadWeights((long)dp.KernelSize * cout, dp.KernelSize);
            int[] bias = c.ReadBias(hasBias, cout);
            return new DepthwiseConv1dLayer(c.Input, c.Output, input.Length, dp, q, w, bias);
        }

        private static CnnLayer Pointwise(CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var pp = new PointwiseConvParams();
            pp.OutputChannels = r.U16In(p + ".output_channels", 1, CnnSectionReader.MaxChannels);
            bool hasBias = c.ReadFlag("has_bias");
            r.Reserved(p + ".reserved", 1);
            ChannelQuantization q = c.ReadQuant(pp.OutputChannels, false);
            r.Reserved(p + ".reserved", 2);
            pp.InputChannels = input.Channels;
            pp.InputOffset = -input.ZeroPoint;
            pp.OutputOffset = c.OutputTensor.ZeroPoint;
            pp.ActivationMin = c.ActivationMin;
            pp.ActivationMax = c.ActivationMax;
            c.ExpectOutputShape(input.Length, pp.OutputChannels);
            sbyte[] w = c.ReadWeights((long)pp.InputChannels * pp.OutputChannels, pp.InputChannels);
            int[] bias = c.ReadBias(hasBias, pp.OutputChannels);
            return new PointwiseConvLayer(c.Input, c.Output, input.Length, pp, q, w, bias);
        }

        private static CnnLayer Dense(CnnOpContext c)
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
            sbyte[] w = c.ReadWeights((long)dp.InputSize * dp.Units, dp.InputSize);
            int[] bias = c.ReadBias(hasBias, dp.Units);
            return new DenseLayer(c.Input, c.Output, dp, q, w, bias);
        }

        private static CnnLayer Pool(int op, CnnOpContext c)
        {
            ModelByteReader r = c.Body;
            string p = c.Prefix;
            TensorInfo input = c.InputTensor;
            var pp = new Pool1dParams();
            pp.PoolSize = r.U16In(p + ".pool_size", 1, MaxKernel);
            pp.Stride = r.U16In(p + ".stride", 1, MaxKernel);
            pp.Padding = c.ReadPadding();
            r.Reserved(p + ".reserved", 3);
            pp.Channels = input.Channels;
            pp.ActivationMin = c.ActivationMin;
            pp.ActivationMax = c.ActivationMax;
            SameQuantization(c, c.InputTensor);
            c.ExpectOutputShape(MaxPool1dS8.OutputLength(pp, input.Length), input.Channels);
            return new Pool1dLayer(op, c.Input, c.Output, input.Length, pp);
        }

        private static CnnLayer Add(CnnOpContext c)
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

        private static CnnLayer Softmax(CnnOpContext c)
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

        private static void SameQuantization(CnnOpContext c, TensorInfo input)
        {
            TensorInfo output = c.OutputTensor;
            if (output.ZeroPoint != input.ZeroPoint || output.ScaleBits != input.ScaleBits)
            {
                throw c.Error("output", c.OpOffset + 6, "pooling does not rescale: output scale and zero point must equal the input's");
            }
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
