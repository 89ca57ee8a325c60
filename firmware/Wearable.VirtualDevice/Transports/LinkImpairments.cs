namespace Wearable.VirtualDevice.Transports;

/// <summary>
/// How the simulated link misbehaves. The bandwidth cap applies to both directions; drops and
/// corruption apply to device-to-host bytes (the stream under test); latency delays both.
/// </summary>
public sealed record LinkImpairments
{
    /// <summary>No impairment at all.</summary>
    public static LinkImpairments None { get; } = new();

    /// <summary>Bytes per second the line carries; 0 = unlimited.</summary>
    public int BytesPerSecond { get; init; }

    /// <summary>One-way delay added to every byte.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Probability that a device-to-host byte is lost.</summary>
    public double DropRate { get; init; }

    /// <summary>Probability that a device-to-host byte has bits flipped.</summary>
    public double CorruptionRate { get; init; }

    /// <summary>Seed of the drop/corruption choices, so a failing run can be replayed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A UART at <paramref name="baud"/> with 8N1 framing: 10 bit times per byte.</summary>
    public static int UartBytesPerSecond(int baud) => baud / 10;

    /// <summary>
    /// Application throughput of a BLE link in bytes per second: "esp32" = original ESP32 with NimBLE
    /// (~340 kbit/s), "1m" = LE 1M PHY with data length extension (~700 kbit/s), "2m" = LE 2M PHY
    /// (~1.4 Mbit/s). docs/virtual-device.md gives the sources.
    /// </summary>
    public static int BleBytesPerSecond(string profile) => profile switch
    {
        "esp32" => 340_000 / 8,
        "1m" => 700_000 / 8,
        "2m" => 1_400_000 / 8,
        _ => throw new ArgumentException($"Unknown BLE profile '{profile}': use esp32, 1m or 2m.", nameof(profile)),
    };

    public bool IsNone => BytesPerSecond == 0 && Latency == TimeSpan.Zero && DropRate == 0 && CorruptionRate == 0;
}
