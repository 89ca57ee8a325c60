using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.EdgeHost.Transports;
using Wearable.Kernels.Link;

namespace Wearable.EdgeHost.Connections;

/// <summary>
/// The one way to reach a device: turns a connection string into an open, then an authenticated
/// <see cref="DeviceLink"/>. The transport is chosen by the string's kind (serial or pty, TCP, sim://;
/// <see cref="Register"/> adds another); Hello, pairing and authentication with the key in
/// <see cref="Keys"/> are done here and nowhere else. DeviceSession, the HIL rig, every CLI verb and the
/// benchmarks connect through it.
/// </summary>
public sealed class DeviceConnector
{
    private readonly Dictionary<ConnectionKind, IDeviceTransport> _transports = new();

    /// <param name="keys">Where paired devices' keys are kept.</param>
    /// <param name="launcher">Starts devices for sim:// (null: <see cref="DeviceLaunchers.Simulated"/>).</param>
    public DeviceConnector(HostKeyStore keys, IDeviceLauncher? launcher = null)
    {
        Keys = keys ?? throw new ArgumentNullException(nameof(keys));
        Register(new SerialDeviceTransport());
        Register(new TcpDeviceTransport());
        Register(new LaunchedDeviceTransport(launcher));
        foreach (IDeviceTransport transport in DeviceTransports.Registered)
        {
            Register(transport);
        }
    }

    public HostKeyStore Keys { get; }

    /// <summary>How long each request waits for the device's reply.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When this host has no (valid) key for the device, pair on the spot and store the key: only works
    /// while the device's pairing window is open (a virtual device started by the caller opens one).
    /// </summary>
    public bool PairAutomatically { get; init; }

    /// <summary>Makes <paramref name="transport"/> the one used for its kind of connection string.</summary>
    public DeviceConnector Register(IDeviceTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transports[transport.Kind] = transport;
        return this;
    }

    /// <summary>Opens the transport (starting a device for sim://); nothing is said to the device yet.</summary>
    public DeviceLink Open(ConnectionString connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!_transports.TryGetValue(connection.Kind, out IDeviceTransport? transport))
        {
            throw new NotSupportedException($"No transport is registered for {connection.Kind} connections such as '{connection.Text}'.");
        }

        Stream stream = transport.Open(connection, cancellationToken, out LaunchedDevice? launched);
        return new DeviceLink(connection, new DeviceLinkClient(stream) { Timeout = RequestTimeout }, launched);
    }

    /// <summary>Open, Hello and authenticate; the link is closed again if any step fails.</summary>
    public DeviceLink Connect(ConnectionString connection, CancellationToken cancellationToken = default)
    {
        DeviceLink link = Open(connection, cancellationToken);
        try
        {
            Hello(link, cancellationToken);
            Authenticate(link, cancellationToken);
            return link;
        }
        catch
        {
            link.Dispose();
            throw;
        }
    }

    /// <summary>Asks the device who it is; the answer is kept in <see cref="DeviceLink.Info"/>.</summary>
    public DeviceInfoMessage Hello(DeviceLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        DeviceInfoMessage info = link.Client.Hello(cancellationToken);
        link.Info = info;
        return info;
    }

    /// <summary>Pairs this host with the device (its pairing window must be open) and stores the key.</summary>
    public PairedDevice Pair(DeviceLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        DeviceInfoMessage info = Hello(link, cancellationToken);
        var credentials = new HostCredentials(Keys.GetOrCreateHostId(), HostKeyStore.NewSecret());
        try
        {
            link.Client.Pair(credentials, cancellationToken);
        }
        catch (DeviceLinkException ex) when (ex.Code != LinkErrorCode.None)
        {
            throw new DeviceLinkException(ex.Code, LinkMessageType.PairRequest, "the device is not accepting pairing: press its pairing button (virtual device: 'p'), then run this again");
        }

        var paired = new PairedDevice(link.DeviceId, credentials.Secret, DateTimeOffset.UtcNow, info.GetBoardName());
        Keys.Save(paired);
        return paired;
    }

    /// <summary>
    /// Authenticates with the stored key (Hello first if it has not been said); pairs when there is no
    /// valid key and <see cref="PairAutomatically"/> allows it, else throws <see cref="DeviceNotPairedException"/>.
    /// </summary>
    public void Authenticate(DeviceLink link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        DeviceInfoMessage info = link.Info ?? Hello(link, cancellationToken);
        PairedDevice paired = Keys.Find(link.DeviceId) ?? PairOrRefuse(link, "this host has no key for it", cancellationToken);
        var credentials = new HostCredentials(Keys.GetOrCreateHostId(), paired.Secret);
        try
        {
            link.Client.Authenticate(credentials, info.DeviceId, cancellationToken);
        }
        catch (DeviceLinkException ex) when (ex.Code != LinkErrorCode.None)
        {
            paired = PairOrRefuse(link, "the device refused this host's key", cancellationToken);
            credentials = new HostCredentials(Keys.GetOrCreateHostId(), paired.Secret);
            link.Client.Authenticate(credentials, info.DeviceId, cancellationToken);
        }

        link.Credentials = credentials;
    }

    private PairedDevice PairOrRefuse(DeviceLink link, string why, CancellationToken cancellationToken) =>
        PairAutomatically ? Pair(link, cancellationToken) : throw new DeviceNotPairedException(link.Connection.Text, link.DeviceId, why);
}
