using Wearable.EdgeHost.Transports;

namespace Wearable.EdgeHost.Tests.Transports;

/// <summary>SerialTransport against a real pseudo-terminal: the same termios calls a USB serial adapter gets.</summary>
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

        Assert.Equal(all, pty.ReadFromSlave(all.Length, Patience));
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

        pty.WriteToSlave(sent);
        byte[] received = ReadExactly(port, sent.Length);

        Assert.Equal(sent, received);
    }

    [Fact]
    public async Task Async_read_and_write_work_both_ways()
    {
        using var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath, new SerialSettings { BaudRate = 115200, ReadTimeout = Patience });

        await port.WriteAsync("ping"u8.ToArray());
        Assert.Equal("ping"u8.ToArray(), pty.ReadFromSlave(4, Patience));

        pty.WriteToSlave("pong"u8.ToArray());
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
        cancel.CancelAfter(50);

        Assert.ThrowsAny<OperationCanceledException>(() => port.Read(new byte[8], Timeout.InfiniteTimeSpan, cancel.Token));
    }

    [Fact]
    public void Losing_the_device_is_reported_as_disconnected()
    {
        var pty = new PseudoTerminal();
        using var port = SerialTransport.Open(pty.SlavePath);
        pty.CloseMaster();

        var ex = Assert.Throws<SerialException>(() => port.Read(new byte[8], TimeSpan.FromSeconds(2)));
        Assert.Equal(SerialError.Disconnected, ex.Error);
        Assert.Contains("was disconnected", ex.Message);
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
    public void A_port_another_program_holds_is_busy()
    {
        using var pty = new PseudoTerminal();
        using var first = SerialTransport.Open(pty.SlavePath);

        var ex = Assert.Throws<SerialException>(() => SerialTransport.Open(pty.SlavePath));
        Assert.Equal(SerialError.Busy, ex.Error);
        Assert.StartsWith("Port " + pty.SlavePath + " is busy: another program has it open. Hint: close the other program", ex.Message);
    }

    [Fact]
    public void A_regular_file_is_not_a_serial_port()
    {
        string path = Path.GetTempFileName();
        try
        {
            var ex = Assert.Throws<SerialException>(() => SerialTransport.Open(path));
            Assert.Equal(SerialError.NotASerialPort, ex.Error);
            Assert.Contains("is not a serial device (tcgetattr:", ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unsupported_baud_rate_lists_the_supported_ones()
    {
        using var pty = new PseudoTerminal();
        var ex = Assert.Throws<SerialException>(() => SerialTransport.Open(pty.SlavePath, new SerialSettings { BaudRate = 123456 }));
        Assert.Equal(SerialError.UnsupportedBaudRate, ex.Error);
        Assert.Contains("115200, 230400, 460800, 500000, 576000, 921600", ex.Message);
    }

    [Theory]
    [InlineData(2, SerialError.NotFound, "does not exist")]
    [InlineData(13, SerialError.PermissionDenied, "permission denied. Hint: add yourself to the group")]
    [InlineData(16, SerialError.Busy, "is busy")]
    [InlineData(25, SerialError.NotASerialPort, "is not a serial device")]
    [InlineData(5, SerialError.Disconnected, "was disconnected")]
    [InlineData(71, SerialError.Other, "open failed")]
    public void Errno_values_map_to_messages_a_user_can_act_on(int errno, SerialError error, string text)
    {
        // Permission errors cannot be provoked as root (CI runs as root), so the mapping is checked directly.
        var ex = SerialException.FromErrno("/dev/ttyACM0", errno, "open");
        Assert.Equal(error, ex.Error);
        Assert.Equal(errno, ex.Errno);
        Assert.Contains(text, ex.Message);
        Assert.Contains("Hint: ", ex.Message);
    }

    [Fact]
    public void Baud_constants_match_linux()
    {
        Assert.True(BaudRates.TryGetSpeed(921600, out uint b921600));
        Assert.Equal(0x1007u, b921600);
        Assert.True(BaudRates.TryGetSpeed(115200, out uint b115200));
        Assert.Equal(0x1002u, b115200);
        Assert.True(BaudRates.TryGetSpeed(9600, out uint b9600));
        Assert.Equal(13u, b9600);
        Assert.False(BaudRates.TryGetSpeed(250000, out _));
        Assert.Equal(921600, BaudRates.FromSpeed(0x1007));
    }

    private static byte[] ReadExactly(SerialTransport port, int count)
    {
        var buffer = new byte[count];
        int got = 0;
        while (got < count)
        {
            int n = port.Read(buffer.AsSpan(got), Patience);
            Assert.True(n > 0, "timed out after " + got + " of " + count + " bytes");
            got += n;
        }

        return buffer;
    }
}
