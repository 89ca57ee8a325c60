using System;
using System.Device.Gpio;
using System.Threading;
using Wearable.Firmware;
using Wearable.Firmware.Afe.Ads1299;
using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Storage;

namespace Wearable.Board.Esp32
{
    /// <summary>
    /// Entry point of the ESP32 image: brings up the ADS1299 through the portable driver, wires its DRDY
    /// edge, the host link on COM2 and the board parts into the firmware core, and runs the core's loop.
    /// An uncaught exception would end a nanoFramework program silently, so every failure is printed
    /// (docs/boards.md lists the messages) and the loop carries on or parks.
    /// </summary>
    public static class Program
    {
        private const string Banner = "Wearable firmware, ESP32 board layer (.NET nanoFramework 1.x)";

        // The host link: the UART on COM2, or Bluetooth LE (docs/ble.md; needs an ESP32 BLE firmware image).
        private const bool LinkOverBle = false;

        // Held for the program's lifetime: the DRDY handler must outlive Start().
        private static Esp32DataReady _dataReady;

        public static void Main()
        {
            Console.WriteLine(Banner);
            FirmwareDevice device = null;
            try
            {
                device = Start();
            }
            catch (Exception ex)
            {
                Console.WriteLine("bring-up failed: " + ex.Message);
            }

            while (device != null)
            {
                try
                {
                    if (!device.Poll())
                    {
                        Thread.Sleep(1);
                    }
                }
                catch (Exception ex)
                {
                    Console.WriteLine("firmware loop: " + ex.Message);
                }
            }

            // Nothing to run: park so the debugger can still attach and read the message above.
            Thread.Sleep(Timeout.Infinite);
        }

        private static FirmwareDevice Start()
        {
            var clock = new Esp32Clock();
            var gpio = new GpioController();
            var config = new Ads1299Config(1);
            config.SampleRate = Esp32Wiring.SampleRate;
            var driver = new Ads1299Driver(new Esp32SpiBus(), new ThreadDelay(), config, 64);
            driver.PowerUp();
            Console.WriteLine("ADS1299 found (ID 0x" + driver.DeviceId.ToString("X2") + "), " + driver.Channels.ToString() + " ch at " + driver.SampleRate.ToString() + " SPS");
            _dataReady = new Esp32DataReady(gpio, driver, clock);
            var parts = new Esp32BoardParts(gpio, clock);
            BleLinkTransport ble = LinkOverBle ? new BleLinkTransport("wearable-esp32") : null;
            var board = new DeviceBoard(
                BoardProfile.Esp32(),
                null,
                driver,
                ble != null ? (IByteTransport)ble : new SerialLinkTransport(),
                clock,
                new RamSlotStore(2, 8192, FlashLayout.RecordCount, FlashLayout.MinimumRecordSize),
                parts,
                parts,
                parts);
            board.AdcBits = 16;
            board.NanovoltsPerLsb = driver.NanovoltsPerLsb;
            var device = new FirmwareDevice(board, new DeviceConfiguration());
            if (ble != null)
            {
                ble.SetInfo(device.DeviceId, "esp32");
            }
            device.Boot();
            driver.StartConversions();
            return device;
        }
    }
}
