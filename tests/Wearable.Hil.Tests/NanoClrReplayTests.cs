using Wearable.Firmware.Profiles;
using Wearable.Firmware.Replay;
using Wearable.Hil.NanoClr;
using Wearable.Hil.NanoClr.Replay;
using Wearable.Kernels.Link;
using Wearable.TestSupport;
using Xunit.Abstractions;

namespace Wearable.Hil.Tests;

/// <summary>
/// The streaming HIL against nanoCLR: a session (pair, authenticate, push the small gesture CNN, stream
/// raw blocks with its decisions alongside) recorded against the firmware core on .NET, replayed into
/// the same core inside nanoFramework's interpreter, byte for byte.
/// </summary>
public class NanoClrReplayTests(ITestOutputHelper output)
{
    private static readonly byte[] HostId = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] HostSecret = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] HostNonce = Enumerable.Range(200, 16).Select(i => (byte)i).ToArray();

    private static ReplayBoard MyoBoard()
    {
        byte[] raw = File.ReadAllBytes(RepositoryPaths.InRepo("data", "samples", "myo-male7-gestures-0-6.dat"));
        short[] frames = new short[8 * 400]; // 2 s at 200 Hz, looping: plenty for the session below
        Buffer.BlockCopy(raw, 0, frames, 0, frames.Length * 2);
        return new ReplayBoard(frames, 8, 200, Enumerable.Range(0, 16).Select(i => (byte)(0xA0 + i)).ToArray(), 16384, 12345);
    }

    private static LinkTranscript RecordOnDotNet(ReplayBoard board, byte[] model, int blocks, int decisions, bool stopStream = true)
    {
        var device = new ReplayDevice(BoardProfile.Esp32(), board.Frames, board.Channels, board.SampleRate, board.DeviceId, board.SlotSize, board.EntropySeed);
        var host = new ScriptedHostSession(input => device.Output.AsSpan(0, device.Step(input, 0, input?.Length ?? 0)).ToArray());
        return host.Run(HostId, HostSecret, HostNonce, model, LinkStreamKind.Raw, 16, blocks, decisions, stopStream);
    }

    [Fact]
    public void The_session_on_dotnet_streams_blocks_and_decisions_and_repeats_exactly()
    {
        byte[] model = File.ReadAllBytes(RepositoryPaths.InRepo("models", "gesture-cnn-small.wmdl"));

        LinkTranscript first = RecordOnDotNet(MyoBoard(), model, blocks: 6, decisions: 4);
        LinkTranscript second = RecordOnDotNet(MyoBoard(), model, blocks: 6, decisions: 4);

        Assert.Equal(first.AllOutput(), second.AllOutput());
        ReplayReport self = NanoClrReplay.Compare(first, ParsedFrom(first), "self");
        Assert.True(self.Success, self.FirstMismatch?.Detail);
        Assert.True(self.Blocks >= 6 && self.Decisions >= 4, $"{self.Blocks} blocks, {self.Decisions} decisions");
    }

    [Fact]
    public void A_changed_byte_or_a_missing_last_line_is_reported_as_a_mismatch()
    {
        LinkTranscript transcript = RecordOnDotNet(MyoBoard(), File.ReadAllBytes(RepositoryPaths.InRepo("models", "gesture-cnn-small.wmdl")), blocks: 3, decisions: 1);
        int pass = Enumerable.Range(0, transcript.Passes).Last(p => transcript.Output(p).Length > 0);
        string stdout = Printed(transcript, pass);

        ReplayReport changed = NanoClrReplay.Compare(transcript, ReplayOutput.Parse(stdout + ReplayHarnessSource.DonePrefix + "1\n", 0), "test");
        ReplayReport silent = NanoClrReplay.Compare(transcript, ReplayOutput.Parse(Printed(transcript, -1), 0), "test");

        Assert.False(changed.Success);
        Assert.Equal(pass, changed.FirstMismatch!.Pass);
        Assert.Contains("nanoCLR 0x", changed.FirstMismatch.Detail);
        Assert.False(silent.Success);
        Assert.Contains("uncaught exception", silent.FirstMismatch!.Detail);
    }

    [NanoClrFact]
    public void The_firmware_core_inside_nanoCLR_writes_the_bytes_dotnet_writes()
    {
        ReplayBoard board = MyoBoard();
        LinkTranscript transcript = RecordOnDotNet(board, File.ReadAllBytes(RepositoryPaths.InRepo("models", "gesture-cnn-small.wmdl")), blocks: 8, decisions: 6);

        ReplayReport report = NanoClrReplay.Run(board, transcript, TimeSpan.FromMinutes(5));

        Assert.True(report.Success, report.FirstMismatch?.Detail);
        Assert.True(report.Decisions >= 6, report.Decisions + " decisions");
    }

    [NanoClrMemoryFact]
    public void The_firmware_cores_streaming_loop_keeps_no_managed_memory_inside_nanoCLR()
    {
        ReplayBoard board = MyoBoard();
        LinkTranscript transcript = RecordOnDotNet(board, File.ReadAllBytes(RepositoryPaths.InRepo("models", "gesture-cnn-small.wmdl")), blocks: 4, decisions: 2, stopStream: false);

        var (row, streamed) = NanoClrReplay.MeasureMemory(board, transcript, passes: 64, TimeSpan.FromMinutes(5));

        // The figures for docs/performance.md: dotnet test ... --logger "console;verbosity=detailed" prints them.
        output.WriteLine($"firmware core on nanoCLR: baseline {row.BaselineBytes} B, resident {row.ResidentBytes} B, kept by 2x64 passes {row.SteadyGrowthBytes} B, dropped per 64 passes {row.LoopGarbageBytes} B, streamed {streamed} B");
        Assert.True(streamed > 0, "the core wrote nothing in the streaming loops");
        Assert.True(row.ResidentBytes > 0, "resident " + row.ResidentBytes + " B");
        Assert.True(row.SteadyGrowthBytes == 0, $"streaming kept {row.SteadyGrowthBytes} B; resident {row.ResidentBytes} B, baseline {row.BaselineBytes} B");
        Assert.True(Math.Abs(row.LoopGarbageBytes) <= 2 * NanoClrMemoryHarnessSource.JunkBytes, $"streaming dropped {row.LoopGarbageBytes} B per 64 passes; resident {row.ResidentBytes} B, streamed {streamed} B");
    }

    private static ReplayOutput ParsedFrom(LinkTranscript transcript) =>
        ReplayOutput.Parse(Printed(transcript, -1) + ReplayHarnessSource.DonePrefix + transcript.Passes + "\n", 0);

    // What the harness prints for the transcript, with the last byte of pass `flip` changed (-1: none).
    private static string Printed(LinkTranscript transcript, int flip)
    {
        var text = new System.Text.StringBuilder();
        for (int p = 0; p < transcript.Passes; p++)
        {
            byte[] bytes = transcript.Output(p).ToArray();
            if (bytes.Length == 0)
            {
                continue;
            }

            if (p == flip)
            {
                bytes[^1] ^= 0x01;
            }

            text.Append(ReplayHarnessSource.OutputPrefix).Append(p).Append(' ').Append(Convert.ToHexString(bytes).ToLowerInvariant()).Append('\n');
        }

        return text.ToString();
    }
}
