using Wearable.EdgeHost.Transports;
using Wearable.VirtualDevice.Transports;

namespace Wearable.EdgeHost.Tests.Transports;

/// <summary>
/// SerialTransport (System.IO.Ports underneath) against a real pseudo-terminal, the virtual device's:
/// the same calls a USB serial adapter gets. The tests named "SerialPort alone ..." show what
/// System.IO.Ports does not do by itself and so why SerialTransport adds it (docs/transports.md).
/// </summary>
public sealed class SerialTransportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public void Bytes_written_by_the_host_arrive_unchanged_on_the_device_side()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath, new SerialSettings { BaudRate = 921600 });
        // Every byte value, including the ones a cooked terminal would translate (\n, \r, ^C, ^S, DEL).
        byte[] all = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Enumerable.Range(0, 256).Select(i => (byte)(255 - i))).ToArray();

        port.Write(all);

        Assert.Equal(all, ReadFromDevice(pty, all.Length));
        Assert.Equal(921600, port.BaudRate);
    }

    [Fact]
    public void Bytes_sent_by_the_device_arrive_unchanged_on_the_host()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath);
        var random = new Random(42);
        byte[] sent = new byte[3000];
        random.NextBytes(sent);
        sent[0] = (byte)'\n';
        sent[1] = 0x03;
        sent[2] = 0x13;

        pty.Write(sent, 0, sent.Length);
        byte[] received = ReadExactly(port, sent.Length);

        Assert.Equal(sent, received);
    }

    [Fact]
    public void A_baud_rate_outside_the_classic_termios_list_is_accepted()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath, new SerialSettings { BaudRate = 123456 });

        port.Write("x"u8.ToArray());

        Assert.Equal("x"u8.ToArray(), ReadFromDevice(pty, 1));
        Assert.Equal(123456, port.BaudRate);
    }

    [Fact]
    public async Task Async_read_and_write_work_both_ways()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath, new SerialSettings { BaudRate = 115200, ReadTimeout = Patience });

        await port.WriteAsync("ping"u8.ToArray());
        Assert.Equal("ping"u8.ToArray(), ReadFromDevice(pty, 4));

        pty.Write("pong"u8.ToArray(), 0, 4);
        var buffer = new byte[16];
        int n = await port.ReadAsync(buffer);
        Assert.Equal("pong", System.Text.Encoding.ASCII.GetString(buffer, 0, n));
    }

    [Fact]
    public void A_read_with_nothing_to_read_times_out()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath, new SerialSettings { ReadTimeout = TimeSpan.FromMilliseconds(50) });

        Assert.Equal(0, port.Read(new byte[8], TimeSpan.FromMilliseconds(30)));
        var ex = Assert.Throws<TimeoutException>(() => port.Read(new byte[8], 0, 8));
        Assert.Contains("No data from " + pty.SlavePath + " within 50 ms", ex.Message);
    }

    [Fact]
    public void A_write_the_device_never_reads_times_out_instead_of_hanging()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath, new SerialSettings { WriteTimeout = TimeSpan.FromMilliseconds(100) });

        // Far more than a pty's buffers hold while nobody reads the other side.
        var ex = Assert.Throws<TimeoutException>(() => port.Write(new byte[4 << 20]));
        Assert.Contains("Writing to " + pty.SlavePath + " timed out after 100 ms", ex.Message);
    }

    [Fact]
    public void A_cancelled_read_stops_waiting()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath);
        using var cancel = new CancellationTokenSource();
        Task<int> waiting = Task.Run(() => port.Read(new byte[8], Timeout.InfiniteTimeSpan, cancel.Token));
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => waiting.GetAwaiter().GetResult());
    }

    [Fact]
    public void Losing_the_device_during_a_read_is_reported_as_disconnected_and_stays_so()
    {
        var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath);
        Task<int> pending = Task.Run(() => port.Read(new byte[8], Timeout.InfiniteTimeSpan));
        pty.Dispose();

        var ex = Assert.Throws<SerialException>(() => pending.GetAwaiter().GetResult());
        Assert.Equal(SerialError.Disconnected, ex.Error);
        Assert.Contains("was disconnected", ex.Message);

        // SerialPort alone would now let the next read merely time out; the transport remembers the hang-up.
        Assert.Equal(SerialError.Disconnected, Assert.Throws<SerialException>(() => port.Read(new byte[8], 0, 8)).Error);
    }

    [Fact]
    public void A_missing_port_gives_a_clear_error_with_a_hint()
    {
        var ex = Assert.Throws<SerialException>(() => SerialTransport.Open("/dev/ttyUSB-wearable-missing"));
        Assert.Equal(SerialError.NotFound, ex.Error);
        Assert.StartsWith("Port /dev/ttyUSB-wearable-missing does not exist. Hint: plug the device in", ex.Message);
        Assert.Equal("/dev/ttyUSB-wearable-missing", ex.Port);
    }

    [Fact]
    public void SerialPort_alone_opens_a_port_twice_so_the_transport_locks_it()
    {
        using var pty = new PseudoTerminal();
        using (var plain = new System.IO.Ports.SerialPort(pty.SlavePath))
        using (var again = new System.IO.Ports.SerialPort(pty.SlavePath))
        {
            plain.Open();
            again.Open(); // no error: two programs would share (and steal) each other's bytes
        }

        using var first = SerialTransport.Open(pty.SlavePath);
        var ex = Assert.Throws<SerialException>(() => SerialTransport.Open(pty.SlavePath));
        Assert.Equal(SerialError.Busy, ex.Error);
        Assert.StartsWith("Port " + pty.SlavePath + " is busy: another program has it open. Hint: close the other program", ex.Message);
    }

    [Fact]
    public void A_regular_file_or_a_folder_is_not_a_serial_port()
    {
        string path = Path.GetTempFileName();
        try
        {
            // SerialPort alone says "Access to the port is denied" for both; the transport says what is wrong.
            Assert.Throws<UnauthorizedAccessException>(() => new System.IO.Ports.SerialPort(path).Open());
            var file = Assert.Throws<SerialException>(() => SerialTransport.Open(path));
            Assert.Equal(SerialError.NotASerialPort, file.Error);
            Assert.Contains("is not a serial device (it is a regular file)", file.Message);
            var folder = Assert.Throws<SerialException>(() => SerialTransport.Open(Path.GetTempPath()));
            Assert.Equal(SerialError.NotASerialPort, folder.Error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_baud_rate_that_is_not_positive_is_refused_before_opening()
    {
        using var pty = new PseudoTerminal();
        var ex = Assert.Throws<SerialException>(() => SerialTransport.Open(pty.SlavePath, new SerialSettings { BaudRate = 0 }));
        Assert.Equal(SerialError.UnsupportedBaudRate, ex.Error);
        Assert.Contains("Hint: use the rate the device runs at", ex.Message);
    }

    private static byte[] ReadFromDevice(PseudoTerminal pty, int count)
    {
        var buffer = new byte[count];
        int got = 0;
        while (got < count && pty.WaitReadable((int)Patience.TotalMilliseconds))
        {
            got += pty.Read(buffer, got, count - got);
        }

        return buffer[..got];
    }

    private static byte[] ReadExactly(SerialTransport port, int count)
    {
        var buffer = new byte[count];
        int got = 0;
        while (got < count)
        {
            int n = port.Read(buffer.AsMemory(got), Patience);
            Assert.True(n > 0, "timed out after " + got + " of " + count + " bytes");
            got += n;
        }

        return buffer;
    }
}
