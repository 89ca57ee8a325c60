using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Wearable.PortabilityGate;
using Wearable.TestSupport;

namespace Wearable.Portability.Tests;

/// <summary>The gate run over the real shared source: what the test command enforces on every change.</summary>
public class RealTreeTests
{
    [Fact]
    public void Every_shared_source_file_passes_the_gate()
    {
        GateReport report = PortabilityGate.PortabilityGate.CheckRepository(RepositoryPaths.Root);

        Assert.True(report.FilesChecked > 0, "The gate found no shared source: are the .projitems folders where docs/architecture.md says?");
        Assert.True(report.Passed, Environment.NewLine + report);
    }

    [Fact]
    public void The_gate_covers_both_shared_projects()
    {
        var sources = SharedSource.FromRepository(RepositoryPaths.Root);

        Assert.Contains(sources, s => s.Path.StartsWith("shared-kernels/Wearable.Kernels.Shared/", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.Path.Contains("/obj/", StringComparison.Ordinal) || s.Path.Contains("/bin/", StringComparison.Ordinal));
    }

    /// <summary>
    /// The acceptance check, for every real shared file at once: plant a generic List and a
    /// System.Math call into the file's first class or struct and expect both reported at that file and line.
    /// </summary>
    [Fact]
    public void Planting_a_generic_list_or_System_Math_in_any_shared_file_is_reported_at_that_file_and_line()
    {
        var planted = new List<SharedSource>();
        var expected = new List<(string Path, int Line)>();
        foreach (SharedSource source in SharedSource.FromRepository(RepositoryPaths.Root))
        {
            var root = CSharpSyntaxTree.ParseText(source.Text).GetRoot();
            var type = root.DescendantNodes().OfType<TypeDeclarationSyntax>()
                .FirstOrDefault(t => t is ClassDeclarationSyntax or StructDeclarationSyntax);
            if (type is null)
            {
                planted.Add(source);
                continue;
            }

            int insertAt = type.OpenBraceToken.Span.End;
            int line = source.Text[..insertAt].Count(c => c == '\n') + 2;
            string text = source.Text[..insertAt]
                + "\nprivate static System.Collections.Generic.List<int> s_planted = null; private static readonly int s_plantedMath = (int)System.Math.Sqrt(4);"
                + source.Text[insertAt..];
            planted.Add(source with { Text = text });
            expected.Add((source.Path, line));
        }

        GateReport report = PortabilityGate.PortabilityGate.Check(planted);

        Assert.NotEmpty(expected);
        foreach (var (path, line) in expected)
        {
            Assert.Contains(report.Violations, v => v.Path == path && v.Line == line && v.Rule == GateRules.Generics);
            Assert.Contains(report.Violations, v => v.Path == path && v.Line == line && v.Rule == GateRules.SystemMath);
        }
    }
}
