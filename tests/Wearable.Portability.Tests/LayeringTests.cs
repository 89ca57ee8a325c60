using System.Xml.Linq;
using Wearable.TestSupport;

namespace Wearable.Portability.Tests;

/// <summary>
/// Arrows point down only (docs/architecture.md): tools -> hil -> edge-host -> shared-kernels,
/// firmware -> shared-kernels. A project reference that points up or sideways fails here, naming both ends.
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
        foreach (string project in Directory.EnumerateFiles(RepositoryPaths.Root, "*.csproj", SearchOption.AllDirectories))
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

            foreach (XElement reference in XDocument.Load(project).Descendants("ProjectReference"))
            {
                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
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
}
