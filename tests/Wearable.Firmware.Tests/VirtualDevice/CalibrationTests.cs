using Wearable.EdgeHost.Link;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Firmware.Tests.VirtualDevice;

public sealed class CalibrationTests
{
    [Fact]
    public void A_stored_calibration_survives_a_restart_and_oversized_tables_are_refused()
    {
        string flash = Path.Combine(Path.GetTempPath(), "wearable-cal-" + Guid.NewGuid().ToString("N") + ".bin");
        var host = HostCredentials.Create();
        try
        {
            var calibration = new CalibrationMessage { ChannelCount = 3 };
            for (int c = 0; c < 3; c++)
            {
                calibration.GainQ16[c] = CalibrationMessage.UnityGain + (c * 1000);
                calibration.OffsetLsb[c] = (short)(-10 * c);
                calibration.NoiseThresholdLsb[c] = (short)(5 + c);
            }

            for (int life = 0; life < 2; life++)
            {
                using var link = InProcessLink.Create();
                using var board = new VirtualBoard(
                    new VirtualDeviceOptions { Channels = 3, SampleRate = 250, FlashFile = flash, PairingWindow = life == 0 ? TimeSpan.FromMinutes(1) : TimeSpan.Zero, Quiet = true },
                    link.Device);
                board.Start();
                using var client = new DeviceLinkClient(link.Host);
                DeviceInfoMessage info = client.Hello();
                if (life == 0)
                {
                    client.Pair(host);
                }

                client.Authenticate(host, info.DeviceId);
                if (life == 0)
                {
                    var defaults = client.Request(new CalibrationGetMessage()).Read(new CalibrationMessage());
                    Assert.Equal(CalibrationMessage.UnityGain, defaults.GainQ16[2]);
                    client.Request(calibration);
                    var tooMany = new CalibrationMessage { ChannelCount = 4 };
                    Assert.Equal(LinkErrorCode.InvalidArgument, Assert.Throws<DeviceLinkException>(() => client.Request(tooMany)).Code);
                    continue;
                }

                var stored = client.Request(new CalibrationGetMessage()).Read(new CalibrationMessage());
                Assert.Equal(3, stored.ChannelCount);
                Assert.Equal(calibration.GainQ16[..3], stored.GainQ16[..3]);
                Assert.Equal(calibration.OffsetLsb[..3], stored.OffsetLsb[..3]);
                Assert.Equal(calibration.NoiseThresholdLsb[..3], stored.NoiseThresholdLsb[..3]);
            }
        }
        finally
        {
            File.Delete(flash);
        }
    }
}
