using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Onnx.Offload;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Model;
using Wearable.TestSupport;
using Wearable.VirtualDevice;

namespace Wearable.EdgeHost.Onnx.Tests;

/// <summary>
/// Offload end to end with a virtual device playing real sEMG: the device runs the pushed model and
/// streams raw samples with its decisions; the host runs the same model beside the session and
/// compares decision by decision, or emits its own decisions through the same event type.
/// </summary>
public sealed class HostModelOffloadTests
{
    private const string ModelFile = "gesture-cnn-small.wmdl";

    [Theory]
    [InlineData(HostBackend.HostFast, 0.0)]
    [InlineData(HostBackend.OnnxRuntime, 0.02)]
    public async Task BothPlacementsCompareEveryDeviceDecisionWithTheHosts(HostBackend backend, double allowedDisagreement)
    {
        byte[] file = File.ReadAllBytes(RepositoryPaths.InRepo("models", ModelFile));
        using var device = new PlayingDevice();
        await using DeviceSession session = await device.OpenWithModelAsync(file);
        using var offload = new HostModelOffload(ModelReader.Read(file), ModelPlacement.Both, backend);
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        offload.DecisionReceived += _ =>
        {
            if (offload.Compared >= 300)
            {
                enough.TrySetResult();
            }
        };
        offload.Attach(session);
        await session.StartStreamAsync(new StreamSelection { WithInferenceEvents = true });
        await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await session.StopStreamAsync();
        offload.Detach();

        Assert.True(offload.HostDecisions >= 300 && offload.DeviceDecisions >= 300, $"host {offload.HostDecisions}, device {offload.DeviceDecisions} decisions");
        Assert.True(offload.Disagreements <= allowedDisagreement * offload.Compared, $"{offload.Disagreements} of {offload.Compared} decisions differ on {backend}");
    }

    [Fact]
    public async Task HostPlacementEmitsTheHostsDecisionsAsInferenceEvents()
    {
        byte[] file = File.ReadAllBytes(RepositoryPaths.InRepo("models", ModelFile));
        using var device = new PlayingDevice();
        await using DeviceSession session = await device.OpenWithModelAsync(file);
        using var offload = new HostModelOffload(ModelReader.Read(file), ModelPlacement.Host, HostBackend.OnnxRuntime);
        var received = new List<InferenceEvent>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        offload.DecisionReceived += e =>
        {
            lock (received)
            {
                received.Add(e);
                if (received.Count >= 50)
                {
                    enough.TrySetResult();
                }
            }
        };
        offload.Attach(session);
        await session.StartStreamAsync();
        await enough.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await session.StopStreamAsync();
        offload.Detach();

        InferenceEvent[] events;
        lock (received)
        {
            events = received.ToArray();
        }

        Assert.Equal(Enumerable.Range(0, events.Length).Select(i => (uint)i), events.Select(e => e.Sequence));
        Assert.All(events, e => Assert.InRange(e.ClassId, 0, 6));
        Assert.All(events, e => Assert.InRange(e.Score, 0.0, 1.0));
        Assert.Equal(0, offload.DeviceDecisions);
    }

    /// <summary>A virtual device on a pty playing the bundled real Myo sample at 2 kHz, paired and prepared.</summary>
    private sealed class PlayingDevice : IDisposable
    {
        private readonly string _keys = Directory.CreateTempSubdirectory("wearable-offload-keys-").FullName;
        private readonly VirtualBoard _board;

        public PlayingDevice()
        {
            _board = new VirtualBoard(new VirtualDeviceOptions
            {
                Channels = 8,
                SampleRate = 2000,
                Source = RepositoryPaths.InRepo("data", "samples", "myo-male7-gestures-0-6.dat"),
                Transport = "pty",
                PairingWindow = TimeSpan.FromMinutes(5),
                Quiet = true,
            });
            _board.Start();
        }

        public async Task<DeviceSession> OpenWithModelAsync(byte[] model)
        {
            var keys = new HostKeyStore(_keys);
            DeviceSession session = await DeviceSession.ConnectAsync(ConnectionString.Parse(_board.SlavePath!), keys);
            await session.PairAsync();
            await session.PrepareAsync();
            byte slot = session.Info!.ActiveModelSlot == 0 ? (byte)1 : (byte)0;
            await session.UploadModelAsync(slot, model);
            return session;
        }

        public void Dispose()
        {
            _board.Dispose();
            try
            {
                Directory.Delete(_keys, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
