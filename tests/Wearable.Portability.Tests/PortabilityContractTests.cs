using System.Xml.Linq;
using Wearable.PortabilityGate;
using Wearable.TestSupport;

namespace Wearable.Portability.Tests;

/// <summary>
/// The portability contract of docs/architecture.md: the nullable context each build of the portable
/// source compiles with, and expression-bodied members allowed in that source.
/// </summary>
public class PortabilityContractTests
{
    private const string KernelSource = "Wearable.Kernels.Shared.projitems";
    private const string FirmwareSource = "Wearable.Firmware.Core.Shared.projitems";
    private const string DeviceProps = "NanoFrameworkDevice.props";

    [Fact]
    public void Every_build_of_portable_source_has_the_nullable_context_the_contract_gives_it()
    {
        var offences = new List<string>();
        var builds = PortableBuilds().ToList();
        foreach (PortableBuild build in builds)
        {
            string expected = ExpectedNullable(build);
            if (build.Nullable != expected)
            {
                offences.Add($"{build.Path}: nullable '{build.Nullable}', the contract (docs/architecture.md) says '{expected}'");
            }

            if (expected == "disable" && build.CompilesKernels && !build.IgnoresAnnotations)
            {
                offences.Add($"{build.Path}: compiles the kernels' annotations with nullable disabled but does not ignore CS8632");
            }
        }

        Assert.Contains(builds, b => b.CompilesKernels && !b.IsDeviceBuild && b.Nullable == "enable");
        Assert.Contains(builds, b => b.CompilesFirmware && !b.IsDeviceBuild);
        Assert.Contains(builds, b => b.IsDeviceBuild);
        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void A_host_build_of_firmware_source_with_nullable_enabled_breaks_the_contract()
    {
        var planted = new PortableBuild("firmware/Planted.csproj", CompilesKernels: false, CompilesFirmware: true, IsDeviceBuild: false, Nullable: "enable", IgnoresAnnotations: false);

        Assert.NotEqual("enable", ExpectedNullable(planted));
        Assert.Equal("enable", ExpectedNullable(planted with { CompilesFirmware = false, CompilesKernels = true }));
    }

    [Theory]
    [InlineData("int Count => _n;")]
    [InlineData("int Twice(int x) => x * 2;")]
    [InlineData("int Size { get => _n; set => _n = value; }")]
    [InlineData("public Planted(int n) => _n = n;")]
    public void Expression_bodied_members_pass_the_gate(string member)
    {
        string snippet = "class Planted {\n  private int _n;\n  " + member + "\n}";

        GateReport report = PortabilityGate.PortabilityGate.Check(new[] { new SharedSource("shared-kernels/Wearable.Kernels.Shared/Planted.cs", snippet) });

        Assert.True(report.Passed, report.ToString());
    }

    // Enabled only for the host build of the annotated kernels alone; anything compiling the firmware core, and every device build, disabled.
    private static string ExpectedNullable(PortableBuild build) =>
        build.CompilesKernels && !build.CompilesFirmware && !build.IsDeviceBuild ? "enable" : "disable";

    // Every SDK-style project that compiles portable source, with the nullable context it ends up with:
    // its own <Nullable>, else the device props' (disable), else Directory.Build.props'.
    private static IEnumerable<PortableBuild> PortableBuilds()
    {
        string repositoryDefault = Property(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"), "Nullable") ?? "disable";
        string deviceProps = Directory.EnumerateFiles(RepositoryPaths.Root, DeviceProps, SearchOption.AllDirectories).Single();
        foreach (string project in Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories))
        {
            if (project.Contains("/bin/", StringComparison.Ordinal) || project.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            string[] imports = XDocument.Load(project).Descendants().Where(e => e.Name.LocalName == "Import")
                .Select(e => e.Attribute("Project")?.Value ?? string.Empty).ToArray();
            bool kernels = imports.Any(i => i.EndsWith(KernelSource, StringComparison.Ordinal));
            bool firmware = imports.Any(i => i.EndsWith(FirmwareSource, StringComparison.Ordinal));
            if (!kernels && !firmware)
            {
                continue;
            }

            bool device = imports.Any(i => i.EndsWith(DeviceProps, StringComparison.Ordinal));
            string nullable = Property(project, "Nullable") ?? (device ? Property(deviceProps, "Nullable")! : repositoryDefault);
            bool ignores = (Property(project, "NoWarn") ?? string.Empty).Contains("CS8632", StringComparison.Ordinal)
                || (device && Property(deviceProps, "NoWarn")!.Contains("CS8632", StringComparison.Ordinal));
            yield return new PortableBuild(Path.GetRelativePath(RepositoryPaths.Root, project), kernels, firmware, device, nullable, ignores);
        }
    }

    private static string? Property(string file, string name) =>
        XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == name && e.Parent?.Name.LocalName == "PropertyGroup"
            && e.Parent.Attribute("Condition") is null).Select(e => e.Value.Trim()).LastOrDefault();

    private sealed record PortableBuild(string Path, bool CompilesKernels, bool CompilesFirmware, bool IsDeviceBuild, string Nullable, bool IgnoresAnnotations);
}
