namespace Wearable.PortabilityGate;

/// <summary>
/// One reason a shared source file would not build or behave the same on nanoFramework.
/// Printed as <c>path:line: rule: what to do instead</c> so editors and CI logs link to it.
/// </summary>
/// <param name="Path">Repository-relative path with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Rule">A rule id from <see cref="GateRules"/>.</param>
/// <param name="Advice">What is wrong and what to write instead.</param>
public sealed record GateViolation(string Path, int Line, string Rule, string Advice)
{
    public override string ToString() => $"{Path}:{Line}: {Rule}: {Advice}";
}
