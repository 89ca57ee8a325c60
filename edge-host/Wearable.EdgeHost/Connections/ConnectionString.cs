using System.Globalization;
using Wearable.EdgeHost.Transports;

namespace Wearable.EdgeHost.Connections;

/// <summary>
/// Where a device is, written the way users type it: <c>serial:///dev/ttyUSB0?baud=921600</c>, a bare
/// path such as <c>/dev/pts/3</c>, <c>tcp://127.0.0.1:5555</c>, <c>ble://AA:BB:CC:DD:EE:FF</c> (a BLE device by address), or <c>sim://?seed=7&amp;channels=16&amp;rate=2000</c>
/// for an in-process virtual device. Query parameters carry transport options.
/// </summary>
public sealed class ConnectionString
{
    /// <summary>The baud rate used when a serial connection string names none (the link budget's UART rate).</summary>
    public const int DefaultBaud = SerialSettings.DefaultBaudRate;

    private readonly Dictionary<string, string> _options;

    private ConnectionString(string text, ConnectionKind kind, string target, Dictionary<string, string> options)
    {
        Text = text;
        Kind = kind;
        Target = target;
        _options = options;
    }

    /// <summary>The string as given.</summary>
    public string Text { get; }

    public ConnectionKind Kind { get; }

    /// <summary>The device path (serial), host:port (TCP), the upper-case Bluetooth address (BLE) or the empty string (simulated).</summary>
    public string Target { get; }

    /// <summary>Query options, e.g. <c>baud</c>, <c>seed</c>, <c>channels</c>.</summary>
    public IReadOnlyDictionary<string, string> Options => _options;

    /// <summary>The serial baud rate (only for <see cref="ConnectionKind.Serial"/>).</summary>
    public int Baud => GetInt("baud", DefaultBaud);

    /// <summary>The TCP host (only for <see cref="ConnectionKind.Tcp"/>).</summary>
    public string Host => Target[..Target.LastIndexOf(':')];

    /// <summary>The TCP port (only for <see cref="ConnectionKind.Tcp"/>).</summary>
    public int Port => int.Parse(Target[(Target.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    /// <summary>An integer option, or <paramref name="fallback"/> when absent.</summary>
    public int GetInt(string name, int fallback)
    {
        if (!_options.TryGetValue(name, out string? value))
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed))
        {
            throw new FormatException($"Connection '{Text}': option {name}={value} is not an integer.");
        }

        return parsed;
    }

    /// <summary>A string option, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback) => _options.TryGetValue(name, out string? value) ? value : fallback;

    /// <summary>Parses a connection string; throws <see cref="FormatException"/> saying what is wrong and what a valid one looks like.</summary>
    public static ConnectionString Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(text ?? string.Empty, "it is empty");
        }

        text = text.Trim();
        if (text.StartsWith('/'))
        {
            return Build(text, ConnectionKind.Serial, text, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        }

        int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            throw Invalid(text, "it has no scheme");
        }

        string scheme = text[..schemeEnd].ToLowerInvariant();
        string rest = text[(schemeEnd + 3)..];
        string query = string.Empty;
        int queryStart = rest.IndexOf('?');
        if (queryStart >= 0)
        {
            query = rest[(queryStart + 1)..];
            rest = rest[..queryStart];
        }

        Dictionary<string, string> options = ParseQuery(text, query);
        return scheme switch
        {
            "serial" => Build(text, ConnectionKind.Serial, rest, options),
            "tcp" => Build(text, ConnectionKind.Tcp, rest, options),
            "sim" => Build(text, ConnectionKind.Simulated, rest, options),
            "ble" => Build(text, ConnectionKind.Ble, rest.ToUpperInvariant(), options),
            _ => throw Invalid(text, $"the scheme '{scheme}' is unknown"),
        };
    }

    public override string ToString() => Text;

    private static ConnectionString Build(string text, ConnectionKind kind, string target, Dictionary<string, string> options)
    {
        switch (kind)
        {
            case ConnectionKind.Serial:
                if (!target.StartsWith('/'))
                {
                    throw Invalid(text, $"the serial device '{target}' is not an absolute path such as /dev/ttyUSB0");
                }

                break;
            case ConnectionKind.Tcp:
                int colon = target.LastIndexOf(':');
                if (colon <= 0 || !int.TryParse(target[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
                {
                    throw Invalid(text, $"'{target}' is not host:port with a port 1..65535");
                }

                break;
            case ConnectionKind.Ble:
                if (!IsBluetoothAddress(target))
                {
                    throw Invalid(text, $"'{target}' is not a Bluetooth address such as AA:BB:CC:DD:EE:FF ('wearable devices --ble' lists them)");
                }

                break;
        }

        var connection = new ConnectionString(text, kind, target, options);
        if (kind == ConnectionKind.Serial && options.ContainsKey("baud") && connection.Baud <= 0)
        {
            throw Invalid(text, $"baud={connection.Baud} is not a positive number of bits per second");
        }

        return connection;
    }

    private static bool IsBluetoothAddress(string target) =>
        target.Length == 17 && target.Split(':') is { Length: 6 } parts && parts.All(part => part.Length == 2 && part.All(char.IsAsciiHexDigit));

    private static Dictionary<string, string> ParseQuery(string text, string query)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw Invalid(text, $"the option '{pair}' is not name=value");
            }

            options[Uri.UnescapeDataString(pair[..equals])] = Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return options;
    }

    private static FormatException Invalid(string text, string why) => new(
        $"Connection '{text}' is not valid: {why}. Use serial:///dev/ttyUSB0?baud=921600, a device path such as /dev/pts/3, " +
        "tcp://127.0.0.1:5555, ble://AA:BB:CC:DD:EE:FF or sim://?seed=1&channels=16&rate=2000.");
}
