using System.Text.Json;

namespace Wearable.EdgeHost.Boards;

/// <summary>
/// One board as data (firmware/boards/*/board*.json): its budgets, its front end and how it is wired,
/// and its link. The firmware build, the HIL rig check and docs/boards.md read these; the firmware's
/// BoardProfile carries the same budgets for the device itself, and a test keeps the two equal.
/// </summary>
public sealed record BoardDefinition(
    string Name,
    string ReportedName,
    string Title,
    string Runtime,
    BoardMemory Memory,
    int MaxChannels,
    int MaxSampleRate,
    BoardFrontEnd? FrontEnd,
    BoardLink Link,
    string? PairingButtonPin)
{
    /// <summary>Parses one board file; <see cref="InvalidDataException"/> names the file and the field.</summary>
    public static BoardDefinition Parse(string json, string source)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            JsonElement memory = root.GetProperty("memory");
            JsonElement limits = root.GetProperty("limits");
            JsonElement link = root.GetProperty("link");
            JsonElement afe = root.GetProperty("afe");
            return new BoardDefinition(
                root.GetProperty("name").GetString()!,
                root.GetProperty("reportedName").GetString()!,
                root.GetProperty("title").GetString()!,
                root.GetProperty("runtime").GetString()!,
                new BoardMemory(
                    memory.GetProperty("bufferRamBytes").GetInt32(),
                    memory.GetProperty("maxArrayBytes").GetInt32(),
                    memory.GetProperty("flashBytes").GetInt64(),
                    memory.GetProperty("modelFlashBytes").GetInt32()),
                limits.GetProperty("maxChannels").GetInt32(),
                limits.GetProperty("maxSampleRate").GetInt32(),
                afe.ValueKind == JsonValueKind.Null ? null : FrontEndOf(afe),
                new BoardLink(link.GetProperty("kind").GetString()!, Pin(link, "port"), link.TryGetProperty("baud", out JsonElement baud) ? baud.GetInt32() : 0),
                Pin(root, "pairingButtonPin"));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"Board description {source} is malformed: {ex.Message}", ex);
        }
    }

    private static BoardFrontEnd FrontEndOf(JsonElement afe)
    {
        JsonElement spi = afe.GetProperty("spi");
        return new BoardFrontEnd(
            afe.GetProperty("chip").GetString()!,
            afe.GetProperty("devices").GetInt32(),
            afe.GetProperty("sampleRate").GetInt32(),
            new BoardSpiWiring(Pin(spi, "bus")!, Pin(spi, "chipSelect")!, spi.GetProperty("mode").GetInt32(), spi.GetProperty("clockHz").GetInt32(), Pin(spi, "sck")!, Pin(spi, "miso")!, Pin(spi, "mosi")!),
            Pin(afe, "drdyPin")!);
    }

    /// <summary>A pin or port as written: a GPIO number (ESP32, Raspberry Pi) or a name (Meadow's "D13").</summary>
    private static string? Pin(JsonElement parent, string name) =>
        !parent.TryGetProperty(name, out JsonElement value) ? null : value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => value.GetString(),
        };
}

/// <summary>Budgets: buffer RAM the core may use, the largest single array, flash, and the largest model file a slot keeps.</summary>
public sealed record BoardMemory(int BufferRamBytes, int MaxArrayBytes, long FlashBytes, int ModelFlashBytes);

/// <summary>The analog front end: chip, chips in chain, default data rate, SPI wiring and the DRDY pin.</summary>
public sealed record BoardFrontEnd(string Chip, int Devices, int SampleRate, BoardSpiWiring Spi, string DataReadyPin);

/// <summary>SPI bus, chip select, mode (the ADS1299 needs 1), clock and the three signal pins.</summary>
public sealed record BoardSpiWiring(string Bus, string ChipSelect, int Mode, int ClockHz, string Clock, string Miso, string Mosi);

/// <summary>How the host reaches the board: uart (port, baud), tcp (port) or pty.</summary>
public sealed record BoardLink(string Kind, string? Port, int Baud);
