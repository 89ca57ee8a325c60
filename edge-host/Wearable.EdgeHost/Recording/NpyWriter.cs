using System.Buffers.Binary;
using System.Text;

namespace Wearable.EdgeHost.Recording;

/// <summary>
/// Writes NumPy's .npy format version 1.0 by hand (it is small and documented in numpy's
/// <c>numpy.lib.format</c>): the magic <c>\x93NUMPY</c>, version bytes 1 0, a little-endian uint16 header
/// length, an ASCII Python dict <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (n, c), }</c> padded with
/// spaces and ended by a newline so the data starts on a 64-byte boundary, then the raw C-order data.
/// Float64 matrices, float64 vectors and scalars, and Unicode string vectors (<c>&lt;U</c>, UTF-32LE).
/// </summary>
public static class NpyWriter
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>A row-major float64 matrix: rows x columns values of <paramref name="values"/>.</summary>
    public static void WriteMatrix(Stream stream, double[] values, int rows, int columns)
    {
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException(rows + " x " + columns + " does not match " + values.Length + " values.", nameof(values));
        }

        WriteHeader(stream, "<f8", "(" + rows + ", " + columns + ")");
        WriteDoubles(stream, values);
    }

    public static void WriteVector(Stream stream, double[] values)
    {
        WriteHeader(stream, "<f8", "(" + values.Length + ",)");
        WriteDoubles(stream, values);
    }

    public static void WriteScalar(Stream stream, double value)
    {
        WriteHeader(stream, "<f8", "()");
        WriteDoubles(stream, [value]);
    }

    /// <summary>A vector of strings as fixed-width UTF-32 (numpy's <c>&lt;U</c>n, n = the longest string in code points, at least 1).</summary>
    public static void WriteStrings(Stream stream, IReadOnlyList<string> values)
    {
        int[][] codePoints = values.Select(v => v.EnumerateRunes().Select(r => r.Value).ToArray()).ToArray();
        int width = Math.Max(1, codePoints.Length == 0 ? 1 : codePoints.Max(c => c.Length));
        WriteHeader(stream, "<U" + width, "(" + values.Count + ",)");
        var row = new byte[width * 4];
        foreach (int[] text in codePoints)
        {
            Array.Clear(row);
            for (int i = 0; i < text.Length; i++)
            {
                BinaryPrimitives.WriteInt32LittleEndian(row.AsSpan(i * 4), text[i]);
            }

            stream.Write(row);
        }
    }

    private static void WriteHeader(Stream stream, string descr, string shape)
    {
        string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int unpadded = Magic.Length + 2 + dict.Length + 1;
        int padding = (64 - (unpadded % 64)) % 64;
        string header = dict + new string(' ', padding) + "\n";
        stream.Write(Magic);
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)header.Length);
        stream.Write(length);
        stream.Write(Encoding.ASCII.GetBytes(header));
    }

    private static void WriteDoubles(Stream stream, double[] values)
    {
        var buffer = new byte[8 * 4096];
        for (int start = 0; start < values.Length; start += 4096)
        {
            int count = Math.Min(4096, values.Length - start);
            for (int i = 0; i < count; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(i * 8), values[start + i]);
            }

            stream.Write(buffer, 0, count * 8);
        }
    }
}
