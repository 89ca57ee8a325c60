using System.Xml.Linq;
using Wearable.TestSupport;

namespace Wearable.Portability.Tests;

/// <summary>
/// Arrows point down only (docs/architecture.md): tools -> hil -> edge-host -> shared-kernels,
/// firmware -> shared-kernels. A project reference, an imported .projitems/.props or a shared compile item that
/// points up or sideways fails here, naming both ends; every project kind counts (.csproj, .nfproj, .projitems).
/// </summary>
public class LayeringTests
{
    // Which top-level folders each folder's projects may reference (besides their own folder).
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        ["shared-kernels"] = Array.Empty<string>(),
        ["firmware"] = new[] { "shared-kernels" },
        ["edge-host"] = new[] { "shared-kernels" },
        ["hil"] = new[] { "edge-host", "shared-kernels" },
        ["tools"] = new[] { "hil", "edge-host", "firmware", "shared-kernels" },
        ["tests"] = new[] { "tools", "hil", "edge-host", "firmware", "shared-kernels" },
    };

    [Fact]
    public void Project_references_point_down_the_layers()
    {
        var offences = new List<string>();
        int checkedReferences = 0;
        foreach (string project in ProjectFiles())
        {
            string relative = Path.GetRelativePath(RepositoryPaths.Root, project).Replace('\\', '/');
            if (relative.Contains("/bin/") || relative.Contains("/obj/"))
            {
                continue;
            }

            string layer = relative.Split('/')[0];
            if (!s_allowed.TryGetValue(layer, out string[]? allowed))
            {
                offences.Add($"{relative}: lives in '{layer}', which is not a layer of docs/architecture.md");
                continue;
            }

            foreach (string include in References(project))
            {
                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include));
                string targetLayer = Path.GetRelativePath(RepositoryPaths.Root, target).Replace('\\', '/').Split('/')[0];
                checkedReferences++;
                if (targetLayer != layer && !allowed.Contains(targetLayer))
                {
                    offences.Add($"{relative} references {targetLayer}: '{layer}' may only use {string.Join(", ", allowed.DefaultIfEmpty("nothing"))}");
                }
            }
        }

        Assert.True(checkedReferences > 0);
        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public void Every_project_kind_is_checked()
    {
        var kinds = ProjectFiles().Select(Path.GetExtension).Distinct().ToList();

        Assert.Contains(".csproj", kinds);
        Assert.Contains(".nfproj", kinds);
        Assert.Contains(".projitems", kinds);
        Assert.Contains(References(Path.Combine(RepositoryPaths.Root, "firmware/Wearable.Firmware.Core.nanoFramework/Wearable.Firmware.Core.nfproj")),
            r => r.EndsWith("Wearable.Kernels.nfproj", StringComparison.Ordinal));
    }

    private static IEnumerable<string> ProjectFiles() =>
        new[] { "*.csproj", "*.nfproj", "*.projitems" }
            .SelectMany(pattern => Directory.EnumerateFiles(RepositoryPaths.Root, pattern, SearchOption.AllDirectories))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal));

    // Paths this project pulls in from the repository: project references, imported .projitems and .props,
    // and compile items (a .projitems names its files relative to itself). Namespaced (.nfproj, .projitems)
    // and SDK-style XML alike; MSBuild properties other than $(MSBuildThisFileDirectory) mean "outside the repository".
    private static IEnumerable<string> References(string project)
    {
        foreach (XElement element in XDocument.Load(project).Descendants())
        {
            string? path = element.Name.LocalName switch
            {
                "ProjectReference" or "Compile" => element.Attribute("Include")?.Value,
                "Import" => element.Attribute("Project")?.Value,
                _ => null,
            };
            if (path is null)
            {
                continue;
            }

            path = path.Replace("$(MSBuildThisFileDirectory)", string.Empty, StringComparison.Ordinal).Replace('\\', '/');
            if (path.Contains("$(", StringComparison.Ordinal))
            {
                continue;
            }

            int wildcard = path.IndexOf('*', StringComparison.Ordinal);
            yield return wildcard >= 0 ? path[..wildcard] : path;
        }
    }
}
