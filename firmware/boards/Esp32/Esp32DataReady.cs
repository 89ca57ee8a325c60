using System.Device.Gpio;
using Wearable.Firmware.Afe.Ads1299;

namespace Wearable.Board.Esp32
{
    /// <summary>The ADS1299's DRDY line: each falling edge reads the frame at once, timestamped by the ESP32's microsecond timer.</summary>
    public sealed class Esp32DataReady
    {
        private readonly Ads1299Driver _driver;
        private readonly Esp32Clock _clock;
        private readonly GpioPin _pin;

        public Esp32DataReady(GpioController gpio, Ads1299Driver driver, Esp32Clock clock)
        {
            _driver = driver;
            _clock = clock;
            _pin = gpio.OpenPin(Esp32Wiring.DataReadyPin, PinMode.InputPullUp);
            _pin.ValueChanged += OnValueChanged;
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType == PinEventTypes.Falling)
            {
                _driver.OnDataReady(_clock.Microseconds);
            }
        }
    }
}
