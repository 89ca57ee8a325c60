using System;

namespace System.IO.Ports
{
    public class SerialPort : IDisposable
    {
        public SerialPort(string portName, int baudRate)
        {
            PortName = portName;
            BaudRate = baudRate;
        }

        public string PortName { get; private set; }

        public int BaudRate { get; private set; }

        public int BytesToRead
        {
            get { return 0; }
        }

        public int ReadTimeout { get; set; }

        public void Open()
        {
            throw new NotSupportedException("compile-only stub of nanoFramework.System.IO.Ports");
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            return 0;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
        }

        public void Dispose()
        {
        }
    }
}
