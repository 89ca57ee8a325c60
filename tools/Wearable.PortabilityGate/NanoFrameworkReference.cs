using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Wearable.PortabilityGate;

/// <summary>
/// Builds, once per process, the reference "mscorlib" that shared code is compiled against: our own
/// declarations of nanoFramework.CoreLibrary 1.x's public surface (embedded NanoFrameworkCoreLibrary/*.cs),
/// compiled with no references so that anything outside that surface is a compile error.
/// </summary>
public static class NanoFrameworkReference
{
    private const string ResourcePrefix = "NanoFrameworkCoreLibrary/";

    private static readonly Lazy<MetadataReference> s_reference = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The compiled surface as a metadata reference.</summary>
    public static MetadataReference Reference => s_reference.Value;

    /// <summary>Names of the embedded surface files (for reports and tests).</summary>
    public static IReadOnlyList<string> SourceNames()
    {
        return typeof(NanoFrameworkReference).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
    }

    private static MetadataReference Build()
    {
        Assembly assembly = typeof(NanoFrameworkReference).Assembly;
        var trees = new List<SyntaxTree>();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        foreach (string name in SourceNames())
        {
            using Stream stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded surface file {name} is missing from the gate assembly.");
            using var reader = new StreamReader(stream);
            trees.Add(CSharpSyntaxTree.ParseText(reader.ReadToEnd(), parseOptions, path: name));
        }

        if (trees.Count == 0)
        {
            throw new InvalidOperationException(
                "The gate has no nanoFramework surface: tools/Wearable.PortabilityGate/NanoFrameworkCoreLibrary/*.cs must be embedded.");
        }

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Disable);
        CSharpCompilation compilation = CSharpCompilation.Create("mscorlib", trees, references: Array.Empty<MetadataReference>(), options);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            string errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20));
            throw new InvalidOperationException("The nanoFramework surface declarations do not compile:" + Environment.NewLine + errors);
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
