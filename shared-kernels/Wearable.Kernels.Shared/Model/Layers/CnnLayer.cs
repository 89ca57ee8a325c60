namespace Wearable.Kernels.Model
{
    /// <summary>
    /// One validated op of the CNN graph bound to its parameters. The runner hands it the arena and
    /// the byte offsets the memory plan gave to its tensors; Run allocates nothing.
    /// </summary>
    public abstract class CnnLayer
    {
        protected CnnLayer(int op, int input, int input2, int output)
        {
            Op = op;
            Input = input;
            Input2 = input2;
            Output = output;
            Weights = new Int8Block(new sbyte[0]);
        }

        public int Op { get; private set; }

        /// <summary>Tensor indices; Input2 is -1 except for add.</summary>
        public int Input { get; private set; }
        public int Input2 { get; private set; }
        public int Output { get; private set; }

        /// <summary>The op's weights where they lie (in the model file it was read from); empty for an op without weights.</summary>
        public Int8Block Weights { get; protected set; }

        /// <summary>Multiply-accumulates per inference (padding taps excluded).</summary>
        public abstract long Macs { get; }

        /// <summary>Bytes of weights, biases and quantization tables this op owns.</summary>
        public abstract int ParameterBytes { get; }

        /// <summary>Ints of shared scratch the op needs (0 if none).</summary>
        public virtual int ScratchInts
        {
            get { return 0; }
        }

        /// <summary>A short description of the op's hyper-parameters for tools (e.g. "k=5 s=1 d=1 same").</summary>
        public abstract string Describe();

        public abstract void Run(sbyte[] arena, int inputOffset, int input2Offset, int outputOffset, int[] scratch);

        internal static string PaddingName(Wearable.Kernels.Cnn.Padding1d padding)
        {
            switch (padding)
            {
                case Wearable.Kernels.Cnn.Padding1d.Same: return "same";
                case Wearable.Kernels.Cnn.Padding1d.Causal: return "causal";
                default: return "valid";
            }
        }
    }
}
