using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Firmware.Tests.Core;

public sealed class FailingRequestTests
{
    [Fact]
    public void A_flash_failure_while_handling_a_request_is_reported_and_the_device_keeps_serving()
    {
        var clock = VirtualClock.Fast();
        var host = new ScriptedHost();
        var flash = new PowerCutFlash(4096);
        var device = new FirmwareDevice(
            new DeviceBoard(BoardProfile.Virtual(), new byte[16], new SyntheticSource(clock, 2, 250, 1), host, clock, flash, new SilentStatus(), new AlwaysOpenButton(), new SystemEntropy()),
            new DeviceConfiguration());
        device.Boot();

        flash.WritesBeforeCut = 0;
        host.Send(new PairRequestMessage());
        device.Poll();
        var error = new ErrorMessage();
        Assert.True(host.TryTake(error));
        Assert.Equal(LinkErrorCode.Internal, error.Code);
        Assert.StartsWith("internal failure", error.GetDetail());

        host.Send(new HelloMessage());
        device.Poll();
        var info = new DeviceInfoMessage();
        Assert.True(host.TryTake(info));
        Assert.Equal(2, info.ChannelCount);
    }
}
