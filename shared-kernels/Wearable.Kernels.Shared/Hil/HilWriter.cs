namespace Wearable.Kernels.Hil
{
    /// <summary>Copies kernel results into a HIL output buffer.</summary>
    public static class HilWriter
    {
        public static void SBytes(sbyte[] values, int count, byte[] output, int outputOffset)
        {
            for (int i = 0; i < count; i++)
            {
                output[outputOffset + i] = (byte)values[i];
            }
        }
    }
}
