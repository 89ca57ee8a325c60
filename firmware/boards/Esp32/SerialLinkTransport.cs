using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using Wearable.Firmware.Board;

namespace Wearable.Board.Esp32
{
    /// <summary>
    /// The host link on UART2 (COM2, through a USB-UART adapter): UART0 carries nanoFramework's own
    /// debugger and deployment protocol, so the firmware's frames need a port of their own.
    /// </summary>
    public sealed class SerialLinkTransport : IByteTransport
    {
        private readonly SerialPort _port;

        public SerialLinkTransport()
        {
            Configuration.SetPinFunction(Esp32Wiring.LinkTxPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(Esp32Wiring.LinkRxPin, DeviceFunction.COM2_RX);
            _port = new SerialPort(Esp32Wiring.LinkPort, Esp32Wiring.LinkBaud);
            _port.Open();
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            // Never block the main loop: read only what has arrived.
            int available = _port.BytesToRead;
            if (available == 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, available < count ? available : count);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}
