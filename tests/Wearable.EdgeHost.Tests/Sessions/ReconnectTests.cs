using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.EdgeHost.Transports;
using Wearable.VirtualDevice;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>
/// The link drops mid-stream (the device is switched off: its pty closes) and comes back (a new board
/// on the same flash file, so it keeps its id and pairing): the session says so and carries on.
/// </summary>
public sealed class ReconnectTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("wearable-reconnect-").FullName;

    [Fact]
    public async Task A_lost_link_is_reported_and_the_stream_resumes_after_reconnecting()
    {
        var launcher = new RestartableDevice(Path.Combine(_dir, "flash.bin"));
        var keys = new HostKeyStore(Path.Combine(_dir, "keys"));
        var statuses = new List<SessionState>();
        var options = new DeviceSessionOptions { Launcher = launcher, PairAutomatically = true, ReconnectDelay = TimeSpan.FromMilliseconds(100) };
        await using DeviceSession session = await DeviceSession.ConnectAsync(ConnectionString.Parse("sim://?test=1"), keys, options);
        session.StatusChanged += s =>
        {
            lock (statuses)
            {
                statuses.Add(s.State);
            }
        };
        await session.PrepareAsync();
        await session.StartStreamAsync(new StreamSelection { BlockSamples = 10 });
        await SessionWait.UntilAsync(session, () => session.Counters.Samples > 200, "200 samples");

        launcher.PowerOff();
        await SessionWait.UntilAsync(session, () => session.Counters.Reconnects == 1, "the reconnect");
        long before = session.Counters.Samples;
        await SessionWait.UntilAsync(session, () => session.Counters.Samples > before + 200, "200 samples after the reconnect");

        lock (statuses)
        {
            Assert.Contains(SessionState.LinkLost, statuses);
            Assert.Contains(SessionState.Reconnecting, statuses);
            Assert.Contains(SessionState.Reconnected, statuses);
            Assert.True(statuses.IndexOf(SessionState.LinkLost) < statuses.IndexOf(SessionState.Reconnected));
        }

        Assert.Equal(2, launcher.Launches);
        Assert.Equal(0, session.Counters.LostBlocks);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Starts a virtual device on a pty each time it is asked; PowerOff kills the current one.</summary>
    private sealed class RestartableDevice(string flashFile) : IDeviceLauncher
    {
        private VirtualBoard? _current;

        public int Launches { get; private set; }

        public LaunchedDevice Launch(ConnectionString connection)
        {
            var board = new VirtualBoard(new VirtualDeviceOptions
            {
                Channels = 2,
                SampleRate = 500,
                Transport = "pty",
                FlashFile = flashFile,
                PairingWindow = TimeSpan.FromMinutes(1),
                Quiet = true,
            });
            board.Start();
            _current = board;
            Launches++;
            return new LaunchedDevice(SerialTransport.Open(board.SlavePath!), board, "restartable virtual device");
        }

        public void PowerOff() => _current!.Dispose();
    }
}
