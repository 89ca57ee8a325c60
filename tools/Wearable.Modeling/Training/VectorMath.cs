using System.Numerics;

namespace Wearable.Modeling.Training;

/// <summary>The two inner loops training spends its time in, on SIMD vectors with a scalar tail.</summary>
internal static class VectorMath
{
    public static float Dot(float[] a, int aOffset, float[] b, int bOffset, int count)
    {
        var spanA = new ReadOnlySpan<float>(a, aOffset, count);
        var spanB = new ReadOnlySpan<float>(b, bOffset, count);
        int width = Vector<float>.Count;
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= count - width; i += width)
        {
            sum += new Vector<float>(spanA.Slice(i, width)) * new Vector<float>(spanB.Slice(i, width));
        }

        float total = Vector.Sum(sum);
        for (; i < count; i++)
        {
            total += spanA[i] * spanB[i];
        }

        return total;
    }

    /// <summary>y += alpha * x.</summary>
    public static void Axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int count)
    {
        var spanX = new ReadOnlySpan<float>(x, xOffset, count);
        var spanY = new Span<float>(y, yOffset, count);
        int width = Vector<float>.Count;
        var a = new Vector<float>(alpha);
        int i = 0;
        for (; i <= count - width; i += width)
        {
            (new Vector<float>(spanY.Slice(i, width)) + (a * new Vector<float>(spanX.Slice(i, width)))).CopyTo(spanY.Slice(i, width));
        }

        for (; i < count; i++)
        {
            spanY[i] += alpha * spanX[i];
        }
    }
}
