using Wearable.Kernels.Hil;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Everything the code base knows about one op code of the CNN graph section, in one place: its
    /// name, how many input tensors it takes, how its body is read and validated into a layer (which
    /// carries the kernel and the MAC count), and the golden-vector adapters that prove its kernel
    /// bit-exact on every target. <see cref="CnnOpTable"/> lists every kind; adding an op means adding
    /// one subclass (plus its layer and kernel) and one line there.
    /// </summary>
    public abstract class CnnOpKind
    {
        protected CnnOpKind(int code, string name, int inputCount)
        {
            Code = code;
            Name = name;
            InputCount = inputCount;
        }

        /// <summary>The opcode byte in the model file (docs/model-format.md).</summary>
        public int Code { get; private set; }

        /// <summary>The op's name in tools, reports and docs (e.g. "conv1d").</summary>
        public string Name { get; private set; }

        /// <summary>1, or 2 for ops that read a second tensor (the op header's input2 field).</summary>
        public int InputCount { get; private set; }

        /// <summary>Reads and validates the op body and binds it into a runnable layer; throws ModelFormatException.</summary>
        public abstract CnnLayer Read(CnnOpContext context);

        /// <summary>The HIL adapters (fixed geometries) whose golden suites cover this op's kernel.</summary>
        public abstract HilAdapter[] CreateGoldenAdapters();
    }
}
