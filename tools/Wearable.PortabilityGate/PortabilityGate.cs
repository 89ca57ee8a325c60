using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Wearable.PortabilityGate;

/// <summary>
/// Checks that shared source (kernels and firmware core) would build and compute the same on
/// nanoFramework 1.x: compiles it with Roslyn, as C# 9, against nanoFramework's real mscorlib
/// (<see cref="NanoFrameworkReference"/>) and walks it for what compiles there but breaks on the interpreter.
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
        // C# 9 and no nullable context: what the device build (shared-kernels/NanoFrameworkDevice.props) compiles with.
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: new[] { NanoFrameworkSymbol });
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
            nullableContextOptions: NullableContextOptions.Disable);
        CSharpCompilation compilation = CSharpCompilation.Create("WearableShared", trees, new[] { NanoFrameworkReference.Reference }, options);
        foreach (SyntaxTree tree in trees)
        {
            SemanticRuleChecker.Check(compilation.GetSemanticModel(tree), tree.FilePath, violations);
        }

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
                $"{diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}: this {GateRules.NanoFrameworkApiAdvice}{MissingTypeHint(diagnostic)}"));
        }

        var distinct = violations
            .Distinct()
            .OrderBy(v => v.Path, StringComparer.Ordinal)
            .ThenBy(v => v.Line)
            .ThenBy(v => v.Rule, StringComparer.Ordinal)
            .ToList();
        return new GateReport(sources.Count, distinct);
    }

    // "The name 'Stopwatch' does not exist" names the missing type as the diagnostic's first argument.
    private static string MissingTypeHint(Diagnostic diagnostic)
    {
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        foreach (KeyValuePair<string, string> entry in GateRules.MissingTypeAdvice)
        {
            if (message.Contains("'" + entry.Key + "'", StringComparison.Ordinal))
            {
                return "; " + entry.Value;
            }
        }

        return string.Empty;
    }
}
