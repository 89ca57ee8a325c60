using System.Text.Json;

namespace Wearable.EdgeHost.Calibration;

/// <summary>A saved calibration run (JSON in the config dir, one file per device and kind).</summary>
public sealed record CalibrationRecord(string DeviceId, string Kind, DateTimeOffset At, int SampleRate, EmgChannelCalibration[]? Emg, EegChannelContact[]? Eeg);

/// <summary>Keeps calibration results beside the pairing keys: <c>calibration/&lt;device&gt;-&lt;kind&gt;.json</c>.</summary>
public sealed class CalibrationResults
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public CalibrationResults(string configDirectory)
    {
        Folder = Path.Combine(configDirectory, "calibration");
    }

    public string Folder { get; }

    public string Save(CalibrationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(Folder);
        string path = PathFor(record.DeviceId, record.Kind);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, Options));
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    public CalibrationRecord? Load(string deviceId, string kind)
    {
        string path = PathFor(deviceId, kind);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CalibrationRecord>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Calibration file {path} is damaged ({ex.Message}): delete it and calibrate again.", ex);
        }
    }

    private string PathFor(string deviceId, string kind)
    {
        if (string.IsNullOrEmpty(deviceId) || !deviceId.All(Uri.IsHexDigit) || kind is not ("emg" or "eeg"))
        {
            throw new ArgumentException($"Device id '{deviceId}' must be hex and kind 'emg' or 'eeg' (got '{kind}').");
        }

        return Path.Combine(Folder, deviceId.ToLowerInvariant() + "-" + kind + ".json");
    }
}
