using System.Reflection;

namespace Wearable.EdgeHost.Boards;

/// <summary>Every board description shipped with the host (firmware/boards/*/board*.json, embedded at build time).</summary>
public static class BoardCatalog
{
    private static readonly Lazy<IReadOnlyList<BoardDefinition>> Boards = new(Load);

    public static IReadOnlyList<BoardDefinition> All => Boards.Value;

    /// <summary>The board called <paramref name="name"/> (its --board name or the name its DeviceInfo reports), or null.</summary>
    public static BoardDefinition? Find(string name) =>
        All.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(b.ReportedName, name, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<BoardDefinition> Load()
    {
        Assembly assembly = typeof(BoardCatalog).Assembly;
        var boards = new List<BoardDefinition>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith("boards/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            boards.Add(BoardDefinition.Parse(reader.ReadToEnd(), resource));
        }

        return boards;
    }
}
