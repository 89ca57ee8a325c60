using System;
using Meadow.Hardware;
using Wearable.Firmware.Afe.Ads1299;
using Wearable.Firmware.Board;

namespace Wearable.Board.MeadowF7
{
    /// <summary>The ADS1299's DRDY on a Meadow interrupt port (configured for falling edges): each edge reads one frame.</summary>
    public sealed class MeadowDataReady : IDisposable
    {
        private readonly IDigitalInterruptPort _port;
        private readonly Ads1299Driver _driver;
        private readonly IDeviceClock _clock;

        public MeadowDataReady(IDigitalInterruptPort port, Ads1299Driver driver, IDeviceClock clock)
        {
            _port = port;
            _driver = driver;
            _clock = clock;
            _port.Changed += OnChanged;
        }

        public void Dispose()
        {
            _port.Changed -= OnChanged;
        }

        private void OnChanged(object? sender, DigitalPortResult result)
        {
            if (!result.New.State)
            {
                _driver.OnDataReady(_clock.Microseconds);
            }
        }
    }
}
