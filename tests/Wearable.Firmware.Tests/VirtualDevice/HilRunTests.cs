using Wearable.EdgeHost.Link;
using Wearable.Firmware.Hil;
using Wearable.Firmware.Processing;
using Wearable.Kernels.Dsp;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Firmware.Tests.VirtualDevice;

public sealed class HilRunTests
{
    [Fact]
    public void The_band_filter_runs_on_the_device_byte_for_byte_like_the_desktop_kernel()
    {
        using var link = InProcessLink.Create();
        using var board = new VirtualBoard(new VirtualDeviceOptions { Channels = 4, SampleRate = 1000, PairingWindow = TimeSpan.FromMinutes(1), Quiet = true }, link.Device);
        board.Start();
        using var client = new DeviceLinkClient(link.Host);
        var host = HostCredentials.Create();
        DeviceInfoMessage info = client.Hello();
        Assert.NotEqual(0u, info.Capabilities & LinkCapabilities.HilRun);
        client.Pair(host);
        client.Authenticate(host, info.DeviceId);

        var random = new Random(5);
        var samples = new short[4 * 100];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)random.Next(-20000, 20000);
        }

        var input = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, input, 0, input.Length);
        var run = new HilRunMessage { Target = HilRunMessage.TargetKernel };
        run.SetName(BandFilterHilKernel.KernelName);
        run.SetInput(input, 0, input.Length);
        HilResultMessage result = client.Request(run).Read(new HilResultMessage());

        var filter = new BiquadCascade(DefaultFrontEnds.BandFor(1000)!, 4);
        var guarded = new int[samples.Length];
        filter.ProcessFrames(samples, 0, guarded, 0, 100);
        var expected = new byte[input.Length];
        for (int i = 0; i < guarded.Length; i++)
        {
            short v = BiquadCascade.ToInt16(guarded[i], filter.GuardBits);
            expected[2 * i] = (byte)v;
            expected[(2 * i) + 1] = (byte)(v >> 8);
        }

        Assert.Equal(LinkErrorCode.None, result.Status);
        Assert.Equal(1_000_000u, result.TickFrequencyHz);
        Assert.True(result.ElapsedTicks >= 0);
        Assert.Equal(expected, result.Output[..result.OutputLength]);

        // Wrong shape and unknown names are statuses, not crashes.
        run.SetInput(input, 0, 6);
        Assert.Equal(LinkErrorCode.BadHilInput, client.Request(run).Read(new HilResultMessage()).Status);
        run.SetName("no-such-kernel");
        Assert.Equal(LinkErrorCode.UnknownKernel, client.Request(run).Read(new HilResultMessage()).Status);
    }
}
