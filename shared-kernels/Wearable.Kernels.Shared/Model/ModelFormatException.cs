using System;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// A model file that is not valid: names the field and the byte offset where reading stopped, so
    /// a tool can say exactly what is wrong. Nothing of the model is usable after this is thrown.
    /// </summary>
    public class ModelFormatException : Exception
    {
        public ModelFormatException(string field, int offset, string problem)
            : base("Invalid model file at byte " + offset.ToString() + " (" + field + "): " + problem)
        {
            Field = field;
            Offset = offset;
            Problem = problem;
        }

        /// <summary>The field being read, e.g. "cnn.op[2].kernel_size".</summary>
        public string Field { get; private set; }

        /// <summary>Byte offset from the start of the file.</summary>
        public int Offset { get; private set; }

        /// <summary>What is wrong, without the location.</summary>
        public string Problem { get; private set; }
    }
}
