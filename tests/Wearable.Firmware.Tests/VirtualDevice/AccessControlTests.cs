using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Transports;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>
/// Pairing and access control over a real pseudo-terminal: an unpaired or unauthenticated host reads
/// device info and nothing else; pairing needs the device's button; a replayed authentication fails.
/// </summary>
public sealed class AccessControlTests
{
    private static VirtualDeviceOptions Options(bool pairingWindow) => new()
    {
        Channels = 4,
        SampleRate = 250,
        PairingWindow = pairingWindow ? TimeSpan.FromMinutes(5) : TimeSpan.Zero,
    };

    [Fact]
    public void An_unpaired_host_reads_device_info_and_nothing_else()
    {
        using var session = new PtySession(Options(pairingWindow: false));
        DeviceLinkClient client = session.Client;

        DeviceInfoMessage info = client.Hello();
        Assert.Equal(4, info.ChannelCount);
        Assert.Equal(250, info.SampleRateHz);
        Assert.Equal(0, info.Status & LinkDeviceStatus.Authenticated);

        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.StartStream(LinkStreamKind.Raw, 16, 0xF));
        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.Request(new CalibrationMessage { ChannelCount = 1 }));
        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.Request(new CalibrationGetMessage()));
        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.BeginModelUpload(0, 100, 0x12345678));
        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.Request(new ModelCommitMessage { Slot = 0, Crc32 = 1 }));
        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.GetConfig(LinkConfigKey.SampleRateHz));
        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.Request(new TimeSyncPingMessage { PingId = 1 }));
        AssertRefused(LinkErrorCode.NotPaired, () => client.BeginAuthentication(HostCredentials.Create().HostId));

        // Nothing leaked through: no stream started, no slot touched.
        Assert.Null(client.ReceiveBlock(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(-1, session.Board.Device.Slots.ActiveSlot);
        Assert.False(session.Board.Device.Slots.Uploading);
        Assert.Equal(7, session.Board.Device.Dispatcher.RefusedUnauthenticated);
    }

    [Fact]
    public void Pairing_is_refused_unless_the_pairing_button_is_active()
    {
        using var session = new PtySession(Options(pairingWindow: false));
        var host = HostCredentials.Create();
        DeviceInfoMessage info = session.Client.Hello();
        Assert.Equal(0, info.Status & LinkDeviceStatus.PairingArmed);
        AssertRefused(LinkErrorCode.PairingNotArmed, () => session.Client.Pair(host));
        Assert.Equal(0, session.Board.Device.Pairings.HostCount);

        session.Board.PairingButton.Press(TimeSpan.FromMinutes(1));
        session.Client.Pair(host);

        // One press pairs one host: a second pairing needs another deliberate act.
        AssertRefused(LinkErrorCode.PairingNotArmed, () => session.Client.Pair(HostCredentials.Create()));
        Assert.Equal(1, session.Board.Device.Pairings.HostCount);
        session.Client.Authenticate(host, info.DeviceId);
        session.Client.StartStream(LinkStreamKind.Raw, 10, 0xF);
        Assert.NotNull(session.Client.ReceiveBlock(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void A_replayed_authentication_is_refused_and_leaves_the_session_unauthenticated()
    {
        using var session = new PtySession(Options(pairingWindow: true));
        DeviceLinkClient client = session.Client;
        var host = HostCredentials.Create();
        DeviceInfoMessage info = client.Hello();
        client.Pair(host);

        // A genuine exchange, recorded by an eavesdropper.
        byte[] nonce1 = client.BeginAuthentication(host.HostId);
        byte[] hostNonce = new byte[16];
        new Random(3).NextBytes(hostNonce);
        byte[] proof = client.ComputeProof(host, nonce1, hostNonce);
        Assert.Equal(LinkErrorCode.None, client.RespondToChallenge(hostNonce, proof).Status);

        // Replayed straight away: the challenge was used up.
        Assert.Equal(LinkErrorCode.NoChallenge, client.RespondToChallenge(hostNonce, proof).Status);

        // Replayed in a new session against a fresh challenge: the nonce differs, so the proof fails.
        client.Hello();
        byte[] nonce2 = client.BeginAuthentication(host.HostId);
        Assert.NotEqual(nonce1, nonce2);
        Assert.Equal(LinkErrorCode.AuthFailed, client.RespondToChallenge(hostNonce, proof).Status);
        Assert.False(session.Board.Device.IsAuthenticated);
        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.StartStream(LinkStreamKind.Raw, 16, 0xF));
        AssertRefused(LinkErrorCode.NotAuthenticated, () => client.BeginModelUpload(0, 100, 1));

        // A wrong secret fails as well; the right one still works.
        AssertAuthenticationFails(client, host with { Secret = new byte[32] }, info);
        client.Authenticate(host, info.DeviceId);
        Assert.True(session.Board.Device.IsAuthenticated);
    }

    [Fact]
    public void Device_nonces_are_never_reused_across_restarts()
    {
        string flash = Path.Combine(Path.GetTempPath(), "wearable-nonce-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            var host = HostCredentials.Create();
            var seen = new HashSet<string>();
            for (int life = 0; life < 3; life++)
            {
                using var session = new PtySession(Options(pairingWindow: life == 0) with { FlashFile = flash });
                session.Client.Hello();
                if (life == 0)
                {
                    session.Client.Pair(host);
                }

                for (int i = 0; i < 5; i++)
                {
                    byte[] nonce = session.Client.BeginAuthentication(host.HostId);
                    Assert.True(seen.Add(Convert.ToHexString(nonce)), "A device nonce repeated.");
                }
            }
        }
        finally
        {
            File.Delete(flash);
        }
    }

    private static void AssertAuthenticationFails(DeviceLinkClient client, HostCredentials host, DeviceInfoMessage info)
    {
        var ex = Assert.Throws<DeviceLinkException>(() => client.Authenticate(host, info.DeviceId));
        Assert.Equal(LinkErrorCode.AuthFailed, ex.Code);
    }

    private static void AssertRefused(LinkErrorCode code, Action request)
    {
        var ex = Assert.Throws<DeviceLinkException>(request);
        Assert.Equal(code, ex.Code);
    }
}
