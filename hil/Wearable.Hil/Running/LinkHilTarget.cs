using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

namespace Wearable.Hil.Running;

/// <summary>
/// A device over the link: HilRun out, HilResult back, timed by the device's own clock. It connects
/// through <see cref="DeviceConnector"/> like every other client, so any connection string works
/// (serial port, pty, TCP, <c>sim://</c>): real devices authenticate with the key stored by
/// 'wearable pair'; a <c>sim://</c> device is started by the launcher with its pairing window open and
/// is paired on the spot.
/// </summary>
public sealed class LinkHilTarget : IHilTarget
{
    private readonly DeviceLink _link;
    private readonly HilRunMessage _run = new();
    private readonly HilResultMessage _result = new();

    private LinkHilTarget(DeviceLink link)
    {
        _link = link;
    }

    public string Description => _link.Summary;

    public string? BoardName => _link.Info?.GetBoardName();

    /// <summary>The authenticated link, for streaming comparisons.</summary>
    public DeviceLinkClient Client => _link.Client;

    /// <param name="connection">Any connection string the connector accepts.</param>
    /// <param name="timeout">How long each request waits for the device.</param>
    /// <param name="launcher">Starts sim:// devices (the CLI's virtual device).</param>
    /// <param name="keys">Paired keys (default: the current user's).</param>
    public static LinkHilTarget Connect(string connection, TimeSpan timeout, IDeviceLauncher? launcher = null, HostKeyStore? keys = null)
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

        var connector = new DeviceConnector(keys ?? HostKeyStore.ForCurrentUser(), launcher)
        {
            RequestTimeout = timeout,
            PairAutomatically = parsed.Kind == ConnectionKind.Simulated,
        };
        try
        {
            return new LinkHilTarget(connector.Connect(parsed));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException)
        {
            throw new HilTargetException($"Rig target '{connection}': {ex.Message}");
        }
        catch (DeviceNotPairedException ex)
        {
            throw new HilTargetException($"Rig target '{connection}': {ex.Message}");
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
        _link.Client.Timeout = timeout;
        LinkReply reply;
        try
        {
            reply = _link.Client.Request(_run);
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

    public void Dispose() => _link.Dispose();
}
