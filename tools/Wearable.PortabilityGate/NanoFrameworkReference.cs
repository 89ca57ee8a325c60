using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Wearable.PortabilityGate;

/// <summary>
/// nanoFramework's real core library (NuGet nanoFramework.CoreLibrary, embedded in the gate at build time):
/// mscorlib.dll, the reference shared code is compiled against, so anything the device lacks is a compile
/// error; and mscorlib.pe, the deployment image a board runs it from.
/// </summary>
public static class NanoFrameworkReference
{
    /// <summary>The NuGet version of nanoFramework.CoreLibrary the repository pins (Directory.Packages.props).</summary>
    public const string CoreLibraryPackageVersion = "1.17.11";

    private static readonly Lazy<byte[]> s_mscorlib = new(() => ReadResource("nanoFramework/mscorlib.dll"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<MetadataReference> s_reference = new(() => MetadataReference.CreateFromImage(s_mscorlib.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>mscorlib.dll as a compilation reference.</summary>
    public static MetadataReference Reference => s_reference.Value;

    /// <summary>The assembly version mscorlib.dll declares (1.17.11.0 for the pinned package).</summary>
    public static Version MscorlibVersion
    {
        get
        {
            using var pe = new PEReader(new MemoryStream(s_mscorlib.Value, writable: false));
            MetadataReader metadata = pe.GetMetadataReader();
            return metadata.GetAssemblyDefinition().Version;
        }
    }

    /// <summary>mscorlib.pe, the image every deployment to a nanoFramework board needs beside its own .pe files.</summary>
    public static byte[] MscorlibPe() => ReadResource("nanoFramework/mscorlib.pe");

    /// <summary>mscorlib.dll's bytes (to write beside a device build for tools that want the file).</summary>
    public static byte[] MscorlibDll() => (byte[])s_mscorlib.Value.Clone();

    private static byte[] ReadResource(string name)
    {
        Assembly assembly = typeof(NanoFrameworkReference).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"The gate was built without {name}: restore nanoFramework.CoreLibrary {CoreLibraryPackageVersion} and rebuild tools/Wearable.PortabilityGate.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
