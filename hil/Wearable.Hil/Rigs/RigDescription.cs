using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wearable.Hil.Rigs;

/// <summary>
/// A HIL rig file (<c>hil/rigs/*.json</c>): which device to reach and how, and which golden suites to run
/// on it. See docs/hil.md for the format.
/// </summary>
public sealed class RigDescription
{
    /// <summary>Human name shown in reports.</summary>
    public required string Name { get; init; }

    /// <summary>Connection string of the target (serial:///dev/ttyUSB0?baud=921600, /dev/pts/N, tcp://..., sim://...).</summary>
    public required string Target { get; init; }

    /// <summary>Board profile expected on the target (checked against its DeviceInfo).</summary>
    public string? Board { get; init; }

    /// <summary>Timeout for one vector, milliseconds.</summary>
    public int VectorTimeoutMs { get; init; } = 5000;

    /// <summary>Timeout for connecting and authenticating, milliseconds.</summary>
    public int ConnectTimeoutMs { get; init; } = 10000;

    /// <summary>Suite files, relative to the rig file (globs not allowed: a rig says exactly what it runs).</summary>
    public required IReadOnlyList<string> Suites { get; init; }

    /// <summary>Folder of the rig file, to resolve suite paths.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; private set; } = ".";

    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and validates a rig file; errors name the file and the field.</summary>
    public static RigDescription Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RigFileException(path, $"the rig file does not exist (rigs live in hil/rigs/, e.g. hil/rigs/virtual.json)");
        }

        RigDescription? rig;
        try
        {
            rig = JsonSerializer.Deserialize<RigDescription>(File.ReadAllText(path), s_options);
        }
        catch (JsonException ex)
        {
            throw new RigFileException(path, $"it is not a valid rig description: {ex.Message}");
        }

        if (rig is null)
        {
            throw new RigFileException(path, "it is empty");
        }

        rig.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        rig.Validate(path);
        return rig;
    }

    /// <summary>Absolute paths of the suites.</summary>
    public IEnumerable<string> SuitePaths() => Suites.Select(s => Path.GetFullPath(Path.Combine(BaseDirectory, s)));

    private void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new RigFileException(path, "'name' is empty");
        }

        if (string.IsNullOrWhiteSpace(Target))
        {
            throw new RigFileException(path, "'target' is empty: give a connection string such as sim:// or serial:///dev/ttyUSB0?baud=921600");
        }

        if (VectorTimeoutMs <= 0 || ConnectTimeoutMs <= 0)
        {
            throw new RigFileException(path, "timeouts must be positive milliseconds");
        }

        if (Suites.Count == 0)
        {
            throw new RigFileException(path, "'suites' is empty: list at least one suite file");
        }

        foreach (string suite in SuitePaths())
        {
            if (!File.Exists(suite))
            {
                throw new RigFileException(path, $"suite {suite} does not exist (regenerate suites with 'wearable hil generate')");
            }
        }
    }
}
