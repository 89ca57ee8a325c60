using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Transports;
using Wearable.Kernels.Link;

namespace Wearable.Hil.Running;

/// <summary>
/// A device over the link: HilRun out, HilResult back, timed by the device's own clock.
/// <c>sim://</c> asks the launcher (the CLI's: a virtual board in this process on a real pseudo-terminal)
/// for a device and talks to it through /dev/pts/N exactly as to a serial board (its pairing window is
/// open, so fresh credentials are paired); other connection strings open the port and authenticate with the key stored by
/// 'wearable pair' (HostKeyStore, device id as lowercase hex).
/// </summary>
public sealed class LinkHilTarget : IHilTarget
{
    private readonly SimulatedDevice? _board;
    private readonly DeviceLinkClient _client;
    private readonly HilRunMessage _run = new();
    private readonly HilResultMessage _result = new();

    private LinkHilTarget(SimulatedDevice? board, DeviceLinkClient client, string description)
    {
        _board = board;
        _client = client;
        Description = description;
    }

    public string Description { get; }

    /// <summary>The /dev/pts/N the simulated board listens on (null for real devices).</summary>
    public string? PseudoTerminal => _board?.PseudoTerminal;

    /// <summary>The authenticated link, for streaming comparisons.</summary>
    public DeviceLinkClient Client => _client;

    public static LinkHilTarget Connect(string connection, TimeSpan timeout, SimulatedDeviceLauncher? launcher = null, HostKeyStore? keys = null)
    {
        ConnectionString parsed;
        try
        {
            parsed = ConnectionString.Parse(connection);
        }
        catch (FormatException ex)
        {
            throw new HilTargetException($"Rig target '{connection}' is not a connection string: {ex.Message}");
        }

        return parsed.Kind switch
        {
            ConnectionKind.Simulated => ConnectSimulated(parsed, timeout, launcher),
            ConnectionKind.Serial => ConnectStream(SerialTransport.Open(parsed.Target, new SerialSettings { BaudRate = parsed.Baud }), parsed.Text, timeout, keys),
            _ => throw new HilTargetException($"Rig target '{connection}': HIL runs over serial ports and sim:// (TCP is not supported by the rig)."),
        };
    }

    private static LinkHilTarget ConnectSimulated(ConnectionString parsed, TimeSpan timeout, SimulatedDeviceLauncher? launcher)
    {
        if (launcher is null)
        {
            throw new HilTargetException($"Rig target '{parsed.Text}' is a simulated device, but nothing here can start one (run it through the 'wearable' CLI).");
        }

        SimulatedDevice device = launcher(parsed);
        try
        {
            var client = new DeviceLinkClient(SerialTransport.Open(device.PseudoTerminal)) { Timeout = timeout };
            DeviceInfoMessage info = client.Hello();
            HostCredentials credentials = HostCredentials.Create();
            client.Pair(credentials);
            client.Authenticate(credentials, info.DeviceId);
            return new LinkHilTarget(device, client, $"virtual device on {device.PseudoTerminal} ({info.GetBoardName()} firmware {info.FirmwareMajor}.{info.FirmwareMinor}.{info.FirmwarePatch}{device.Note})");
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    private static LinkHilTarget ConnectStream(Stream stream, string text, TimeSpan timeout, HostKeyStore? keys)
    {
        var client = new DeviceLinkClient(stream) { Timeout = timeout };
        try
        {
            DeviceInfoMessage info = client.Hello();
            string deviceId = Convert.ToHexStringLower(info.DeviceId);
            keys ??= HostKeyStore.ForCurrentUser();
            PairedDevice paired = keys.Find(deviceId)
                ?? throw new HilTargetException($"This host is not paired with device {deviceId} on {text}: pair it first ('wearable pair {text}').");
            client.Authenticate(new HostCredentials(keys.GetOrCreateHostId(), paired.Secret), info.DeviceId);
            return new LinkHilTarget(null, client, $"{info.GetBoardName()} firmware {info.FirmwareMajor}.{info.FirmwareMinor}.{info.FirmwarePatch} on {text}");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public HilOutcome Run(string kernel, byte[] input, TimeSpan timeout)
    {
        if (input.Length + kernel.Length > HilRunMessage.MaxInputLength)
        {
            return HilOutcome.Failed($"input of {input.Length} bytes exceeds the link's HilRun limit");
        }

        _run.Target = HilRunMessage.TargetKernel;
        _run.SetName(kernel);
        Array.Copy(input, _run.Input, input.Length);
        _run.InputLength = input.Length;
        _client.Timeout = timeout;
        LinkReply reply;
        try
        {
            reply = _client.Request(_run);
        }
        catch (DeviceLinkException ex)
        {
            return HilOutcome.Failed(ex.Message);
        }

        if (reply.Type != LinkMessageType.HilResult)
        {
            return HilOutcome.Failed($"the device answered {reply.Type} instead of HilResult");
        }

        reply.Read(_result);
        if (_result.Status != LinkErrorCode.None)
        {
            return HilOutcome.Failed($"the device reported {_result.Status} for kernel '{kernel}'");
        }

        return new HilOutcome(_result.Output.AsSpan(0, _result.OutputLength).ToArray(), _result.ElapsedTicks, _result.TickFrequencyHz);
    }

    public void Dispose()
    {
        _client.Dispose();
        _board?.Dispose();
    }
}
