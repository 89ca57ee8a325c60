using System;

namespace System.Device.Spi
{
    public enum SpiMode
    {
        Mode0 = 0,
        Mode1 = 1,
        Mode2 = 2,
        Mode3 = 3,
    }

    public sealed class SpiConnectionSettings
    {
        public SpiConnectionSettings(int busId, int chipSelectLine)
        {
            BusId = busId;
            ChipSelectLine = chipSelectLine;
        }

        public int BusId { get; set; }

        public int ChipSelectLine { get; set; }

        public int ClockFrequency { get; set; }

        public SpiMode Mode { get; set; }
    }

    public abstract class SpiDevice : IDisposable
    {
        public static SpiDevice Create(SpiConnectionSettings settings)
        {
            throw new NotSupportedException("compile-only stub of nanoFramework.System.Device.Spi");
        }

        public abstract void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer);

        public abstract void Dispose();
    }
}
