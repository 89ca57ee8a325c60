using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Wearable.PortabilityGate;

/// <summary>
/// Checks that shared source (kernels and firmware core) would build and compute the same on
/// nanoFramework 1.x: compiles it with Roslyn against <see cref="NanoFrameworkReference"/> and walks
/// its syntax for the constructs the runtime lacks.
/// </summary>
public static class PortabilityGate
{
    /// <summary>The symbol the nanoFramework projects define; the gate checks that side of any #if.</summary>
    public const string NanoFrameworkSymbol = "NANOFRAMEWORK_1_0";

    /// <summary>Checks every shared source file of the repository at <paramref name="root"/>.</summary>
    public static GateReport CheckRepository(string root) => Check(SharedSource.FromRepository(root));

    /// <summary>Checks the given files as one compilation, as the nanoFramework project would build them.</summary>
    public static GateReport Check(IReadOnlyList<SharedSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { NanoFrameworkSymbol });
        var violations = new List<GateViolation>();
        var trees = new List<SyntaxTree>(sources.Count);
        foreach (SharedSource source in sources)
        {
            SyntaxTree tree = CSharpSyntaxTree.ParseText(source.Text, parseOptions, path: source.Path);
            trees.Add(tree);
            new PortableSyntaxWalker(source.Path, violations).Visit(tree.GetRoot());
        }

        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: false,
            nullableContextOptions: NullableContextOptions.Enable);
        CSharpCompilation compilation = CSharpCompilation.Create("WearableShared", trees, new[] { NanoFrameworkReference.Reference }, options);
        foreach (Diagnostic diagnostic in compilation.GetDiagnostics())
        {
            if (diagnostic.Severity != DiagnosticSeverity.Error || !diagnostic.Location.IsInSource)
            {
                continue;
            }

            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            violations.Add(new GateViolation(
                span.Path,
                span.StartLinePosition.Line + 1,
                GateRules.NanoFrameworkApi,
                $"{diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}: this {GateRules.NanoFrameworkApiAdvice}"));
        }

        var distinct = violations
            .Distinct()
            .OrderBy(v => v.Path, StringComparer.Ordinal)
            .ThenBy(v => v.Line)
            .ThenBy(v => v.Rule, StringComparer.Ordinal)
            .ToList();
        return new GateReport(sources.Count, distinct);
    }
}
