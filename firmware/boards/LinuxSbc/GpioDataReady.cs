using System.Device.Gpio;
using Wearable.Firmware.Afe;
using Wearable.Firmware.Board;

namespace Wearable.Board.LinuxSbc;

/// <summary>The ADS1299's DRDY line on a GPIO: each falling edge is handed to the driver with the device clock's time.</summary>
public sealed class GpioDataReady : IDisposable
{
    private readonly GpioController _gpio;
    private readonly int _pin;
    private readonly PinChangeEventHandler _handler;

    public GpioDataReady(int pin, IDeviceClock clock, Action<long> dataReady)
    {
        _pin = pin;
        try
        {
            _gpio = new GpioController();
            _gpio.OpenPin(pin, PinMode.InputPullUp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException)
        {
            throw new AfeException($"Cannot open GPIO {pin} for DRDY: {ex.Message} (check --drdy-pin is the BCM number, and run as a member of the 'gpio' group).");
        }

        _handler = (_, _) => dataReady(clock.Microseconds);
        _gpio.RegisterCallbackForPinValueChangedEvent(pin, PinEventTypes.Falling, _handler);
    }

    public void Dispose()
    {
        _gpio.UnregisterCallbackForPinValueChangedEvent(_pin, _handler);
        _gpio.Dispose();
    }
}
