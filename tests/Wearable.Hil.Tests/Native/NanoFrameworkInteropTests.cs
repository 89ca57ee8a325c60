using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Wearable.TestSupport;

namespace Wearable.Hil.Tests.Native;

/// <summary>
/// native/nanoframework/NativeKernelInterop.cs compiles against nanoFramework's real mscorlib 1.17.11 (from
/// NuGet) together with the shared CNN kernels it falls back to, with and without the native twins,
/// and declares its natives as InternalCall methods.
/// </summary>
public class NanoFrameworkInteropTests
{
    private static readonly string s_declarations = RepositoryPaths.InRepo("native", "nanoframework", "NativeKernelInterop.cs");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Declarations_compile_against_nanoFrameworks_mscorlib(bool nativeTwins)
    {
        (EmitResult result, _) = Compile(nativeTwins);

        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
    }

    [Fact]
    public void With_the_twins_the_natives_are_InternalCall_methods()
    {
        (EmitResult result, byte[] image) = Compile(true);
        Assert.True(result.Success);

        using var pe = new PEReader(new MemoryStream(image));
        MetadataReader metadata = pe.GetMetadataReader();
        string[] internalCalls = metadata.MethodDefinitions
            .Select(metadata.GetMethodDefinition)
            .Where(m => (m.ImplAttributes & MethodImplAttributes.InternalCall) != 0)
            .Select(m => metadata.GetString(m.Name))
            .Order()
            .ToArray();

        Assert.Equal(["NativeConv1dS8", "NativeDenseS8", "NativeInterfaceVersion"], internalCalls);
    }

    private static (EmitResult Result, byte[] Image) Compile(bool nativeTwins)
    {
        string mscorlib = Path.Combine(AppContext.BaseDirectory, "nanoFramework", "mscorlib.dll");
        Assert.True(File.Exists(mscorlib), $"{mscorlib} missing: the test project copies it from the nanoFramework.CoreLibrary package");
        var options = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: nativeTwins ? ["NANOFRAMEWORK_1_0", "WEARABLE_NATIVE_TWINS"] : ["NANOFRAMEWORK_1_0"]);
        string cnn = RepositoryPaths.InRepo("shared-kernels", "Wearable.Kernels.Shared", "Cnn");
        SyntaxTree[] trees = Directory.EnumerateFiles(cnn, "*.cs").Append(s_declarations)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), options, path))
            .ToArray();
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Wearable.Kernels.Native",
            trees,
            [MetadataReference.CreateFromFile(mscorlib)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var stream = new MemoryStream();
        EmitResult result = compilation.Emit(stream);
        return (result, stream.ToArray());
    }
}
