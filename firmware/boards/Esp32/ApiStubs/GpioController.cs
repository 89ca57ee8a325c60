using System;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input = 0,
        Output = 1,
        InputPullDown = 2,
        InputPullUp = 3,
    }

    [Flags]
    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public class PinValueChangedEventArgs : EventArgs
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber)
        {
            ChangeType = changeType;
            PinNumber = pinNumber;
        }

        public PinEventTypes ChangeType { get; private set; }

        public int PinNumber { get; private set; }
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs pinValueChangedEventArgs);

    public sealed class GpioPin : IDisposable
    {
        private PinValueChangedEventHandler _valueChanged;

        public event PinValueChangedEventHandler ValueChanged
        {
            add { _valueChanged = (PinValueChangedEventHandler)Delegate.Combine(_valueChanged, value); }
            remove { _valueChanged = (PinValueChangedEventHandler)Delegate.Remove(_valueChanged, value); }
        }

        public int PinNumber { get; private set; }

        public void Dispose()
        {
            _valueChanged = null;
        }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw new NotSupportedException("compile-only stub of nanoFramework.System.Device.Gpio");
        }

        public void Dispose()
        {
        }
    }
}
