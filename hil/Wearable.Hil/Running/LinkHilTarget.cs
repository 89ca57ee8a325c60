using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Transports;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;

namespace Wearable.Hil.Running;

/// <summary>
/// A device over the link: HilRun out, HilResult back, timed by the device's own clock.
/// <c>sim://</c> starts a virtual board in this process on a real pseudo-terminal and talks to it
/// through /dev/pts/N exactly as to a serial board (pairing armed by the board's pairing window, fresh
/// credentials); other connection strings open the port and authenticate with the key stored by
/// 'wearable pair' (HostKeyStore, device id as lowercase hex).
/// </summary>
public sealed class LinkHilTarget : IHilTarget
{
    private readonly VirtualBoard? _board;
    private readonly DeviceLinkClient _client;
    private readonly HilRunMessage _run = new();
    private readonly HilResultMessage _result = new();

    private LinkHilTarget(VirtualBoard? board, DeviceLinkClient client, string description)
    {
        _board = board;
        _client = client;
        Description = description;
    }

    public string Description { get; }

    /// <summary>The /dev/pts/N the simulated board listens on (null for real devices).</summary>
    public string? PseudoTerminal => _board?.SlavePath;

    public static LinkHilTarget Connect(string connection, TimeSpan timeout, HostKeyStore? keys = null)
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
            ConnectionKind.Simulated => ConnectSimulated(parsed, timeout),
            ConnectionKind.Serial => ConnectStream(SerialTransport.Open(parsed.Target, new SerialSettings { BaudRate = parsed.Baud }), parsed.Text, timeout, keys),
            _ => throw new HilTargetException($"Rig target '{connection}': HIL runs over serial ports and sim:// (TCP is not supported by the rig)."),
        };
    }

    private static LinkHilTarget ConnectSimulated(ConnectionString parsed, TimeSpan timeout)
    {
        parsed.Options.TryGetValue("perturb", out string? perturb);
        var options = new VirtualDeviceOptions
        {
            Transport = "pty",
            Quiet = true,
            Seed = parsed.GetInt("seed", 1),
            Channels = parsed.GetInt("channels", 16),
            SampleRate = parsed.GetInt("rate", 2000),
            PairingWindow = TimeSpan.FromMinutes(10),
            PerturbKernel = string.IsNullOrEmpty(perturb) ? null : perturb,
        };
        VirtualBoard board;
        try
        {
            board = new VirtualBoard(options);
        }
        catch (ArgumentException ex)
        {
            throw new HilTargetException($"Cannot start the virtual device: {ex.Message}");
        }

        try
        {
            board.Start();
            var client = new DeviceLinkClient(SerialTransport.Open(board.SlavePath!)) { Timeout = timeout };
            DeviceInfoMessage info = client.Hello();
            HostCredentials credentials = HostCredentials.Create();
            client.Pair(credentials);
            client.Authenticate(credentials, info.DeviceId);
            string perturbNote = options.PerturbKernel is null ? string.Empty : ", perturbed kernel " + options.PerturbKernel;
            return new LinkHilTarget(board, client, $"virtual device on {board.SlavePath} ({info.GetBoardName()} firmware {info.FirmwareMajor}.{info.FirmwareMinor}.{info.FirmwarePatch}{perturbNote})");
        }
        catch
        {
            board.Dispose();
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
