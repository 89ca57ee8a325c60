using System.Text.Json;

namespace Wearable.VirtualDevice.Board;

/// <summary>
/// While a virtual device runs, a small JSON file under <c>$XDG_RUNTIME_DIR/wearable-devices/</c> (or
/// <c>/tmp/wearable-devices/</c>) tells <c>wearable devices</c> how to reach it; it is removed on exit.
/// A file whose process is gone is stale and ignored by readers.
/// </summary>
public sealed class DiscoveryFile : IDisposable
{
    private DiscoveryFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>The folder discovery files live in.</summary>
    public static string Folder()
    {
        string? runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return System.IO.Path.Combine(string.IsNullOrEmpty(runtime) ? System.IO.Path.GetTempPath() : runtime, "wearable-devices");
    }

    /// <summary>Announces a running board; null when the folder cannot be written (discovery is best effort).</summary>
    public static DiscoveryFile? Write(VirtualBoard board, VirtualDeviceOptions options)
    {
        string connection = board.SlavePath ?? (board.Endpoint is { } e && e.StartsWith("tcp ", StringComparison.Ordinal) ? "tcp://" + e[4..] : string.Empty);
        if (connection.Length == 0)
        {
            return null;
        }

        try
        {
            string folder = Folder();
            Directory.CreateDirectory(folder);
            string path = System.IO.Path.Combine(folder, Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8] + ".json");
            var record = new
            {
                pid = Environment.ProcessId,
                connection,
                board = options.Board,
                channels = board.Source.Channels,
                sampleRate = board.Source.SampleRate,
                source = options.Source,
                started = DateTimeOffset.UtcNow,
            };
            File.WriteAllText(path, JsonSerializer.Serialize(record));
            return new DiscoveryFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
