namespace Wearable.Kernels.Cnn
{
    /// <summary>Index of the largest int8 value; ties go to the lowest index (the decision rule of every model).</summary>
    public static class ArgMaxS8
    {
        public static int Run(sbyte[] values, int offset, int length)
        {
            int best = 0;
            int bestValue = values[offset];
            for (int i = 1; i < length; i++)
            {
                if (values[offset + i] > bestValue)
                {
                    bestValue = values[offset + i];
                    best = i;
                }
            }

            return best;
        }
    }
}
