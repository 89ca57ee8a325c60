namespace Wearable.Kernels.Model
{
    /// <summary>
    /// A run of int8 values where they lie in a larger array (a layer's weights inside the model file),
    /// so a loaded model uses its weights in place instead of holding a second copy of them.
    /// </summary>
    public sealed class Int8Block
    {
        public Int8Block(sbyte[] buffer, int offset, int length)
        {
            Buffer = buffer;
            Offset = offset;
            Length = length;
        }

        /// <summary>Wraps a whole array (a model built in memory rather than read from a file).</summary>
        public Int8Block(sbyte[] values)
            : this(values, 0, values.Length)
        {
        }

        /// <summary>The array holding the values (for a model read from a file, the whole file).</summary>
        public sbyte[] Buffer { get; private set; }

        public int Offset { get; private set; }

        public int Length { get; private set; }

        public sbyte this[int index]
        {
            get { return Buffer[Offset + index]; }
        }

        /// <summary>A copy of just these values (host tools that reorder or export them).</summary>
        public sbyte[] ToArray()
        {
            var copy = new sbyte[Length];
            for (int i = 0; i < Length; i++)
            {
                copy[i] = Buffer[Offset + i];
            }

            return copy;
        }
    }
}
