using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Transports;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Cli.Devices;

/// <summary>
/// Starts the virtual device in this process for <c>sim://</c> connections, for sessions and HIL rigs
/// alike; the one place a sim:// string's options are read. Query options: <c>seed</c>, <c>channels</c>,
/// <c>rate</c>, <c>source</c> (synthetic or a .dat/.csv path), <c>transport</c> (pty (default), inproc
/// or tcp), <c>fast=1</c> (device time as fast as the link drains), <c>baud</c> (UART cap),
/// <c>pairing</c> (seconds the pairing window is open, default 60), <c>flash</c> (flash file),
/// <c>board</c>, <c>model</c> (a model file run as HIL kernel model.example) and <c>perturb</c>
/// (the board's fault injection for the HIL rig self-test), <c>afe</c> (none, or ads1299: through a simulated ADS1299 and the real driver). Bad options are <see cref="ArgumentException"/>s.
/// </summary>
public sealed class VirtualDeviceLauncher : IDeviceLauncher
{
    public LaunchedDevice Launch(ConnectionString connection)
    {
        VirtualDeviceOptions options = OptionsFor(connection);
        string note = options.PerturbKernel is null ? string.Empty : ", perturbed kernel " + options.PerturbKernel;
        if (options.Transport == "inproc")
        {
            var link = InProcessLink.Create();
            VirtualBoard board;
            try
            {
                board = Start(connection, () => new VirtualBoard(options, link.Device));
            }
            catch
            {
                link.Dispose();
                throw;
            }

            return new LaunchedDevice(link.Host, new Owner(board, link), "virtual device (in-process" + note + ")") { Handle = board };
        }

        VirtualBoard served = Start(connection, () => new VirtualBoard(options));
        try
        {
            // The host end goes through the same transports as a user's connection string to that device.
            var address = ConnectionString.Parse(served.SlavePath ?? "tcp://127.0.0.1:" + served.Endpoint!.Split(':')[^1]);
            IDeviceTransport transport = address.Kind == ConnectionKind.Serial ? new SerialDeviceTransport() : new TcpDeviceTransport();
            Stream stream = transport.Open(address, CancellationToken.None, out _);
            return new LaunchedDevice(stream, served, "virtual device (" + served.Endpoint + note + ")") { Handle = served };
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
        string perturb = connection.GetString("perturb", string.Empty);
        string model = connection.GetString("model", string.Empty);
        var options = new VirtualDeviceOptions
        {
            Seed = connection.GetInt("seed", 1),
            Channels = connection.GetInt("channels", 16),
            SampleRate = connection.GetInt("rate", 2000),
            Source = connection.GetString("source", "synthetic") is { Length: > 0 } source ? source : "synthetic",
            Transport = connection.GetString("transport", "pty"),
            RealTime = connection.GetInt("fast", 0) == 0,
            Impairments = impairments,
            PairingWindow = TimeSpan.FromSeconds(connection.GetInt("pairing", 60)),
            FlashFile = connection.Options.TryGetValue("flash", out string? flash) ? flash : null,
            Board = connection.GetString("board", "virtual"),
            Afe = connection.GetString("afe", "none"),
            PerturbKernel = perturb.Length == 0 ? null : perturb,
            HilModelFile = model.Length == 0 ? null : model,
            Quiet = true,
        };
        options.Validate();
        return options;
    }

    private static VirtualBoard Start(ConnectionString connection, Func<VirtualBoard> create)
    {
        VirtualBoard board;
        try
        {
            board = create();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or Wearable.Kernels.Model.ModelFormatException)
        {
            throw new ArgumentException($"Cannot start the virtual device for '{connection.Text}': {ex.Message}", ex);
        }

        board.Start();
        return board;
    }

    private sealed class Owner(VirtualBoard board, InProcessLink link) : IDisposable
    {
        public void Dispose()
        {
            board.Dispose();
            link.Dispose();
        }
    }
}
