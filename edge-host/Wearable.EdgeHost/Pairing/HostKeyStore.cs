using System.Security.Cryptography;
using System.Text.Json;

namespace Wearable.EdgeHost.Pairing;

/// <summary>
/// The host's identity and its per-device pairing keys, kept in the user's configuration directory
/// (<c>$XDG_CONFIG_HOME/wearable</c> or <c>~/.config/wearable</c>). Key files are created with mode 0600
/// and the folder with 0700: a key lets anyone who reads it stream from and reprogram the device.
/// </summary>
public sealed class HostKeyStore
{
    /// <summary>Bytes in a host id (matches the link's HostId field).</summary>
    public const int HostIdLength = 16;

    /// <summary>Bytes in a pairing secret (the HMAC-SHA256 key).</summary>
    public const int SecretLength = 32;

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public HostKeyStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    /// <summary>The folder holding <c>host-id</c> and <c>devices/*.json</c>.</summary>
    public string Directory { get; }

    /// <summary>The store in the user's configuration directory (honours <c>WEARABLE_CONFIG_DIR</c> for tests and CI).</summary>
    public static HostKeyStore ForCurrentUser()
    {
        string? explicitDir = Environment.GetEnvironmentVariable("WEARABLE_CONFIG_DIR");
        if (!string.IsNullOrEmpty(explicitDir))
        {
            return new HostKeyStore(explicitDir);
        }

        string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        string baseDir = !string.IsNullOrEmpty(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return new HostKeyStore(Path.Combine(baseDir, "wearable"));
    }

    /// <summary>This host's id, created (random) on first use and kept thereafter.</summary>
    public byte[] GetOrCreateHostId()
    {
        string path = Path.Combine(EnsureFolder(), "host-id");
        if (File.Exists(path))
        {
            byte[] id = Convert.FromHexString(File.ReadAllText(path).Trim());
            if (id.Length != HostIdLength)
            {
                throw new InvalidDataException($"{path} holds {id.Length} bytes, expected a {HostIdLength}-byte hex host id: delete it to make a new one (and pair again).");
            }

            return id;
        }

        byte[] created = RandomNumberGenerator.GetBytes(HostIdLength);
        WritePrivate(path, Convert.ToHexString(created));
        return created;
    }

    /// <summary>A fresh secret for pairing with a device; call <see cref="Save"/> once the device accepted it.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretLength);

    /// <summary>Remembers (or replaces) the key for a device.</summary>
    public void Save(PairedDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Secret.Length != SecretLength)
        {
            throw new ArgumentException($"A pairing secret is {SecretLength} bytes, got {device.Secret.Length}.", nameof(device));
        }

        var record = new StoredDevice(device.DeviceId, Convert.ToBase64String(device.Secret), device.PairedAt, device.Name);
        WritePrivate(DevicePath(device.DeviceId), JsonSerializer.Serialize(record));
    }

    /// <summary>The stored pairing for <paramref name="deviceId"/>, or null when the host never paired with it.</summary>
    public PairedDevice? Find(string deviceId)
    {
        string path = DevicePath(deviceId);
        if (!File.Exists(path))
        {
            return null;
        }

        StoredDevice stored;
        try
        {
            stored = JsonSerializer.Deserialize<StoredDevice>(File.ReadAllText(path))
                ?? throw new InvalidDataException("empty record");
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw new InvalidDataException($"Pairing record {path} is damaged ({ex.Message}): run 'wearable unpair {deviceId}' and pair again.", ex);
        }

        return new PairedDevice(stored.DeviceId, Convert.FromBase64String(stored.Secret), stored.PairedAt, stored.Name);
    }

    /// <summary>Forgets a device; returns false when it was not paired.</summary>
    public bool Remove(string deviceId)
    {
        string path = DevicePath(deviceId);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Every paired device, by id.</summary>
    public IReadOnlyList<PairedDevice> List()
    {
        string folder = Path.Combine(Directory, "devices");
        if (!System.IO.Directory.Exists(folder))
        {
            return Array.Empty<PairedDevice>();
        }

        return System.IO.Directory.EnumerateFiles(folder, "*.json")
            .Select(f => Find(Path.GetFileNameWithoutExtension(f)))
            .OfType<PairedDevice>()
            .OrderBy(d => d.DeviceId, StringComparer.Ordinal)
            .ToArray();
    }

    private string DevicePath(string deviceId)
    {
        if (string.IsNullOrEmpty(deviceId) || deviceId.Length > 64 || !deviceId.All(Uri.IsHexDigit))
        {
            throw new ArgumentException($"Device id '{deviceId}' is not a hex string (as printed by 'wearable info').", nameof(deviceId));
        }

        return Path.Combine(EnsureFolder(), "devices", deviceId.ToLowerInvariant() + ".json");
    }

    private string EnsureFolder()
    {
        foreach (string folder in new[] { Directory, Path.Combine(Directory, "devices") })
        {
            if (!System.IO.Directory.Exists(folder))
            {
                System.IO.Directory.CreateDirectory(folder);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(folder, PrivateFolder);
                }
            }
        }

        return Directory;
    }

    // Written to a temporary file created 0600 and renamed, so the key is never readable by others,
    // not even for a moment, and a crash never leaves half a record.
    private static void WritePrivate(string path, string contents)
    {
        string temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFile;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(contents);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed record StoredDevice(string DeviceId, string Secret, DateTimeOffset PairedAt, string? Name);
}
