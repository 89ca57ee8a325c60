using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.VirtualDevice;

namespace Wearable.EdgeHost.Tests.Sessions;

/// <summary>
/// A virtual device served on a pseudo-terminal (the real serial code path) plus a private key store,
/// for session tests. The pairing window is open for the whole test unless told otherwise.
/// </summary>
internal sealed class VirtualDeviceFixture : IDisposable
{
    private readonly string _configDir = Directory.CreateTempSubdirectory("wearable-keys-").FullName;

    public VirtualDeviceFixture(int channels = 4, int rate = 500, bool fast = false, bool pairingOpen = true)
    {
        Board = new VirtualBoard(new VirtualDeviceOptions
        {
            Channels = channels,
            SampleRate = rate,
            Transport = "pty",
            RealTime = !fast,
            PairingWindow = pairingOpen ? TimeSpan.FromMinutes(5) : TimeSpan.Zero,
            Quiet = true,
        });
        Board.Start();
        Keys = new HostKeyStore(_configDir);
        Connection = ConnectionString.Parse(Board.SlavePath!);
    }

    public VirtualBoard Board { get; }

    public HostKeyStore Keys { get; }

    public ConnectionString Connection { get; }

    /// <summary>Connects, pairs (first time) and prepares a session.</summary>
    public async Task<DeviceSession> OpenPreparedAsync(DeviceSessionOptions? options = null)
    {
        DeviceSession session = await DeviceSession.ConnectAsync(Connection, Keys, options);
        if (Keys.List().Count == 0)
        {
            await session.PairAsync();
        }

        await session.PrepareAsync();
        return session;
    }

    public void Dispose()
    {
        Board.Dispose();
        try
        {
            Directory.Delete(_configDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
