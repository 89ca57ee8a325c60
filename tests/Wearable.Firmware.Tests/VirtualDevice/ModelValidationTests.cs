using Wearable.EdgeHost.Link;
using Wearable.Firmware.Commands;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;
using Wearable.Modeling.ModelFiles;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>A commit runs the shared model reader: blobs that are not models, or not for this device, never become active.</summary>
public sealed class ModelValidationTests
{
    [Fact]
    public void Only_a_valid_model_for_this_device_commits_and_a_refusal_keeps_the_previous_one()
    {
        using var link = InProcessLink.Create();
        using var board = new VirtualBoard(new VirtualDeviceOptions { Channels = 8, SampleRate = 2000, PairingWindow = TimeSpan.FromMinutes(1), Quiet = true }, link.Device);
        board.Start();
        using var client = new DeviceLinkClient(link.Host);
        var host = HostCredentials.Create();
        DeviceInfoMessage info = client.Hello();
        client.Pair(host);
        client.Authenticate(host, info.DeviceId);

        byte[] good = ExampleModels.RandomEmgCnn(seed: 3);
        Assert.Equal(8, ModelReader.Read(good).Input.Channels);
        client.UploadModel(0, good, 1000);
        uint goodCrc = LinkCrc32.Compute(good, 0, good.Length);
        Assert.Equal(goodCrc, (uint)client.GetConfig(DeviceConfigKey.ActiveModelCrc));

        // Right CRC, not a model.
        byte[] junk = new byte[3000];
        new Random(1).NextBytes(junk);
        var notAModel = Assert.Throws<DeviceLinkException>(() => client.UploadModel(1, junk, 1000));
        Assert.Equal(LinkErrorCode.ModelInvalid, notAModel.Code);
        Assert.Contains("not a usable model", notAModel.Detail);

        // A valid model for another device (4 channels).
        byte[] otherDevice = ExampleModels.RandomEmgCnn(seed: 3, channels: 4);
        var mismatch = Assert.Throws<DeviceLinkException>(() => client.UploadModel(1, otherDevice, 1000));
        Assert.Equal(LinkErrorCode.ModelInvalid, mismatch.Code);
        Assert.Contains("4 ch", mismatch.Detail);

        Assert.Equal(goodCrc, (uint)client.GetConfig(DeviceConfigKey.ActiveModelCrc));
        Assert.Equal(0, client.Hello().ActiveModelSlot);
    }
}
