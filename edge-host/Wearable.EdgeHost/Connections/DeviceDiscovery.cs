using System.Text.Json;

namespace Wearable.EdgeHost.Connections;

/// <summary>A device found by <see cref="DeviceDiscovery"/>: how to connect and what is known about it.</summary>
public sealed record DiscoveredDevice(string Connection, string Kind, string Description);

/// <summary>
/// Finds devices without opening them: USB serial adapters (<c>/dev/ttyUSB*</c>, <c>/dev/ttyACM*</c>) and
/// running virtual devices, which announce themselves with a small JSON file under
/// <c>$XDG_RUNTIME_DIR/wearable-devices/</c> (or the temp folder) while they run.
/// </summary>
public static class DeviceDiscovery
{
    /// <summary>Where virtual devices write their announcement files.</summary>
    public static string AnnouncementFolder()
    {
        string? runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        return Path.Combine(string.IsNullOrEmpty(runtime) ? Path.GetTempPath() : runtime, "wearable-devices");
    }

    public static IReadOnlyList<DiscoveredDevice> Find(string devFolder = "/dev")
    {
        var found = new List<DiscoveredDevice>();
        if (Directory.Exists(devFolder))
        {
            foreach (string pattern in new[] { "ttyUSB*", "ttyACM*" })
            {
                foreach (string port in Directory.EnumerateFileSystemEntries(devFolder, pattern).Order(StringComparer.Ordinal))
                {
                    found.Add(new DiscoveredDevice("serial://" + port + "?baud=" + ConnectionString.DefaultBaud, "serial", "USB serial port " + Path.GetFileName(port)));
                }
            }
        }

        string folder = AnnouncementFolder();
        if (Directory.Exists(folder))
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                if (TryReadAnnouncement(file) is { } device)
                {
                    found.Add(device);
                }
            }
        }

        return found;
    }

    private static DiscoveredDevice? TryReadAnnouncement(string file)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
            JsonElement root = doc.RootElement;
            int pid = root.GetProperty("pid").GetInt32();
            if (OperatingSystem.IsLinux() && !Directory.Exists("/proc/" + pid))
            {
                return null; // its process is gone: a stale file left by a kill -9
            }

            string connection = root.GetProperty("connection").GetString() ?? string.Empty;
            string description = "virtual device (pid " + pid + ", " + root.GetProperty("channels").GetInt32() + " ch x "
                + root.GetProperty("sampleRate").GetInt32() + " Hz, " + root.GetProperty("source").GetString() + ")";
            return connection.Length == 0 ? null : new DiscoveredDevice(connection, "virtual", description);
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
