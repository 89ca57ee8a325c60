using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Pairing;
using Wearable.FakeBlueZ;
using Wearable.Firmware.Commands;
using Wearable.Kernels.Link;
using Wearable.Modeling.ModelFiles;
using Wearable.VirtualDevice;

namespace Wearable.EdgeHost.Ble.Tests;

/// <summary>
/// The link protocol over BLE through the fake BlueZ: streaming without loss at ATT MTU 23 and 247 on
/// both the acquired-socket path and the StartNotify/WriteValue fallback, pairing, model push, and the
/// ways a radio link ends (disconnect mid-stream and mid-upload, a device vanishing mid-resolution).
/// </summary>
[Collection(FakeBlueZCollection.Name)]
public sealed class BleLinkTests(FakeBlueZFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(23, false)]
    [InlineData(247, false)]
    [InlineData(23, true)]
    [InlineData(247, true)]
    public void Raw_blocks_stream_in_sequence_with_nothing_lost(int attMtu, bool refuseAcquire)
    {
        FakePeripheral peripheral = fixture.AddPeripheral(new FakePeripheralOptions { AttMtu = attMtu, RefuseAcquire = refuseAcquire });
        var connector = new DeviceConnector(FakeBlueZFixture.NewKeyStore()) { PairAutomatically = true };
        using DeviceLink link = connector.Connect(ConnectionString.Parse(peripheral.Connection));

        link.Client.StartStream(LinkStreamKind.Raw, 10, 0xF);
        uint? previous = null;
        for (int i = 0; i < 60; i++)
        {
            ReceivedBlock block = link.Client.ReceiveBlock(Patience) ?? throw new Xunit.Sdk.XunitException($"block {i} never arrived: {link.Client.CloseCause?.Message}");
            if (previous is { } p)
            {
                Assert.Equal(p + 1, block.BlockSequence);
            }

            previous = block.BlockSequence;
        }

        Assert.Equal(!refuseAcquire, peripheral.NotifyAcquired);
        Assert.Empty(peripheral.Link.Violations);
    }

    [Fact]
    public async Task A_new_ble_connection_starts_unauthenticated()
    {
        FakePeripheral peripheral = fixture.AddPeripheral();
        var connector = new DeviceConnector(FakeBlueZFixture.NewKeyStore()) { PairAutomatically = true };
        var connection = ConnectionString.Parse(peripheral.Connection);
        using (DeviceLink first = connector.Connect(connection))
        {
            Assert.NotNull(first.Credentials);
            first.Client.StartStream(LinkStreamKind.Raw, 10, 0xF);
            Assert.NotNull(first.Client.ReceiveBlock(Patience));
            await peripheral.DisconnectAsync("out of range");
        }

        using DeviceLink second = connector.Open(connection);
        connector.Hello(second);
        var refused = Assert.Throws<DeviceLinkException>(() => second.Client.StartStream(LinkStreamKind.Raw, 10, 0xF));
        Assert.Equal(LinkErrorCode.NotAuthenticated, refused.Code);
        Assert.Equal(2, peripheral.Connections);

        // The key paired over BLE still works once the new connection authenticates.
        connector.Authenticate(second);
        second.Client.StartStream(LinkStreamKind.Raw, 10, 0xF);
        Assert.NotNull(second.Client.ReceiveBlock(Patience));
    }

    [Fact]
    public void A_disconnect_mid_stream_ends_the_link_with_its_cause()
    {
        FakePeripheral peripheral = fixture.AddPeripheral(new FakePeripheralOptions { AttMtu = 23 });
        var connector = new DeviceConnector(FakeBlueZFixture.NewKeyStore()) { PairAutomatically = true };
        using DeviceLink link = connector.Connect(ConnectionString.Parse(peripheral.Connection));
        peripheral.Link.DropAfterDeviceBytes = peripheral.Link.DeviceBytes + 3000;
        link.Client.StartStream(LinkStreamKind.Raw, 10, 0xF);

        int blocks = 0;
        while (link.Client.ReceiveBlock(Patience) is not null)
        {
            blocks++;
        }

        Assert.True(link.Client.Closed, "the link should be closed once the device disconnected");
        Assert.True(blocks > 0, "some blocks should arrive before the disconnect");
        var cause = Assert.IsAssignableFrom<IOException>(link.Client.CloseCause);
        Assert.Contains("BLE link to " + peripheral.Address + " lost", cause.Message);
    }

    [Fact]
    public void A_device_that_vanishes_during_service_resolution_is_a_clear_error()
    {
        FakePeripheral peripheral = fixture.AddPeripheral(new FakePeripheralOptions { VanishOnConnect = true, Device = null });
        var connector = new DeviceConnector(FakeBlueZFixture.NewKeyStore());

        var error = Assert.Throws<IOException>(() => connector.Open(ConnectionString.Parse(peripheral.Connection + "?scan=20")));
        Assert.Contains(peripheral.Address + " went away while its services were being resolved", error.Message);
    }

    [Fact]
    public async Task A_foreign_device_without_the_wearable_service_is_refused_by_name()
    {
        FakePeripheral peripheral = fixture.AddPeripheral(new FakePeripheralOptions { Uuids = ["0000180d-0000-1000-8000-00805f9b34fb"], Device = null });
        var connector = new DeviceConnector(FakeBlueZFixture.NewKeyStore());
        await fixture.BlueZ.DiscoverAsync([]);

        var error = Assert.Throws<IOException>(() => connector.Open(ConnectionString.Parse(peripheral.Connection)));
        Assert.Contains("is not a Wearable device", error.Message);
    }

    [Fact]
    public void A_disconnect_mid_upload_keeps_the_previous_model_which_still_boots()
    {
        string flash = Path.Combine(Path.GetTempPath(), "wearable-ble-flash-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            byte[] modelA = ExampleModels.RandomEmgCnn(seed: 1, channels: 4);
            byte[] modelB = ExampleModels.RandomEmgCnn(seed: 2, channels: 4, hidden: 32);
            uint crcA = LinkCrc32.Compute(modelA, 0, modelA.Length);
            HostKeyStore keys = FakeBlueZFixture.NewKeyStore();
            var connector = new DeviceConnector(keys) { PairAutomatically = true };
            var device = new FakePeripheralOptions().Device! with { FlashFile = flash, SlotSize = 16384, SampleRate = 2000 };

            FakePeripheral first = fixture.AddPeripheral(new FakePeripheralOptions { Device = device });
            using (DeviceLink link = connector.Connect(ConnectionString.Parse(first.Connection)))
            {
                link.Client.UploadModel(0, modelA);
                first.Link.DropAfterHostBytes = first.Link.HostBytes + (modelB.Length / 2);
                Assert.ThrowsAny<Exception>(() => link.Client.UploadModel(1, modelB));
                Assert.True(link.Client.Closed, "the upload should end with the link");
            }

            first.Dispose();

            // The same flash on a fresh board: a reboot. The host's key is still valid (the pairing lives in flash).
            FakePeripheral rebooted = fixture.AddPeripheral(new FakePeripheralOptions { Device = device });
            using DeviceLink after = new DeviceConnector(keys).Connect(ConnectionString.Parse(rebooted.Connection));
            Assert.Equal(0, after.Info!.ActiveModelSlot);
            Assert.Equal(crcA, (uint)after.Client.GetConfig(DeviceConfigKey.ActiveModelCrc));
            Assert.Equal(1, after.Client.GetConfig(DeviceConfigKey.ActiveModelVerified));
            rebooted.Dispose();
        }
        finally
        {
            File.Delete(flash);
        }
    }
}
