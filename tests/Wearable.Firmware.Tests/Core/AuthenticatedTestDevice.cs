using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Firmware.Tests.Core;

/// <summary>A firmware core on a fast virtual clock with a synthetic ADC, paired and authenticated through a scripted host.</summary>
internal static class AuthenticatedTestDevice
{
    public static (FirmwareDevice Device, ScriptedHost Host, VirtualClock Clock) Create(int channels = 16, int sampleRate = 2000)
    {
        var clock = VirtualClock.Fast();
        var host = new ScriptedHost();
        var board = new DeviceBoard(
            BoardProfile.Esp32(),
            new byte[16],
            new SyntheticSource(clock, channels, sampleRate, 3),
            host,
            clock,
            new FlashFile(null, 4096, 2, 1024, 8),
            new SilentStatus(),
            new AlwaysOpenButton(),
            new SystemEntropy());
        var device = new FirmwareDevice(board, new DeviceConfiguration());
        device.Boot();

        byte[] hostId = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        byte[] secret = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();
        var pair = new PairRequestMessage();
        hostId.CopyTo(pair.HostId, 0);
        secret.CopyTo(pair.HostSecret, 0);
        host.Send(pair);
        var begin = new AuthBeginMessage();
        hostId.CopyTo(begin.HostId, 0);
        host.Send(begin);
        device.Poll();
        var challenge = new AuthChallengeMessage();
        Assert.True(host.TryTake(challenge));

        var response = new AuthResponseMessage();
        new LinkAuthenticator().ComputeHostProof(secret, challenge.DeviceNonce, response.HostNonce, hostId, response.Proof, 0);
        host.Send(response);
        device.Poll();
        Assert.True(device.IsAuthenticated);
        return (device, host, clock);
    }
}
