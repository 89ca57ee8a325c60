using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using Wearable.Hil.NanoClr;
using Wearable.Hil.Running;
using Wearable.PortabilityGate;

namespace Wearable.Cli.Firmware;

/// <summary>
/// Builds the nanoFramework deployment set: our assemblies compiled for the device (one per layer, by the
/// *.NanoBuild projects), their .pe images where nanoFramework's metadata processor is installed, the
/// mscorlib.pe they need, and a manifest with sizes and the flash/RAM estimate against the board.
/// </summary>
public static class FirmwareBuilder
{
    public const string ManifestFileName = "firmware-manifest.json";

    /// <summary>The device assemblies in load order: each needs only the ones before it and mscorlib.</summary>
    public static readonly string[] Layers = { "Wearable.Kernels", "Wearable.Firmware.Core" };

    private const string Project = "firmware/Wearable.Firmware.Core.NanoBuild/Wearable.Firmware.Core.NanoBuild.csproj";

    public static FirmwareManifest Build(string repository, FirmwareBoard board, string output)
    {
        Directory.CreateDirectory(output);
        ProcessResult build = ProcessRunner.Run(
            "dotnet",
            new[] { "build", Path.Combine(repository, Project), "-c", "Release", "-o", output, "-nologo", "-v", "quiet" },
            TimeSpan.FromMinutes(10));
        if (build.ExitCode != 0)
        {
            string log = (build.StandardOutput + build.StandardError).Trim();
            throw new CliException(
                "the nanoFramework build of the firmware failed: " + (log.Length <= 600 ? log : log[^600..]),
                "Run 'wearable gate' for file:line reasons, or 'dotnet build " + Project + "'.");
        }

        byte[] mscorlibPe = NanoFrameworkReference.MscorlibPe();
        File.WriteAllBytes(Path.Combine(output, "mscorlib.pe"), mscorlibPe);
        string mscorlibDll = Path.Combine(output, "mscorlib.dll");
        File.WriteAllBytes(mscorlibDll, NanoFrameworkReference.MscorlibDll());

        MetadataProcessorTool? processor = MetadataProcessorTool.Find();
        var assemblies = new List<FirmwareAssembly>();
        var built = new List<string>();
        foreach (string layer in Layers)
        {
            string dll = Path.Combine(output, layer + ".dll");
            string? pe = processor?.ToPe(mscorlibDll, dll, output, built.ToArray());
            assemblies.Add(new FirmwareAssembly(
                layer,
                Path.GetFileName(dll),
                new FileInfo(dll).Length,
                pe is null ? null : Path.GetFileName(pe),
                pe is null ? null : new FileInfo(pe).Length,
                Sha256(File.ReadAllBytes(dll)),
                References(dll)));
            built.Add(dll);
        }

        bool havePe = assemblies.All(a => a.PeBytes is not null);
        long used = mscorlibPe.Length + assemblies.Sum(a => a.PeBytes ?? a.DllBytes);
        var manifest = new FirmwareManifest(
            board.Name,
            new FirmwareMscorlib(
                "nanoFramework.CoreLibrary",
                NanoFrameworkReference.CoreLibraryPackageVersion,
                NanoFrameworkReference.MscorlibVersion.ToString(),
                "mscorlib.pe",
                mscorlibPe.Length,
                Sha256(mscorlibPe)),
            assemblies,
            havePe ? "produced by " + processor!.Path : "not produced: set " + MetadataProcessorTool.Variable + " to nanoFramework's metadata processor (docs/firmware.md)",
            new FirmwareFlashEstimate(
                used,
                board.DeploymentFlashBytes,
                havePe ? "mscorlib.pe + our .pe images" : "mscorlib.pe + our .dll sizes (an upper bound: a .pe is about two thirds of its .dll)",
                used <= board.DeploymentFlashBytes),
            new FirmwareRamEstimate(board.ManagedHeapBytes, Wearable.Firmware.Profiles.BoardProfile.FindByName(board.Name).BufferRamBytes));
        File.WriteAllText(Path.Combine(output, ManifestFileName), JsonOutput.Serialize(manifest));
        return manifest;
    }

    private static IReadOnlyList<string> References(string dll)
    {
        using var pe = new PEReader(File.OpenRead(dll));
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Select(r => metadata.GetString(r.Name) + " " + r.Version.ToString())
            .OrderBy(r => r, StringComparer.Ordinal)
            .ToList();
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

/// <summary>One device assembly of the deployment set.</summary>
public sealed record FirmwareAssembly(string Name, string Dll, long DllBytes, string? Pe, long? PeBytes, string Sha256, IReadOnlyList<string> References);

/// <summary>The core library a board must run: its package, version and deployment image.</summary>
public sealed record FirmwareMscorlib(string Package, string PackageVersion, string AssemblyVersion, string Pe, long PeBytes, string Sha256);

/// <summary>Deployment flash taken against the board's deployment region.</summary>
public sealed record FirmwareFlashEstimate(long UsedBytes, long BudgetBytes, string Basis, bool Fits);

/// <summary>
/// The RAM side: the managed heap the board offers and the part of it the firmware core's buffer plan
/// may take (BoardProfile); what a model and its arena need is checked at model commit on the device.
/// </summary>
public sealed record FirmwareRamEstimate(long ManagedHeapBytes, long BufferBudgetBytes);

/// <summary>What `wearable firmware build` writes as firmware-manifest.json.</summary>
public sealed record FirmwareManifest(
    string Board,
    FirmwareMscorlib Mscorlib,
    IReadOnlyList<FirmwareAssembly> Assemblies,
    string PeImages,
    FirmwareFlashEstimate Flash,
    FirmwareRamEstimate Ram);
