using System.Net.Sockets;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Transports;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Cli.Devices;

/// <summary>
/// Starts the virtual device in this process for <c>sim://</c> connections. Query options:
/// <c>seed</c>, <c>channels</c>, <c>rate</c>, <c>source</c> (synthetic or a .dat/.csv path),
/// <c>transport</c> (pty (default), inproc or tcp), <c>fast=1</c> (device time as fast as the link
/// drains), <c>baud</c> (UART cap), <c>pairing</c> (seconds the pairing window is open, default 60),
/// <c>flash</c> (flash file), <c>board</c>, <c>afe</c> (none, or ads1299: through a simulated ADS1299 and the real driver).
/// </summary>
public sealed class VirtualDeviceLauncher : IDeviceLauncher
{
    public LaunchedDevice Launch(ConnectionString connection)
    {
        VirtualDeviceOptions options = OptionsFor(connection);
        if (options.Transport == "inproc")
        {
            var link = InProcessPipes.Create();
            VirtualBoard board;
            try
            {
                board = new VirtualBoard(options, link.Device);
            }
            catch
            {
                link.Dispose();
                throw;
            }

            board.Start();
            return new LaunchedDevice(link.Host, new Owner(board, link), "virtual device (in-process)") { Handle = board };
        }

        var served = new VirtualBoard(options);
        served.Start();
        try
        {
            Stream stream = served.SlavePath is { } pty
                ? SerialTransport.Open(pty)
                : new TcpClient("127.0.0.1", int.Parse(served.Endpoint!.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture)) { NoDelay = true }.GetStream();
            return new LaunchedDevice(stream, served, "virtual device (" + served.Endpoint + ")") { Handle = served };
        }
        catch
        {
            served.Dispose();
            throw;
        }
    }

    /// <summary>The virtual device's options for a sim:// connection string.</summary>
    public static VirtualDeviceOptions OptionsFor(ConnectionString connection)
    {
        int baud = connection.GetInt("baud", 0);
        var impairments = baud > 0 ? LinkImpairments.None with { BytesPerSecond = LinkImpairments.UartBytesPerSecond(baud) } : LinkImpairments.None;
        var options = new VirtualDeviceOptions
        {
            Seed = connection.GetInt("seed", 1),
            Channels = connection.GetInt("channels", 16),
            SampleRate = connection.GetInt("rate", 2000),
            Source = connection.GetString("source", "synthetic"),
            Transport = connection.GetString("transport", "pty"),
            RealTime = connection.GetInt("fast", 0) == 0,
            Impairments = impairments,
            PairingWindow = TimeSpan.FromSeconds(connection.GetInt("pairing", 60)),
            FlashFile = connection.Options.TryGetValue("flash", out string? flash) ? flash : null,
            Board = connection.GetString("board", "virtual"),
            Afe = connection.GetString("afe", "none"),
            Quiet = true,
        };
        options.Validate();
        return options;
    }

    private sealed class Owner(VirtualBoard board, InProcessPipes link) : IDisposable
    {
        public void Dispose()
        {
            board.Dispose();
            link.Dispose();
        }
    }
}
