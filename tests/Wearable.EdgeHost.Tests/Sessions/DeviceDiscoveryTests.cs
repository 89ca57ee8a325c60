using Wearable.EdgeHost.Connections;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Board;

namespace Wearable.EdgeHost.Tests.Sessions;

public sealed class DeviceDiscoveryTests
{
    [Fact]
    public void A_running_virtual_device_is_announced_and_the_announcement_goes_away_with_it()
    {
        string runtime = Directory.CreateTempSubdirectory("wearable-runtime-").FullName;
        string? previous = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        Environment.SetEnvironmentVariable("XDG_RUNTIME_DIR", runtime);
        try
        {
            var options = new VirtualDeviceOptions { Channels = 3, SampleRate = 250, Transport = "pty", Quiet = true };
            using (var board = new VirtualBoard(options))
            {
                using (DiscoveryFile? file = DiscoveryFile.Write(board, options))
                {
                    Assert.NotNull(file);
                    DiscoveredDevice found = Assert.Single(DeviceDiscovery.Find(devFolder: runtime), d => d.Kind == "virtual");
                    Assert.Equal(board.SlavePath, found.Connection);
                    Assert.Contains("3 ch x 250 Hz", found.Description);
                    Assert.Equal(ConnectionKind.Serial, ConnectionString.Parse(found.Connection).Kind);
                }

                Assert.DoesNotContain(DeviceDiscovery.Find(devFolder: runtime), d => d.Kind == "virtual");
            }

            // A file left by a killed process (no such pid) is ignored.
            Directory.CreateDirectory(Path.Combine(runtime, "wearable-devices"));
            File.WriteAllText(Path.Combine(runtime, "wearable-devices", "stale.json"), "{\"pid\":999999999,\"connection\":\"/dev/pts/77\",\"channels\":1,\"sampleRate\":1,\"source\":\"x\"}");
            Assert.Empty(DeviceDiscovery.Find(devFolder: runtime));
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_RUNTIME_DIR", previous);
            Directory.Delete(runtime, recursive: true);
        }
    }
}
