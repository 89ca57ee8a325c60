using Wearable.PortabilityGate;

namespace Wearable.Portability.Tests;

/// <summary>
/// One planted violation per rule: the gate must name the file, the line and the rule, and say what
/// to do instead. Each snippet is otherwise valid portable code, so only the planted line can fail.
/// </summary>
public class PlantedViolationTests
{
    private const string File = "shared-kernels/Wearable.Kernels.Shared/Planted.cs";

    public static TheoryData<string, string, int, string> Cases => new()
    {
        { GateRules.Generics, GateRules.GenericsAdvice, 3, "class Planted {\n  void M() {\n    System.Collections.Generic.List<int> list = null;\n  }\n}" },
        { GateRules.Generics, GateRules.GenericsAdvice, 3, "class Planted {\n  int A;\n  T Pick<T>(T a) { return a; }\n}" },
        { GateRules.UnsafeCode, GateRules.UnsafeAdvice, 3, "class Planted {\n  int A;\n  unsafe void M() { }\n}" },
        { GateRules.UnsafeCode, GateRules.UnsafeAdvice, 3, "class Planted {\n  int A;\n  void M(int* p) { }\n}" },
        { GateRules.UnsafeCode, GateRules.StackAllocAdvice, 3, "class Planted {\n  void M() {\n    var b = stackalloc int[4];\n  }\n}" },
        { GateRules.UnsafeCode, GateRules.UnsafeAdvice, 3, "class Planted {\n  int[] a = new int[2];\n  void M() { fixed (int* p = a) { } }\n}" },
        { GateRules.MultidimensionalArray, GateRules.MultidimensionalArrayAdvice, 3, "class Planted {\n  int A;\n  int[,] grid = new int[2, 3];\n}" },
        { GateRules.Linq, GateRules.LinqAdvice, 3, "class Planted {\n  int[] a = new int[2];\n  object M() { return from x in a select x; }\n}" },
        { GateRules.Linq, GateRules.LinqAdvice, 3, "\n\nusing System.Linq;\nclass Planted { }" },
        { GateRules.AsyncAwait, GateRules.AsyncAwaitAdvice, 3, "class Planted {\n  int A;\n  async void M() { }\n}" },
        { GateRules.AsyncAwait, GateRules.AsyncAwaitAdvice, 4, "class Planted {\n  object t = null;\n  async void M() {\n    await t;\n  }\n}" },
        { GateRules.Dynamic, GateRules.DynamicAdvice, 3, "class Planted {\n  void M() {\n    dynamic d = 1;\n  }\n}" },
        { GateRules.Tuple, GateRules.TupleAdvice, 3, "class Planted {\n  int A;\n  (int, int) Pair() { return (1, 2); }\n}" },
        { GateRules.Tuple, GateRules.TupleAdvice, 3, "class Planted {\n  void M(object o) {\n    var (a, b) = o;\n  }\n}" },
        { GateRules.StringInterpolation, GateRules.StringInterpolationAdvice, 3, "class Planted {\n  int A;\n  string M(int x) { return $\"x={x}\"; }\n}" },
        { GateRules.FloatingPoint, GateRules.FloatingPointAdvice, 3, "class Planted {\n  int A;\n  float Gain;\n}" },
        { GateRules.FloatingPoint, GateRules.FloatingPointAdvice, 3, "class Planted {\n  int A;\n  int M() { return (int)(2 * 0.5); }\n}" },
        { GateRules.FloatingPoint, GateRules.FloatingPointAdvice, 3, "class Planted {\n  int A;\n  object M() { return System.Double.MaxValue; }\n}" },
        { GateRules.SystemMath, GateRules.SystemMathAdvice, 3, "class Planted {\n  int A;\n  int M(int x) { return System.Math.Abs(x); }\n}" },
        { GateRules.SystemMath, GateRules.SystemMathAdvice, 3, "using System;\nclass Planted {\n  int M(int x) { return Math.Max(x, 0); }\n}" },
        { GateRules.Checked, GateRules.CheckedAdvice, 3, "class Planted {\n  int A;\n  int M(int x) { return checked(x + 1); }\n}" },
        { GateRules.Checked, GateRules.CheckedAdvice, 3, "class Planted {\n  int A;\n  void M(int x) { checked { A = x * x; } }\n}" },
        { GateRules.UnguardedDivision, GateRules.UnguardedDivisionAdvice, 3, "class Planted {\n  int A;\n  int M(int a, int b) { return a / b; }\n}" },
        { GateRules.UnguardedDivision, GateRules.UnguardedDivisionAdvice, 3, "class Planted {\n  int A;\n  int M(int a, int b) { return a % b; }\n}" },
        { GateRules.UnguardedDivision, GateRules.UnguardedDivisionAdvice, 3, "class Planted {\n  int A;\n  int M(int a) { return a / -1; }\n}" },
        { GateRules.UnguardedDivision, GateRules.UnguardedDivisionAdvice, 3, "class Planted {\n  long A;\n  void M(long b) { A %= b; }\n}" },
        { GateRules.LargeArrayLiteral, GateRules.LargeArrayLiteralAdvice, 3, "class Planted {\n  int A;\n  static readonly byte[] Blob = {" + string.Join(",", Enumerable.Repeat("7", GateRules.MaxArrayLiteralBytes + 1)) + "};\n}" },
        { GateRules.LargeArrayLiteral, GateRules.LargeArrayLiteralAdvice, 3, "class Planted {\n  int A;\n  int[] M() { return new int[] {" + string.Join(",", Enumerable.Repeat("7", (GateRules.MaxArrayLiteralBytes / 4) + 1)) + "}; }\n}" },
    };

