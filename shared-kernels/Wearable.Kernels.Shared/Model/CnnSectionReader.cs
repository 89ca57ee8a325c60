using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>Reads the tensors (type 4), quantization tables (type 5) and CNN graph (type 6) sections.</summary>
    public static class CnnSectionReader
    {
        public const int MaxTensors = 256;
        public const int MaxOps = 256;
        public const int MaxChannels = 4096;

        /// <summary>One tensor holds at most 1 MiB, so a corrupt shape can never size a huge arena.</summary>
        public const int MaxTensorBytes = 1 << 20;

        /// <summary>
        /// Longest dot product: 65,536 * 255 * 127 stays below 2^31, so the int32 accumulator cannot
        /// overflow before the bias is added.
        /// </summary>
        public const int MaxAccumulationDepth = 65536;

        public const int NoTensor = 0xFFFF;

        public static TensorInfo[] ReadTensors(ModelByteReader r)
        {
            int count = r.U16In("tensors.count", 1, MaxTensors);
            r.Reserved("tensors.reserved", 2);
            var tensors = new TensorInfo[count];
            for (int i = 0; i < count; i++)
            {
                string p = "tensors[" + i.ToString() + "]";
                int at = r.Position;
                var t = new TensorInfo();
                t.Length = r.U16In(p + ".length", 1, 65535);
                t.Channels = r.U16In(p + ".channels", 1, MaxChannels);
                if ((long)t.Length * t.Channels > MaxTensorBytes)
                {
                    throw r.ErrorAt(p + ".length", at, "tensor of " + t.Length.ToString() + "x" + t.Channels.ToString() + " exceeds " + MaxTensorBytes.ToString() + " bytes");
                }

                t.ZeroPoint = r.I8(p + ".zero_point");
                r.Reserved(p + ".reserved", 3);
                int scaleAt = r.Position;
                t.ScaleBits = r.I32(p + ".scale");

                // A positive, finite, normal binary32: exponent field neither 0 nor 255, sign clear.
                int exponent = (t.ScaleBits >> 23) & 0xFF;
                if (t.ScaleBits < 0 || exponent == 0 || exponent == 0xFF)
                {
                    throw r.ErrorAt(p + ".scale", scaleAt, "scale must be a positive, finite, normal float32");
                }

                tensors[i] = t;
            }

            ModelReader.End(r, "tensors");
            return tensors;
        }

        public static ChannelQuantization[] ReadQuantTables(ModelByteReader r)
        {
            int count = r.U16In("quant_tables.count", 1, MaxTensors);
            r.Reserved("quant_tables.reserved", 2);
            var tables = new ChannelQuantization[count];
            for (int i = 0; i < count; i++)
            {
                string p = "quant_tables[" + i.ToString() + "]";
                int channels = r.U16In(p + ".channels", 1, MaxChannels);
                r.Reserved(p + ".reserved", 2);
                r.Require(p + ".multipliers", (long)channels * 8);
                var multipliers = new int[channels];
                var shifts = new int[channels];
                for (int c = 0; c < channels; c++)
                {
                    int at = r.Position;
                    int m = r.I32(p + ".multiplier");
                    if (m != 0 && m < (1 << 30))
                    {
                        throw r.ErrorAt(p + ".multiplier[" + c.ToString() + "]", at, "multiplier " + m.ToString() + " is outside [2^30, 2^31) (or 0)");
                    }

                    multipliers[c] = m;
                }

                for (int c = 0; c < channels; c++)
                {
                    shifts[c] = r.I32In(p + ".shift[" + c.ToString() + "]", -31, 30);
                }

                tables[i] = new ChannelQuantization(multipliers, shifts);
            }

            ModelReader.End(r, "quant_tables");
            return tables;
        }

        /// <summary>Reads the graph into <paramref name="model"/>; the model is discarded by the caller if this throws.</summary>
        public static void ReadGraph(ModelByteReader r, ModelDefinition model)
        {
            TensorInfo[] tensors = model.Tensors;
            int graphInput = r.U16In("cnn.input_tensor", 0, tensors.Length - 1);
            int outputAt = r.Position;
            int graphOutput = r.U16In("cnn.output_tensor", 0, tensors.Length - 1);
            int count = r.U16In("cnn.op_count", 1, MaxOps);
            r.Reserved("cnn.reserved", 2);
            var produced = new bool[tensors.Length];
            produced[graphInput] = true;
            var layers = new CnnLayer[count];
            for (int i = 0; i < count; i++)
            {
                string p = "cnn.op[" + i.ToString() + "]";
                int opAt = r.Position;
                int op = r.U8(p + ".opcode");
                CnnOpKind? kind = CnnOpTable.Find(op);
                if (kind == null)
                {
                    throw r.ErrorAt(p + ".opcode", opAt, "unknown op code " + op.ToString() + " (this build knows " + CnnOpTable.KnownNames() + "); the model needs a newer firmware or is damaged");
                }

                r.Reserved(p + ".reserved", 1);
                int input = ReadUse(r, p + ".input", tensors.Length, produced);
                int in2At = r.Position;
                int input2 = r.U16(p + ".input2");
                if (kind.InputCount == 2)
                {
                    if (input2 >= tensors.Length || !produced[input2])
                    {
                        throw r.ErrorAt(p + ".input2", in2At, "tensor " + input2.ToString() + " is not produced before this op");
                    }
                }
                else if (input2 != NoTensor)
                {
                    throw r.ErrorAt(p + ".input2", in2At, kind.Name + " takes one input: input2 must be 0xFFFF");
                }
                else
                {
                    input2 = -1;
                }

                int outAt = r.Position;
                int output = r.U16In(p + ".output", 0, tensors.Length - 1);
                if (produced[output])
                {
                    throw r.ErrorAt(p + ".output", outAt, "tensor " + output.ToString() + " is already written (each tensor has one producer and ops run in file order)");
                }

                int act = r.Position;
                int actMin = r.I8(p + ".activation_min");
                int actMax = r.I8(p + ".activation_max");
                if (actMin > actMax)
                {
                    throw r.ErrorAt(p + ".activation_min", act, "activation_min " + actMin.ToString() + " > activation_max " + actMax.ToString());
                }

                r.Reserved(p + ".reserved", 2);
                int bodyLength = r.U32(p + ".body_length", 0, r.Remaining);
                var body = new ModelByteReader(BytesOf(r), r.Position, r.Position + bodyLength);
                var ctx = new CnnOpContext(body, p, opAt, model, input, input2, output, actMin, actMax);
                layers[i] = kind.Read(ctx);
                ModelReader.End(body, p);
                r.Skip(bodyLength);
                produced[output] = true;
            }

            if (!produced[graphOutput] || graphOutput == graphInput)
            {
                throw r.ErrorAt("cnn.output_tensor", outputAt, "the graph output tensor " + graphOutput.ToString() + " is never written by an op");
            }

            ModelReader.End(r, "cnn");
            model.Layers = layers;
            model.GraphInput = graphInput;
            model.GraphOutput = graphOutput;
        }

        private static int ReadUse(ModelByteReader r, string field, int tensorCount, bool[] produced)
        {
            int at = r.Position;
            int index = r.U16In(field, 0, tensorCount - 1);
            if (!produced[index])
            {
                throw r.ErrorAt(field, at, "tensor " + index.ToString() + " is read before any op writes it");
            }

            return index;
        }

        private static sbyte[] BytesOf(ModelByteReader r)
        {
            return r.Data;
        }
    }
}
