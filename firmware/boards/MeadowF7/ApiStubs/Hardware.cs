using System;

namespace Meadow.Hardware
{
    public enum ChipSelectMode
    {
        ActiveLow = 0,
        ActiveHigh = 1,
    }

    public interface IDigitalOutputPort : IDisposable
    {
        bool State { get; set; }
    }

    public interface ISpiBus
    {
        void Exchange(IDigitalOutputPort? chipSelect, Span<byte> writeBuffer, Span<byte> readBuffer, ChipSelectMode csMode = ChipSelectMode.ActiveLow);
    }

    public struct DigitalState
    {
        public DigitalState(bool state, DateTime time)
        {
            State = state;
            Time = time;
        }

        public bool State { get; set; }

        public DateTime Time { get; set; }
    }

    public struct DigitalPortResult
    {
        public DigitalState New { get; set; }

        public DigitalState? Old { get; set; }
    }

    public interface IDigitalInterruptPort : IDisposable
    {
        event EventHandler<DigitalPortResult> Changed;
    }
}
