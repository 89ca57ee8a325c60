using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Wearable.PortabilityGate;
using Wearable.TestSupport;

namespace Wearable.Portability.Tests;

/// <summary>
/// The device build (one assembly per layer, compiled by the *.NanoBuild projects against nanoFramework's
/// real mscorlib) must reference mscorlib 1.17.11 and nothing else: a plain PackageReference would
/// silently compile against netstandard or System.Runtime instead, and the board would refuse the result.
/// </summary>
public class DeviceBuildTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static TheoryData<string, string[]> Layers => new()
    {
        { "shared-kernels/Wearable.Kernels.NanoBuild/bin/" + Configuration + "/netstandard2.0/Wearable.Kernels.dll", new[] { "mscorlib" } },
        { "firmware/Wearable.Firmware.Core.NanoBuild/bin/" + Configuration + "/netstandard2.0/Wearable.Firmware.Core.dll", new[] { "mscorlib", "Wearable.Kernels" } },
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void Device_assemblies_reference_only_nanoFrameworks_mscorlib_and_lower_layers(string relativePath, string[] allowed)
    {
        string path = Path.Combine(RepositoryPaths.Root, relativePath);
        Assert.True(File.Exists(path), path + " is missing: the test project builds it first (ProjectReference); build Wearable.sln.");

        using var pe = new PEReader(File.OpenRead(path));
        MetadataReader metadata = pe.GetMetadataReader();
        var references = metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Select(r => (Name: metadata.GetString(r.Name), r.Version))
            .ToList();

        Assert.Equal(allowed.OrderBy(n => n, StringComparer.Ordinal), references.Select(r => r.Name).OrderBy(n => n, StringComparer.Ordinal));
        var mscorlib = references.Single(r => r.Name == "mscorlib");
        Assert.Equal(new Version(1, 17, 11, 0), mscorlib.Version);
        Assert.Equal(NanoFrameworkReference.MscorlibVersion, mscorlib.Version);
    }

    [Fact]
    public void The_gate_compiles_against_the_package_version_the_repository_pins()
    {
        string packages = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props"));

        Assert.Contains("\"nanoFramework.CoreLibrary\" Version=\"" + NanoFrameworkReference.CoreLibraryPackageVersion + "\"", packages);
        Assert.Equal(NanoFrameworkReference.CoreLibraryPackageVersion + ".0", NanoFrameworkReference.MscorlibVersion.ToString());
        Assert.True(NanoFrameworkReference.MscorlibPe().Length > 1000, "mscorlib.pe must be embedded in the gate");
    }
}
