using Wearable.EdgeHost.Link;
using Wearable.Firmware.Storage;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>Every device has its own id: drawn once, kept in its flash file, random without one.</summary>
public sealed class DeviceIdentityTests
{
    private static byte[] DeviceIdOf(string? flashFile)
    {
        using var link = InProcessLink.Create();
        using var board = new VirtualBoard(new VirtualDeviceOptions { Channels = 2, SampleRate = 250, FlashFile = flashFile, Quiet = true }, link.Device);
        board.Start();
        using var client = new DeviceLinkClient(link.Host);
        byte[] id = client.Hello().DeviceId.ToArray();
        Assert.Equal(board.Device.DeviceId, id);
        return id;
    }

    [Fact]
    public void Two_ephemeral_devices_have_different_ids()
    {
        byte[] a = DeviceIdOf(null);
        byte[] b = DeviceIdOf(null);
        Assert.NotEqual(a, b);
        Assert.Contains(a, x => x != 0);
    }

    [Fact]
    public void A_flash_backed_device_keeps_its_id_across_restarts_and_another_flash_file_is_another_device()
    {
        string flash = Path.Combine(Path.GetTempPath(), "wearable-id-" + Guid.NewGuid().ToString("N") + ".bin");
        string other = Path.Combine(Path.GetTempPath(), "wearable-id-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            byte[] first = DeviceIdOf(flash);
            Assert.Equal(first, DeviceIdOf(flash));
            Assert.NotEqual(first, DeviceIdOf(other));
        }
        finally
        {
            File.Delete(flash);
            File.Delete(other);
        }
    }

    [Fact]
    public void A_flash_file_of_the_older_layout_is_upgraded_with_a_backup_and_keeps_its_contents()
    {
        const int slotSize = 4096;
        const int recordSize = 1024;
        string path = Path.Combine(Path.GetTempPath(), "wearable-old-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            var old = new byte[(FlashFile.RecordsBeforeDeviceId * recordSize) + (2 * slotSize)];
            new Random(9).NextBytes(old);
            File.WriteAllBytes(path, old);

            using (var flash = new FlashFile(path, slotSize, 2, recordSize, FlashLayout.RecordCount))
            {
                var record = new byte[recordSize];
                flash.ReadRecord(FlashLayout.PairingRecord, record, 0, recordSize);
                Assert.Equal(old.AsSpan(FlashLayout.PairingRecord * recordSize, recordSize).ToArray(), record);
                flash.ReadRecord(FlashLayout.DeviceIdentityRecord, record, 0, recordSize);
                Assert.All(record, b => Assert.Equal(0xFF, b));
                var slot = new byte[slotSize];
                flash.ReadSlot(1, 0, slot, 0, slotSize);
                Assert.Equal(old.AsSpan((FlashFile.RecordsBeforeDeviceId * recordSize) + slotSize, slotSize).ToArray(), slot);
            }

            Assert.Equal(old, File.ReadAllBytes(path + ".bak"));
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".bak");
        }
    }
}
