using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Transports;
using Wearable.Firmware.Commands;
using Wearable.Kernels.Link;
using Wearable.Modeling.ModelFiles;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>
/// A/B model slots survive the device process being killed at every chunk boundary of an upload:
/// the previous model stays active and verifies after restart; a completed upload is active after
/// restart. The device is the real exe, killed with SIGKILL; its flash lives in a file.
/// </summary>
public sealed class ModelUploadKillTests : IDisposable
{
    private const int ChunkSize = 640;
    private readonly string _flash = Path.Combine(Path.GetTempPath(), "wearable-flash-" + Guid.NewGuid().ToString("N") + ".bin");
    private readonly HostCredentials _host = HostCredentials.Create();

    public void Dispose()
    {
        File.Delete(_flash);
    }

    [Fact]
    public void Killing_the_device_at_every_chunk_boundary_keeps_the_previous_model_and_a_commit_survives_restart()
    {
        // Real model files (the shared reader validates every commit): A 5 292 B, B 10 156 B = 16 chunks,
        // so 17 boundaries to kill at, from the begin to the last chunk.
        byte[] modelA = ExampleModels.RandomEmgCnn(seed: 1);
        byte[] modelB = ExampleModels.RandomEmgCnn(seed: 2, hidden: 32);
        Assert.Equal(16, (modelB.Length + ChunkSize - 1) / ChunkSize);
        uint crcA = LinkCrc32.Compute(modelA, 0, modelA.Length);
        uint crcB = LinkCrc32.Compute(modelB, 0, modelB.Length);

        // First life: pair, upload A, commit, then die.
        byte slotA;
        using (var device = StartDevice(pairingWindow: true))
        using (var client = Connect(device, out DeviceInfoMessage info, pair: true))
        {
            Assert.Equal(DeviceInfoMessage.NoActiveModel, info.ActiveModelSlot);
            slotA = 0;
            client.UploadModel(slotA, modelA, ChunkSize);
            device.Kill();
        }

        int chunks = (modelB.Length + ChunkSize - 1) / ChunkSize;
        for (int boundary = 0; boundary <= chunks; boundary++)
        {
            using var device = StartDevice(pairingWindow: false);
            using var client = Connect(device, out DeviceInfoMessage info, pair: false);
            AssertActive(client, info, slotA, modelA.Length, crcA, $"after a kill at chunk boundary {boundary - 1}");

            byte slotB = (byte)(1 - slotA);
            client.BeginModelUpload(slotB, modelB.Length, crcB);
            for (int c = 0; c < boundary; c++)
            {
                int offset = c * ChunkSize;
                client.SendModelChunk(offset, modelB, offset, Math.Min(ChunkSize, modelB.Length - offset));
            }

            Assert.Equal(boundary == 0 ? 0 : Math.Min(boundary * ChunkSize, modelB.Length), client.GetConfig(DeviceConfigKey.UploadReceived));

            // The next chunk goes out unacknowledged, so the kill also lands while the device handles it.
            if (boundary < chunks)
            {
                var next = new ModelChunkMessage { Offset = (uint)(boundary * ChunkSize) };
                next.SetData(modelB, boundary * ChunkSize, Math.Min(ChunkSize, modelB.Length - (boundary * ChunkSize)));
                client.Send(next);
            }

            device.Kill();
        }

        // Last lives: A survived the final kill; a complete upload of B commits and survives a kill right after the ack.
        using (var device = StartDevice(pairingWindow: false))
        using (var client = Connect(device, out DeviceInfoMessage info, pair: false))
        {
            AssertActive(client, info, slotA, modelA.Length, crcA, "after a kill with every chunk sent but no commit");
            client.UploadModel((byte)(1 - slotA), modelB, ChunkSize);
            device.Kill();
        }

        using (var device = StartDevice(pairingWindow: false))
        using (var client = Connect(device, out DeviceInfoMessage info, pair: false))
        {
            AssertActive(client, info, (byte)(1 - slotA), modelB.Length, crcB, "after a kill right after the commit was acknowledged");
        }
    }

    private static void AssertActive(DeviceLinkClient client, DeviceInfoMessage info, byte slot, int size, uint crc, string when)
    {
        Assert.True(slot == info.ActiveModelSlot, $"Active slot {info.ActiveModelSlot}, expected {slot} {when}.");
        Assert.True(crc == (uint)client.GetConfig(DeviceConfigKey.ActiveModelCrc), $"Active model CRC differs {when}.");
        Assert.Equal(size, client.GetConfig(DeviceConfigKey.ActiveModelSize));

        // "Loadable": the device read the whole slot back at boot and it matched size and CRC (and the
        // shared model reader accepted it at commit).
        Assert.True(client.GetConfig(DeviceConfigKey.ActiveModelVerified) == 1, $"The active model did not verify at boot {when}.");
    }

    private VirtualDeviceProcess StartDevice(bool pairingWindow)
    {
        var args = new List<string> { "--flash-file", _flash, "--slot-size", "16384", "--channels", "8", "--rate", "2000" };
        if (pairingWindow)
        {
            args.Add("--pairing-window");
            args.Add("600");
        }

        return VirtualDeviceProcess.Start(args.ToArray());
    }

    private DeviceLinkClient Connect(VirtualDeviceProcess device, out DeviceInfoMessage info, bool pair)
    {
        var client = new DeviceLinkClient(SerialTransport.Open(device.PtyPath));
        info = client.Hello();
        if (pair)
        {
            client.Pair(_host);
        }

        client.Authenticate(_host, info.DeviceId);
        return client;
    }
}
