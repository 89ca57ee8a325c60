using Wearable.EdgeHost.Connections;

namespace Wearable.EdgeHost.Tests.Connections;

public class ConnectionStringTests
{
    [Fact]
    public void Serial_url_with_baud()
    {
        var c = ConnectionString.Parse("serial:///dev/ttyUSB0?baud=460800");

        Assert.Equal(ConnectionKind.Serial, c.Kind);
        Assert.Equal("/dev/ttyUSB0", c.Target);
        Assert.Equal(460800, c.Baud);
    }

    [Fact]
    public void Bare_pty_path_is_serial_at_the_default_rate()
    {
        var c = ConnectionString.Parse("/dev/pts/7");

        Assert.Equal(ConnectionKind.Serial, c.Kind);
        Assert.Equal("/dev/pts/7", c.Target);
        Assert.Equal(921600, c.Baud);
    }

    [Fact]
    public void Tcp_host_and_port()
    {
        var c = ConnectionString.Parse("tcp://127.0.0.1:5555");

        Assert.Equal(ConnectionKind.Tcp, c.Kind);
        Assert.Equal("127.0.0.1", c.Host);
        Assert.Equal(5555, c.Port);
    }

    [Fact]
    public void Sim_options()
    {
        var c = ConnectionString.Parse("sim://?seed=7&channels=16&rate=2000&source=synthetic");

        Assert.Equal(ConnectionKind.Simulated, c.Kind);
        Assert.Equal(7, c.GetInt("seed", 0));
        Assert.Equal(16, c.GetInt("channels", 8));
        Assert.Equal("synthetic", c.GetString("source", "x"));
        Assert.Equal(250, c.GetInt("missing", 250));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("ttyUSB0", "it has no scheme")]
    [InlineData("bluetooth://aa:bb", "the scheme 'bluetooth' is unknown")]
    [InlineData("tcp://localhost", "is not host:port")]
    [InlineData("tcp://localhost:70000", "is not host:port")]
    [InlineData("serial://ttyUSB0", "is not an absolute path")]
    [InlineData("serial:///dev/ttyUSB0?baud=0", "baud=0 is not a positive number of bits per second")]
    [InlineData("sim://?seed", "the option 'seed' is not name=value")]
    public void Bad_strings_say_what_is_wrong_and_show_valid_forms(string text, string why)
    {
        var error = Assert.Throws<FormatException>(() => ConnectionString.Parse(text));

        Assert.Contains(why, error.Message);
        Assert.Contains("tcp://127.0.0.1:5555", error.Message);
    }

    [Fact]
    public void Non_integer_option_is_reported_by_name()
    {
        var c = ConnectionString.Parse("sim://?seed=abc");

        var error = Assert.Throws<FormatException>(() => c.GetInt("seed", 0));
        Assert.Contains("seed=abc is not an integer", error.Message);
    }
}
