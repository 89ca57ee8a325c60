using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Wearable.EdgeHost.Onnx.FastPath;

/// <summary>
/// <see cref="Wearable.Kernels.Cnn.Requantize.ToActivation"/> on eight int32 accumulators at once
/// (AVX2), integer for integer: the left shift wraps in int32 as the scalar rule does, the doubling
/// high multiply is done in 64-bit lanes (vpmuldq) and the rounding division keeps the midpoint-away-
/// from-zero rule. Output is in the uint8 domain: the offset and clamp bounds already include +128.
/// </summary>
public static class VectorRequantizer
{
    private static readonly Vector256<int> s_narrowToLowDwords = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<int> Apply(Vector256<int> acc, Vector256<int> multiplier, Vector256<int> leftShift, Vector256<int> rightShift)
    {
        Vector256<int> a = Avx2.ShiftLeftLogicalVariable(acc, leftShift.AsUInt32());

        // (a * m + 2^30) >> 31 per lane: even lanes directly, odd lanes moved down by 32 bits.
        Vector256<long> rounding = Vector256.Create(1L << 30);
        Vector256<long> even = Avx2.ShiftRightLogical(Avx2.Add(Avx2.Multiply(a, multiplier), rounding), 31);
        Vector256<long> odd = Avx2.ShiftRightLogical(
            Avx2.Add(Avx2.Multiply(Avx2.ShiftRightLogical(a.AsInt64(), 32).AsInt32(), Avx2.ShiftRightLogical(multiplier.AsInt64(), 32).AsInt32()), rounding), 31);
        Vector256<int> high = Avx2.Blend(even.AsInt32(), Avx2.ShiftLeftLogical(odd, 32).AsInt32(), 0b10101010);

        // RoundingDivPow2(high, right): (x >> e) + (remainder > (mask >> 1) + (x < 0) ? 1 : 0).
        Vector256<int> mask = Avx2.Subtract(Avx2.ShiftLeftLogicalVariable(Vector256<int>.One, rightShift.AsUInt32()), Vector256<int>.One);
        Vector256<int> remainder = Avx2.And(high, mask);
        Vector256<int> negative = Avx2.CompareGreaterThan(Vector256<int>.Zero, high);
        Vector256<int> threshold = Avx2.Subtract(Avx2.ShiftRightArithmetic(mask, 1), negative);
        Vector256<int> roundUp = Avx2.CompareGreaterThan(remainder, threshold);
        return Avx2.Subtract(Avx2.ShiftRightArithmeticVariable(high, rightShift.AsUInt32()), roundUp);
    }

    /// <summary>Requantized, offset, clamped and stored as eight bytes at destination.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(Vector256<int> acc, Vector256<int> multiplier, Vector256<int> leftShift, Vector256<int> rightShift, Vector256<int> outputOffset, Vector256<int> min, Vector256<int> max, byte* destination)
    {
        Vector256<int> y = Avx2.Add(Apply(acc, multiplier, leftShift, rightShift), outputOffset);
        y = Avx2.Min(Avx2.Max(y, min), max);

        // Each lane now holds 0..255: keep byte 0 of every dword, then gather the two halves' dwords.
        Vector256<byte> bytes = Avx2.Shuffle(y.AsByte(), Vector256.Create((byte)0, 4, 8, 12, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 0, 4, 8, 12, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128, 128));
        Vector256<int> packed = Avx2.PermuteVar8x32(bytes.AsInt32(), s_narrowToLowDwords);
        Unsafe.WriteUnaligned(destination, packed.AsUInt64().ToScalar());
    }
}
