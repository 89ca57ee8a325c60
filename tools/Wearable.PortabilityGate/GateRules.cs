namespace Wearable.PortabilityGate;

/// <summary>
/// The rule ids and the advice printed with them. The advice says why nanoFramework (or bit-exactness)
/// forbids the construct and what to write instead; docs/nanoframework.md has the evidence.
/// </summary>
public static class GateRules
{
    public const string Generics = "generics";
    public const string UnsafeCode = "unsafe-code";
    public const string MultidimensionalArray = "multidimensional-array";
    public const string Linq = "linq";
    public const string AsyncAwait = "async-await";
    public const string Dynamic = "dynamic";
    public const string Tuple = "tuple";
    public const string StringInterpolation = "string-interpolation";
    public const string FloatingPoint = "floating-point";
    public const string SystemMath = "system-math";
    public const string NanoFrameworkApi = "nanoframework-api";
    public const string Checked = "checked";
    public const string UnguardedDivision = "unguarded-division";
    public const string LargeArrayLiteral = "large-array-literal";

    /// <summary>An array initializer above this many bytes compiles but is only partly filled on the device.</summary>
    public const int MaxArrayLiteralBytes = 64 * 1024;

    public const string GenericsAdvice =
        "nanoFramework 1.x has no generics; use a concrete type, a plain array with an offset and count, or ArrayList";
    public const string UnsafeAdvice =
        "nanoFramework does not run unsafe code or pointers; index a plain array with an offset instead";
    public const string StackAllocAdvice =
        "nanoFramework has no stackalloc; allocate the buffer once at set-up (new T[n]) and reuse it";
    public const string MultidimensionalArrayAdvice =
        "nanoFramework has no multi-dimensional arrays; use a flat array indexed row * width + column (or a jagged array)";
    public const string LinqAdvice =
        "nanoFramework has no LINQ; write the loop over the array";
    public const string AsyncAwaitAdvice =
        "nanoFramework has no async/await; use a polled state machine or a Thread";
    public const string DynamicAdvice =
        "nanoFramework has no dynamic binding; use a concrete type";
    public const string TupleAdvice =
        "nanoFramework has no ValueTuple; return a small class or struct, or use out parameters";
    public const string StringInterpolationAdvice =
        "nanoFramework 1.x cannot compile $\"...\" (no interpolation handler); concatenate with + or use StringBuilder";
    public const string FloatingPointAdvice =
        "shared code is integer-only so results are bit-identical on every target (ESP32 computes doubles in software, Math in float); use fixed point (int with F fractional bits) and keep float in host-only code";
    public const string SystemMathAdvice =
        "System.Math is a separate package on nanoFramework and computes in float there; use Wearable.Kernels.FixedPoint helpers or an integer expression";
    public const string NanoFrameworkApiAdvice =
        "is not in nanoFramework.CoreLibrary " + NanoFrameworkReference.CoreLibraryPackageVersion + " (the device's mscorlib); use what it offers or move this code to a host-only project";
    public const string CheckedAdvice =
        "checked is silently a no-op on nanoFramework's interpreter, so an overflow the host throws on wraps on the device; saturate (Wearable.Kernels.FixedPoint.Saturation) or test the bounds explicitly";
    public const string UnguardedDivisionAdvice =
        "int.MinValue / -1 and int.MinValue % -1 kill nanoFramework's interpreter; divide by a constant other than -1, compare the divisor (or the dividend) with a constant earlier in this member (for a field: in a constructor), or, where a parameters class validates it, say why on the line: // safe division: <why MinValue / -1 cannot occur>";
    public const string LargeArrayLiteralAdvice =
        "an array initializer over 64 KB compiles but fills only part of the array on the device; never embed large literals: load the data from a model file or split it into arrays under 64 KB";

    /// <summary>
    /// What to use instead of a type the device's mscorlib lacks, keyed by the name the compiler reports;
    /// added to the compile error so the line says what to do.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> MissingTypeAdvice = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Math"] = SystemMathAdvice,
        ["MathF"] = SystemMathAdvice,
        ["Stopwatch"] = "there is no Stopwatch on nanoFramework; take DateTime.UtcNow.Ticks before and after, or pass a clock in through a board interface",
        ["Buffer"] = "there is no System.Buffer on nanoFramework; use Array.Copy",
        ["DivideByZeroException"] = "nanoFramework raises a plain Exception on a divide by zero and has no DivideByZeroException; validate the divisor instead of catching",
        ["OverflowException"] = "nanoFramework has no OverflowException (and checked does nothing there); saturate or test the bounds",
        ["ArithmeticException"] = "nanoFramework has no ArithmeticException; validate the operands instead of catching",
        ["Encoding"] = "System.Text is not in nanoFramework's mscorlib; use Wearable.Kernels.Link.LinkText for UTF-8",
        ["StringBuilder"] = "System.Text is not in nanoFramework's mscorlib; concatenate, or fill a char[] and make one string",
    };
}
