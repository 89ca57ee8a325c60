using System;
using Meadow.Hardware;
using Wearable.Firmware.Afe;

namespace Wearable.Board.MeadowF7
{
    /// <summary>The ADS1299 driver's SPI seam on Meadow: one Exchange per transfer with chip select held low throughout.</summary>
    public sealed class MeadowSpiBus : Wearable.Firmware.Afe.ISpiBus
    {
        private readonly Meadow.Hardware.ISpiBus _bus;
        private readonly IDigitalOutputPort _chipSelect;

        public MeadowSpiBus(Meadow.Hardware.ISpiBus bus, IDigitalOutputPort chipSelect)
        {
            _bus = bus;
            _chipSelect = chipSelect;
        }

        public void TransferFullDuplex(byte[] write, byte[] read, int count)
        {
            _bus.Exchange(_chipSelect, write.AsSpan(0, count), read.AsSpan(0, count), ChipSelectMode.ActiveLow);
        }
    }
}
