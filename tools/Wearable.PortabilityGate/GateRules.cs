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
        "is not in nanoFramework.CoreLibrary 1.x; use what the core library offers (see tools/Wearable.PortabilityGate/NanoFrameworkCoreLibrary) or move this code to a host-only project";
}
