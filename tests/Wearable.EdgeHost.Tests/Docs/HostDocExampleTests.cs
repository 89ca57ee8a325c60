using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Wearable.EdgeHost.Sessions;
using Wearable.TestSupport;

namespace Wearable.EdgeHost.Tests.Docs;

/// <summary>docs/host.md's example program compiles, as written, against this build of the library.</summary>
public sealed class HostDocExampleTests
{
    private const string Marker = "<!-- example: host-session -->";

    /// <summary>What an SDK console project's ImplicitUsings adds, so the example reads as in a new project.</summary>
    private const string ImplicitUsings =
        "global using System; global using System.IO; global using System.Linq; global using System.Collections.Generic; " +
        "global using System.Threading; global using System.Threading.Tasks; global using System.Net.Http;";

    [Fact]
    public void The_example_program_in_host_md_compiles_as_a_console_program()
    {
        string source = ExampleSource(File.ReadAllText(RepositoryPaths.InRepo("docs", "host.md")));
        var compilation = CSharpCompilation.Create(
            "HostDocExample",
            [CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var output = new MemoryStream();
        var result = compilation.Emit(output);

        string errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.True(result.Success && errors.Length == 0, "docs/host.md example does not compile cleanly:" + Environment.NewLine + errors);
        Assert.NotNull(compilation.GetEntryPoint(CancellationToken.None));
    }

    [Fact]
    public void A_broken_example_is_caught()
    {
        // The check above must be able to fail: a renamed member in the doc is a compile error here.
        string source = ExampleSource(File.ReadAllText(RepositoryPaths.InRepo("docs", "host.md"))).Replace("session.Info!", "session.Information!", StringComparison.Ordinal);
        var compilation = CSharpCompilation.Create("Broken", [CSharpSyntaxTree.ParseText(ImplicitUsings), CSharpSyntaxTree.ParseText(source)], References(), new CSharpCompilationOptions(OutputKind.ConsoleApplication));

        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.GetMessage().Contains("Information", StringComparison.Ordinal));
    }

    private static string ExampleSource(string markdown)
    {
        int marker = markdown.IndexOf(Marker, StringComparison.Ordinal);
        Assert.True(marker >= 0, "docs/host.md lost its '" + Marker + "' line above the example program");
        int start = markdown.IndexOf("```csharp\n", marker, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = markdown.IndexOf("\n```", start, StringComparison.Ordinal);
        return markdown[start..end];
    }

    private static IEnumerable<MetadataReference> References()
    {
        // The framework this test runs on, plus the host library and what it references.
        string[] framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        string[] library = [typeof(DeviceSession).Assembly.Location, typeof(Wearable.Kernels.Link.LinkStreamKind).Assembly.Location];
        return framework.Concat(library).Distinct().Select(path => MetadataReference.CreateFromFile(path));
    }
}
