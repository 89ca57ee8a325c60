namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// Rescaling of a residual add (TFLite's int8 ADD): both inputs are brought to a common finer
    /// scale (2 * max(s1, s2) / 2^LeftShift), added, and requantized to the output scale.
    /// </summary>
    public sealed class AddParams
    {
        /// <summary>-z of input 1 and input 2.</summary>
        public int Input1Offset;
        public int Input2Offset;

        /// <summary>z_out.</summary>
        public int OutputOffset;

        /// <summary>Headroom bits applied before rescaling; TFLite uses 20 for int8.</summary>
        public int LeftShift = 20;
        public int Input1Multiplier;
        public int Input1Shift;
        public int Input2Multiplier;
        public int Input2Shift;
        public int OutputMultiplier;
        public int OutputShift;
        public int ActivationMin = -128;
        public int ActivationMax = 127;
    }

    /// <summary>Element-wise int8 add with rescale (residual connections); the two inputs have equal shapes.</summary>
    public static class AddS8
    {
        public static void Run(AddParams p, sbyte[] input1, int input1Offset, sbyte[] input2, int input2Offset, int count, sbyte[] output, int outputOffset)
        {
            for (int i = 0; i < count; i++)
            {
                int a = (input1[input1Offset + i] + p.Input1Offset) << p.LeftShift;
                int b = (input2[input2Offset + i] + p.Input2Offset) << p.LeftShift;
                int sum = Requantize.Apply(a, p.Input1Multiplier, p.Input1Shift) + Requantize.Apply(b, p.Input2Multiplier, p.Input2Shift);
                output[outputOffset + i] = Requantize.ToActivation(sum, p.OutputMultiplier, p.OutputShift, p.OutputOffset, p.ActivationMin, p.ActivationMax);
            }
        }
    }
}
