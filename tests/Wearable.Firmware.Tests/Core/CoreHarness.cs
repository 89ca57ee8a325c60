using Wearable.Firmware.Board;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Storage;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Firmware.Tests.Core;

/// <summary>
/// A firmware core on in-memory board parts, driven from the test thread through a
/// <see cref="ScriptedHost"/>: no threads, no wall clock, so every exchange is deterministic.
/// </summary>
internal sealed class CoreHarness
{
    public static readonly byte[] HostId = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
    public static readonly byte[] Secret = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();

    public CoreHarness(int channels = 4, int sampleRate = 250, BoardProfile? profile = null, DeviceConfiguration? configuration = null, IFlashSlotStore? flash = null, ISampleSource? source = null)
    {
        Clock = VirtualClock.Fast();
        Host = new ScriptedHost();
        var board = new DeviceBoard(
            profile ?? BoardProfile.Virtual(),
            null,
            source ?? new SyntheticSource(Clock, channels, sampleRate, 3),
            Host,
            Clock,
            flash ?? new FlashFile(null, 4096, 2, 1024, FlashLayout.RecordCount),
            new SilentStatus(),
            new AlwaysOpenButton(),
            new SystemEntropy());
        board.Presence = Host;
        Device = new FirmwareDevice(board, configuration ?? new DeviceConfiguration());
        Device.Boot();
    }

    public FirmwareDevice Device { get; }

    public ScriptedHost Host { get; }

    public VirtualClock Clock { get; }

    /// <summary>Pairs <see cref="HostId"/> (the button is always open here) and authenticates it.</summary>
    public CoreHarness Authenticate()
    {
        var pair = new PairRequestMessage();
        HostId.CopyTo(pair.HostId, 0);
        Secret.CopyTo(pair.HostSecret, 0);
        Host.Send(pair);
        var begin = new AuthBeginMessage();
        HostId.CopyTo(begin.HostId, 0);
        Host.Send(begin);
        Device.Poll();
        var challenge = new AuthChallengeMessage();
        Assert.True(Host.TryTake(challenge));

        var response = new AuthResponseMessage();
        new LinkAuthenticator().ComputeHostProof(Secret, challenge.DeviceNonce, response.HostNonce, HostId, response.Proof, 0);
        Host.Send(response);
        Device.Poll();
        Assert.True(Device.IsAuthenticated);
        Host.TakeFrames();
        return this;
    }

    /// <summary>Sends one request, runs the main loop until the device has read all of it and returns everything the device sent.</summary>
    public List<CapturedFrame> Exchange(ILinkMessage request, byte flags = LinkFlags.None)
    {
        Host.Send(request, flags);
        do
        {
            Device.Poll();
        }
        while (Host.HasPendingInput);

        return Host.TakeFrames();
    }

    /// <summary>Uploads <paramref name="model"/> into slot 0 in 512-byte chunks and returns everything the device sent for the commit.</summary>
    public List<CapturedFrame> Upload(byte[] model)
    {
        uint crc = LinkCrc32.Compute(model, 0, model.Length);
        CapturedFrame begun = Exchange(new ModelBeginMessage { Slot = 0, TotalSize = (uint)model.Length, Crc32 = crc }).Single();
        Assert.True(begun.Type == LinkMessageType.Ack, "ModelBegin: " + begun);
        for (int offset = 0; offset < model.Length; offset += 512)
        {
            var chunk = new ModelChunkMessage { Offset = (uint)offset, DataLength = Math.Min(512, model.Length - offset) };
            Array.Copy(model, offset, chunk.Data, 0, chunk.DataLength);
            CapturedFrame acked = Exchange(chunk).Single();
            Assert.True(acked.Type == LinkMessageType.Ack, "ModelChunk: " + acked);
        }

        return Exchange(new ModelCommitMessage { Slot = 0, Crc32 = crc });
    }

    /// <summary>The one response the device sent to the request with <paramref name="sequence"/>.</summary>
    public static CapturedFrame ResponseTo(List<CapturedFrame> frames, int sequence)
    {
        CapturedFrame[] responses = frames.Where(f => f.IsResponse && f.Sequence == sequence).ToArray();
        Assert.True(responses.Length == 1, $"Expected one response to #{sequence}, got: {string.Join("; ", frames)}");
        return responses[0];
    }

    /// <summary>Asserts <paramref name="frame"/> is an Error with <paramref name="code"/> and returns its detail.</summary>
    public static string AssertError(CapturedFrame frame, LinkErrorCode code, LinkMessageType refused)
    {
        Assert.True(frame.Type == LinkMessageType.Error, $"Expected Error {code} for {refused}, got {frame}.");
        ErrorMessage error = frame.Read(new ErrorMessage());
        Assert.True(error.Code == code && error.RefusedType == refused, $"Expected Error {code} for {refused}, got {frame}.");
        return error.GetDetail();
    }
}
