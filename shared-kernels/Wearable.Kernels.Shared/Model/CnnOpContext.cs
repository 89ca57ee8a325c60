using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>What an op body reader needs: the body cursor, the op's tensors and checks shared by every op kind.</summary>
    public sealed class CnnOpContext
    {
        /// <summary>The largest kernel, stride, dilation, multiplier or pool size an op may declare.</summary>
        public const int MaxKernel = 255;

        public CnnOpContext(ModelByteReader body, string prefix, int opOffset, ModelDefinition model, int input, int input2, int output, int activationMin, int activationMax)
        {
            Body = body;
            Prefix = prefix;
            OpOffset = opOffset;
            Model = model;
            Input = input;
            Input2 = input2;
            Output = output;
            ActivationMin = activationMin;
            ActivationMax = activationMax;
        }

        public ModelByteReader Body { get; private set; }
        public string Prefix { get; private set; }
        public int OpOffset { get; private set; }
        public ModelDefinition Model { get; private set; }
        public int Input { get; private set; }
        public int Input2 { get; private set; }
        public int Output { get; private set; }
        public int ActivationMin { get; private set; }
        public int ActivationMax { get; private set; }

        public TensorInfo InputTensor
        {
            get { return Model.Tensors[Input]; }
        }

        public TensorInfo OutputTensor
        {
            get { return Model.Tensors[Output]; }
        }

        public ModelFormatException Error(string field, int offset, string problem)
        {
            return new ModelFormatException(Prefix + "." + field, offset, problem);
        }

        /// <summary>The output tensor must have exactly the shape the op computes.</summary>
        public void ExpectOutputShape(int length, int channels)
        {
            TensorInfo t = OutputTensor;
            if (length < 1)
            {
                throw Error("output", OpOffset + 6, "the op's window does not fit its input of " + InputTensor.Length.ToString() + " frames");
            }

            if (t.Length != length || t.Channels != channels)
            {
                throw Error("output", OpOffset + 6, "output tensor is " + t.Length.ToString() + "x" + t.Channels.ToString() + " but the op produces " + length.ToString() + "x" + channels.ToString());
            }
        }

        /// <summary>A quantization table index whose table has 1 entry (per tensor, if allowed) or one per channel.</summary>
        public ChannelQuantization ReadQuant(int channels, bool allowPerTensor)
        {
            int at = Body.Position;
            ChannelQuantization[] tables = Model.QuantTables;
            int index = Body.U16("quant_table");
            if (index >= tables.Length)
            {
                throw Error("quant_table", at, "quantization table " + index.ToString() + " does not exist (" + tables.Length.ToString() + " tables)");
            }

            ChannelQuantization q = tables[index];
            if (q.Count != channels && !(allowPerTensor && q.IsPerTensor))
            {
                throw Error("quant_table", at, "table " + index.ToString() + " has " + q.Count.ToString() + " entries for " + channels.ToString() + " output channels");
            }

            return q;
        }

        /// <summary>Checks a weight count against the accumulation-depth limit; the weights stay where they lie in the file.</summary>
        public Int8Block ReadWeights(long count, long depth)
        {
            if (depth > CnnSectionReader.MaxAccumulationDepth)
            {
                throw Error("weights", Body.Position, "accumulation depth " + depth.ToString() + " exceeds " + CnnSectionReader.MaxAccumulationDepth.ToString());
            }

            Body.Require(Prefix + ".weights", count);
            return Body.Int8InPlace(Prefix + ".weights", (int)count);
        }

        /// <summary>The int32 bias, or zeros when the op has none (adding 0 is exact, and kernels stay branch-free).</summary>
        public int[] ReadBias(bool present, int channels)
        {
            return present ? Body.Int32Array(Prefix + ".bias", channels) : new int[channels];
        }

        public Padding1d ReadPadding()
        {
            return (Padding1d)Body.U8In(Prefix + ".padding", 0, 2);
        }

        public bool ReadFlag(string field)
        {
            return Body.U8In(Prefix + "." + field, 0, 1) == 1;
        }
    }
}
