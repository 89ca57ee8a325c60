using System.Device.Spi;
using Wearable.Firmware.Afe;

namespace Wearable.Board.LinuxSbc;

/// <summary>The driver's SPI seam on Linux spidev (/dev/spidevB.C) through System.Device.Spi.</summary>
public sealed class SpidevBus : ISpiBus, IDisposable
{
    private readonly SpiDevice _device;

    public SpidevBus(int busId, int chipSelectLine, int clockHz, SpiMode mode)
    {
        string path = $"/dev/spidev{busId}.{chipSelectLine}";
        if (!File.Exists(path))
        {
            throw new AfeException($"{path} does not exist: enable SPI on this board (Raspberry Pi: raspi-config > Interface Options > SPI, or dtparam=spi=on) and check --spi BUS.CS.");
        }

        try
        {
            _device = SpiDevice.Create(new SpiConnectionSettings(busId, chipSelectLine) { ClockFrequency = clockHz, Mode = mode });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AfeException($"Cannot open {path}: {ex.Message} (run as a member of the 'spi' group, or as root).");
        }
    }

    public void TransferFullDuplex(byte[] write, byte[] read, int count) =>
        _device.TransferFullDuplex(write.AsSpan(0, count), read.AsSpan(0, count));

    public void Dispose() => _device.Dispose();
}
