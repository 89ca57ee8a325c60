using System;
using System.Device.Gpio;
using Wearable.Firmware.Board;

namespace Wearable.Board.Esp32
{
    /// <summary>
    /// The small board parts the core asks for: status on the debug output, the BOOT button opening the
    /// pairing window, and entropy from the microsecond timer's jitter (the core mixes it with a
    /// persisted counter, so nonces stay unique even though this source is weak).
    /// </summary>
    public sealed class Esp32BoardParts : IStatusIndicator, IPairingButton, IEntropySource
    {
        private const long PairingWindowMicroseconds = 30000000;
        private readonly Esp32Clock _clock;
        private readonly GpioPin _button;
        private long _windowEnds;

        public Esp32BoardParts(GpioController gpio, Esp32Clock clock)
        {
            _clock = clock;
            _button = gpio.OpenPin(Esp32Wiring.PairingButtonPin, PinMode.InputPullUp);
            _button.ValueChanged += OnButton;
        }

        public bool IsPairingWindowOpen
        {
            get { return _clock.Microseconds < _windowEnds; }
        }

        public void Consume()
        {
            _windowEnds = 0;
        }

        public void Show(int status)
        {
            Console.WriteLine("status " + status.ToString());
        }

        public void Fill(byte[] buffer, int offset, int count)
        {
            var random = new Random((int)_clock.Microseconds);
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)(random.Next(256) ^ (int)(_clock.Microseconds & 0xFF));
            }
        }

        private void OnButton(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Falling)
            {
                _windowEnds = _clock.Microseconds + PairingWindowMicroseconds;
            }
        }
    }
}
