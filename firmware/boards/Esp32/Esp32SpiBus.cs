using System;
using System.Device.Spi;
using nanoFramework.Hardware.Esp32;
using Wearable.Firmware.Afe;

namespace Wearable.Board.Esp32
{
    /// <summary>The ADS1299 driver's SPI seam on the ESP32: SPI1 routed to the wired pins, mode 1.</summary>
    public sealed class Esp32SpiBus : ISpiBus
    {
        private readonly SpiDevice _device;

        public Esp32SpiBus()
        {
            Configuration.SetPinFunction(Esp32Wiring.SpiMosiPin, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(Esp32Wiring.SpiMisoPin, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(Esp32Wiring.SpiClockPin, DeviceFunction.SPI1_CLOCK);
            var settings = new SpiConnectionSettings(Esp32Wiring.SpiBus, Esp32Wiring.ChipSelectPin);
            settings.ClockFrequency = Esp32Wiring.SpiClockHz;
            settings.Mode = SpiMode.Mode1;
            _device = SpiDevice.Create(settings);
        }

        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            _device.TransferFullDuplex(new SpanByte(write, 0, count), new SpanByte(read, 0, count));
        }
    }
}
