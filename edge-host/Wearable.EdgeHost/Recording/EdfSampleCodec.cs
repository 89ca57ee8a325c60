namespace Wearable.EdgeHost.Recording;

/// <summary>Little-endian two's complement samples: 16-bit for EDF, 24-bit for BDF.</summary>
public static class EdfSampleCodec
{
    public static void Decode(byte[] source, int offset, int count, int bytesPerSample, int[] destination, int destinationOffset)
    {
        if (bytesPerSample == 2)
        {
            for (int i = 0; i < count; i++)
            {
                int at = offset + (2 * i);
                destination[destinationOffset + i] = (short)(source[at] | (source[at + 1] << 8));
            }

            return;
        }

        for (int i = 0; i < count; i++)
        {
            int at = offset + (3 * i);
            // Shift the 24-bit value to the top and back down so the sign bit extends.
            destination[destinationOffset + i] = ((source[at] << 8) | (source[at + 1] << 16) | (source[at + 2] << 24)) >> 8;
        }
    }

    public static void Encode(int value, int bytesPerSample, byte[] destination, int offset)
    {
        destination[offset] = (byte)value;
        destination[offset + 1] = (byte)(value >> 8);
        if (bytesPerSample == 3)
        {
            destination[offset + 2] = (byte)(value >> 16);
        }
    }
}
