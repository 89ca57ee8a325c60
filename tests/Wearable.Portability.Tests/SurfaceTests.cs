using Wearable.PortabilityGate;

namespace Wearable.Portability.Tests;

/// <summary>
/// The reference surface must hold what ordinary portable code needs and nothing nanoFramework 1.x lacks:
/// a construct the device cannot build must fail here too, even without a syntax rule for it.
/// </summary>
public class SurfaceTests
{
    private const string File = "shared-kernels/Wearable.Kernels.Shared/Probe.cs";

    [Theory]
    [InlineData("int? maybe = null;", "nullable value types need the generic Nullable<T>")]
    [InlineData("object e = new System.DivideByZeroException();", "nanoFramework raises a plain Exception on divide by zero")]
    [InlineData("object o = System.Array.Empty<int>();", "Array.Empty is generic")]
    public void Constructs_missing_on_nanoFramework_do_not_compile(string statement, string why)
    {
        string snippet = "class Probe {\n  void M() {\n    " + statement + "\n  }\n}";

        GateReport report = PortabilityGate.PortabilityGate.Check(new[] { new SharedSource(File, snippet) });

        Assert.True(report.Violations.Any(v => v.Line == 3), why + Environment.NewLine + report);
    }
}
