namespace Wearable.EdgeHost.Transports;

/// <summary>
/// The standard termios speeds (Linux Bxxx constants). Rates outside this table would need termios2/BOTHER,
/// which our devices do not use: their links run at one of these, 921600 by default.
/// </summary>
public static class BaudRates
{
    public const int Default = 921600;

    private static readonly (int Baud, uint Speed)[] s_table =
    [
        (50, 0x1), (75, 0x2), (110, 0x3), (134, 0x4), (150, 0x5), (200, 0x6), (300, 0x7), (600, 0x8),
        (1200, 0x9), (1800, 0xA), (2400, 0xB), (4800, 0xC), (9600, 0xD), (19200, 0xE), (38400, 0xF),
        (57600, 0x1001), (115200, 0x1002), (230400, 0x1003), (460800, 0x1004), (500000, 0x1005),
        (576000, 0x1006), (921600, 0x1007), (1000000, 0x1008), (1152000, 0x1009), (1500000, 0x100A),
        (2000000, 0x100B), (2500000, 0x100C), (3000000, 0x100D), (3500000, 0x100E), (4000000, 0x100F),
    ];

    /// <summary>All baud rates the transport accepts, ascending.</summary>
    public static IReadOnlyList<int> Supported { get; } = s_table.Select(e => e.Baud).ToArray();

    /// <summary>The Linux speed_t constant for <paramref name="baud"/>, e.g. 921600 -> 0x1007 (B921600).</summary>
    public static bool TryGetSpeed(int baud, out uint speed)
    {
        foreach (var (b, s) in s_table)
        {
            if (b == baud)
            {
                speed = s;
                return true;
            }
        }

        speed = 0;
        return false;
    }

    /// <summary>The baud rate of a Linux speed_t constant; -1 when it is not a standard one.</summary>
    public static int FromSpeed(uint speed)
    {
        foreach (var (b, s) in s_table)
        {
            if (s == speed)
            {
                return b;
            }
        }

        return -1;
    }
}
