namespace Wearable.Hil.Running;

/// <summary>
/// The first place a target's output differed from the golden output: which vector, which byte, and the
/// two values (or the lengths, when they differ).
/// </summary>
public sealed record HilMismatch(int Vector, int ByteIndex, int? Expected, int? Actual, string Detail)
{
    /// <summary>Compares one output with its golden bytes; null when they are identical.</summary>
    public static HilMismatch? Find(int vector, byte[] expected, byte[] actual)
    {
        int common = Math.Min(expected.Length, actual.Length);
        for (int i = 0; i < common; i++)
        {
            if (expected[i] != actual[i])
            {
                return new HilMismatch(vector, i, expected[i], actual[i], $"vector {vector}, byte {i}: expected 0x{expected[i]:X2}, got 0x{actual[i]:X2}");
            }
        }

        if (expected.Length != actual.Length)
        {
            return new HilMismatch(vector, common, null, null, $"vector {vector}: expected {expected.Length} output bytes, got {actual.Length}");
        }

        return null;
    }
}