    /// <summary>
    /// APIs the host has and nanoFramework's mscorlib 1.17.11 lacks: the real assembly makes each a compile
    /// error on its line, and the advice says what to use instead.
    /// </summary>
    public static TheoryData<string, string> MissingApis => new()
    {
        { "long t = System.Diagnostics.Stopwatch.GetTimestamp();", "Stopwatch" },
        { "System.Buffer.BlockCopy(new byte[2], 0, new byte[2], 0, 2);", "Buffer" },
        { "try { A = 1; } catch (System.DivideByZeroException) { A = 0; }", "DivideByZeroException" },
        { "A = System.Math.Abs(A);", "Math" },
        { "System.Collections.Generic.List<int> list = null;", "Generic" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Gate_reports_the_planted_line_with_rule_and_advice(string rule, string advice, int plantedLine, string snippet)
    {

        GateReport report = PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, snippet) });

        string expected = $"{File}:{plantedLine}: {rule}: {advice}";
        Assert.False(report.Passed);
        Assert.Contains(expected, report.Violations.Select(v => v.ToString()));
    }

    [Theory]
    [MemberData(nameof(MissingApis))]
    public void Api_missing_from_nanoFrameworks_mscorlib_fails_on_its_line(string statement, string missing)
    {
        string snippet = "class Planted {\n  int A;\n  void M() {\n    " + statement + "\n  }\n}";

        GateReport report = PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, snippet) });

        Assert.Contains(report.Violations, v => v.Line == 4 && v.Rule == GateRules.NanoFrameworkApi && v.Advice.Contains("'" + missing + "'", StringComparison.Ordinal));
        if (GateRules.MissingTypeAdvice.TryGetValue(missing, out string? advice))
        {
            Assert.Contains(report.Violations, v => v.Line == 4 && v.Advice.EndsWith(advice, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("int M(int a, int b) { if (b == -1) { return -a; } return a / b; }")]
    [InlineData("int M(int a, int b) { return a / 3 + a % 7; }")]
    [InlineData("int M(int a, int[] b) { return a / b.Length; }")]
    [InlineData("int M(int a, byte b) { return a / b; }")]
    [InlineData("int M(short a, int b) { return a / b; }")]
    [InlineData("int M(int a, int b) { return a / (2 * b); }")]
    [InlineData("long M(long a, int s) { return a / (1L << s); }")]
    [InlineData("int M(int a, int b) { return a / b; } // safe division: b is a validated channel count")]
    public void Divisions_that_cannot_see_MinValue_over_minus_one_pass(string member)
    {
        string snippet = "class Planted {\n  " + member + "\n}";

        GateReport report = PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, snippet) });

        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_divisor_guarded_in_the_constructor_passes_and_an_unguarded_field_does_not()
    {
        const string guarded = "class Planted {\n  private readonly int _hop;\n  public Planted(int hop) { if (hop < 1) { throw new System.ArgumentOutOfRangeException(\"hop\"); } _hop = hop; }\n  public int M(int a) { return a % _hop; }\n}";
        const string unguarded = "class Planted {\n  private readonly int _hop;\n  public Planted(int hop) { _hop = hop; }\n  public int M(int a) { return a % _hop; }\n}";

        Assert.True(PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, guarded) }).Passed);
        GateViolation violation = Assert.Single(PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, unguarded) }).Violations);
        Assert.Equal((4, GateRules.UnguardedDivision), (violation.Line, violation.Rule));
    }

    [Fact]
    public void Api_outside_the_nanoFramework_surface_is_a_compile_violation_on_its_line()
    {
        const string snippet = "class Planted {\n  int A;\n  int M(string s) { return s.AsSpan().Length; }\n}";

        GateReport report = PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, snippet) });

        GateViolation violation = Assert.Single(report.Violations);
        Assert.Equal(3, violation.Line);
        Assert.Equal(GateRules.NanoFrameworkApi, violation.Rule);
        Assert.StartsWith("CS1061", violation.Advice);
        Assert.Contains("AsSpan", violation.Advice);
        Assert.EndsWith(GateRules.NanoFrameworkApiAdvice, violation.Advice);
    }

    [Fact]
    public void Clean_portable_code_passes()
    {
        const string snippet = "namespace Wearable.Kernels.Sample\n{\n  public sealed class Accumulator\n  {\n    private readonly int[] _state = new int[4];\n" +
            "    public int Add(int index, int value)\n    {\n      if (index < 0 || index >= _state.Length) { throw new System.ArgumentOutOfRangeException(\"index\", \"must be 0..\" + (_state.Length - 1)); }\n" +
            "      _state[index] += value;\n      return _state[index];\n    }\n  }\n}\n";

        GateReport report = PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, snippet) });

        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void The_nanoFramework_branch_of_an_if_is_what_gets_checked()
    {
        const string snippet = "class Planted {\n#if NANOFRAMEWORK_1_0\n  float OnDevice;\n#else\n  double OnHost;\n#endif\n}";

        GateReport report = PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, snippet) });

        GateViolation violation = Assert.Single(report.Violations);
        Assert.Equal(3, violation.Line);
    }
}
