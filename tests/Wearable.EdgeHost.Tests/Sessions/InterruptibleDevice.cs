using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>
/// A virtual device in this process behind a link the test can silence (the device stops hearing the
/// host) or break with a chosen exception (what a transport throws when a cable is pulled), for
/// cancellation and link-loss tests. Connect with <see cref="OpenPreparedAsync"/>.
/// </summary>
internal sealed class InterruptibleDevice : IDeviceLauncher, IDisposable
{
    private readonly string _keysDir = Directory.CreateTempSubdirectory("wearable-keys-").FullName;

    public InterruptibleStream? Link { get; private set; }

    public LaunchedDevice Launch(ConnectionString connection)
    {
        var link = InProcessLink.Create();
        var board = new VirtualBoard(
            new VirtualDeviceOptions { Channels = 2, SampleRate = 250, Transport = "inproc", PairingWindow = TimeSpan.FromMinutes(5), Quiet = true },
            link.Device);
        board.Start();
        Link = new InterruptibleStream(link.Host, link);
        return new LaunchedDevice(Link, board, "in-process test device");
    }

    /// <summary>A prepared session; requests wait <paramref name="requestTimeout"/> and a lost link is not retried.</summary>
    public async Task<DeviceSession> OpenPreparedAsync(TimeSpan requestTimeout)
    {
        var options = new DeviceSessionOptions
        {
            Launcher = this,
            PairAutomatically = true,
            RequestTimeout = requestTimeout,
            TimeSyncInterval = TimeSpan.FromHours(1), // no background ping may take the muted write
            ReconnectAttempts = 0,
        };
        DeviceSession session = await DeviceSession.ConnectAsync(ConnectionString.Parse("sim://"), new HostKeyStore(_keysDir), options);
        await session.PrepareAsync();
        return session;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_keysDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The host end of the link with two faults a test can switch on.</summary>
    internal sealed class InterruptibleStream(Stream inner, IDisposable link) : Stream
    {
        private volatile Exception? _failure;
        private volatile bool _muted;

        /// <summary>Set when a write was swallowed by <see cref="Mute"/>: the request is in flight and can get no reply.</summary>
        public ManualResetEventSlim Swallowed { get; } = new();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        /// <summary>From now on the device hears nothing the host sends.</summary>
        public void Mute() => _muted = true;

        public void Unmute() => _muted = false;

        /// <summary>Breaks the link: the host's pending and later reads throw <paramref name="cause"/>.</summary>
        public void Fail(Exception cause)
        {
            _failure = cause;
            link.Dispose(); // wakes the blocked read with end of stream, which Read turns into the cause
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _failure is null ? inner.Read(buffer, offset, count) : 0;
            return _failure is { } failure ? throw failure : n;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_muted)
            {
                Swallowed.Set();
                return;
            }

            inner.Write(buffer, offset, count);
        }

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                Swallowed.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
