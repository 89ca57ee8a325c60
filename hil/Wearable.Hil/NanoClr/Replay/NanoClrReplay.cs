using System.Globalization;
using Wearable.Hil.Running;
using Wearable.Kernels.Link;

namespace Wearable.Hil.NanoClr.Replay;

/// <summary>Where nanoCLR's bytes first differ from .NET's: the pass, the byte of the session's output, and which frame that is.</summary>
public sealed record ReplayMismatch(int Pass, long Offset, string Detail);

/// <summary>A replayed session: how much was compared and the first difference (null = identical).</summary>
public sealed record ReplayReport(string Target, int Passes, long OutputBytes, int Frames, int Blocks, int Decisions, ReplayMismatch? FirstMismatch)
{
    public bool Success => FirstMismatch is null && Blocks > 0;
}

/// <summary>
/// The streaming HIL against nanoFramework's interpreter: the host half of a session recorded against
/// the firmware core on .NET is replayed into the same core inside nanoCLR, pass by pass, and every
/// byte the device writes (sample blocks, decisions, replies) must be the bytes .NET wrote.
/// </summary>
public static class NanoClrReplay
{
    /// <summary>Builds the replay harness for <paramref name="transcript"/>, runs it in nanoCLR and compares.</summary>
    public static ReplayReport Run(ReplayBoard board, LinkTranscript transcript, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(transcript);
        NanoClrToolchain toolchain = NanoClrToolchain.Locate();
        string core = Path.Combine(toolchain.DeviceFolder, "Wearable.Firmware.Core.dll");
        if (!File.Exists(core))
        {
            throw new HilTargetException("the device build of the firmware core is missing from " + toolchain.DeviceFolder + ": build tools/Wearable.Cli (it builds firmware/Wearable.Firmware.Core.NanoBuild)");
        }

        string folder = Path.Combine(Path.GetTempPath(), "wearable-nanoclr-replay-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            string kernels = Path.Combine(toolchain.DeviceFolder, "Wearable.Kernels.dll");
            var pes = new List<string> { Path.Combine(toolchain.DeviceFolder, "mscorlib.pe"), toolchain.ToPe(kernels, folder), toolchain.ToPe(core, folder, kernels) };
            string harness = toolchain.CompileProgram(ReplayHarnessSource.Generate(board, transcript), "WearableReplayHarness", folder, core);
            pes.Add(toolchain.ToPe(harness, folder, kernels, core));
            ProcessResult run = toolchain.Run(pes, timeout);
            ReplayOutput output = ReplayOutput.Parse(run.StandardOutput, run.ExitCode);
            return Compare(transcript, output, "nanoCLR (" + Path.GetFileName(toolchain.Interpreter) + ")");
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("WEARABLE_NANOCLR_KEEP") is null) { Directory.Delete(folder, recursive: true); }
        }
    }

    /// <summary>
    /// The firmware core's managed heap inside the memstats nanoCLR ($WEARABLE_NANOCLR_MEMSTATS): the session
    /// of <paramref name="transcript"/> replayed (model pushed, streaming), then two loops of
    /// <paramref name="passes"/> main-loop passes with no host input. Also returns the bytes those loops wrote,
    /// so a core that stopped streaming cannot pass for an allocation-free one.
    /// </summary>
    public static (NanoClrMemoryRow Row, long StreamedBytes) MeasureMemory(ReplayBoard board, LinkTranscript transcript, int passes, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentOutOfRangeException.ThrowIfLessThan(passes, 1);
        NanoClrToolchain toolchain = NanoClrToolchain.Locate(NanoClrToolchain.MemoryStatsInterpreterVariable);
        string core = Path.Combine(toolchain.DeviceFolder, "Wearable.Firmware.Core.dll");
        string folder = Directory.CreateTempSubdirectory("wearable-nanoclr-replay-memory-").FullName;
        try
        {
            string kernels = Path.Combine(toolchain.DeviceFolder, "Wearable.Kernels.dll");
            var pes = new List<string> { Path.Combine(toolchain.DeviceFolder, "mscorlib.pe"), toolchain.ToPe(kernels, folder), toolchain.ToPe(core, folder, kernels) };
            string harness = toolchain.CompileProgram(ReplayHarnessSource.Generate(board, transcript, passes), "WearableReplayMemoryHarness", folder, core);
            pes.Add(toolchain.ToPe(harness, folder, kernels, core));
            ProcessResult run = toolchain.Run(pes, timeout);
            var reports = NanoClrMemoryOutput.Parse(run.StandardOutput, run.ExitCode);
            string done = run.StandardOutput.Split('\n', StringSplitOptions.TrimEntries).First(l => l.StartsWith(NanoClrMemoryHarnessSource.DonePrefix, StringComparison.Ordinal));
            long streamed = long.Parse(done.Split(' ')[2], NumberStyles.Integer, CultureInfo.InvariantCulture);
            return (new NanoClrMemoryRow("firmware core", 0, passes, reports), streamed);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("WEARABLE_NANOCLR_KEEP") is null) { Directory.Delete(folder, recursive: true); }
        }
    }

    /// <summary>Compares every pass's bytes; an incomplete run fails at the first pass it did not report.</summary>
    public static ReplayReport Compare(LinkTranscript expected, ReplayOutput actual, string target)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        byte[] all = expected.AllOutput();
        var frames = FrameIndex(all);
        int blocks = frames.Count(f => f.Type == LinkMessageType.SampleBlock);
        int decisions = frames.Count(f => f.Type == LinkMessageType.InferenceEvent);
        long offset = 0;
        for (int pass = 0; pass < expected.Passes; pass++)
        {
            byte[] want = expected.Output(pass);
            byte[] got = actual.Output(pass);
            int common = Math.Min(want.Length, got.Length);
            int at = 0;
            while (at < common && want[at] == got[at])
            {
                at++;
            }

            if (at < common || want.Length != got.Length)
            {
                long where = offset + at;
                var frame = frames.FirstOrDefault(f => f.End >= where);
                string which = frame.Type == LinkMessageType.None && frame.End == 0
                    ? "after the last frame"
                    : "frame " + (frames.IndexOf(frame) + 1).ToString(CultureInfo.InvariantCulture) + " (" + frame.Type + ")";
                string detail = at < common
                    ? $"pass {pass}, output byte {where} in {which}: .NET wrote 0x{want[at]:x2}, nanoCLR 0x{got[at]:x2}"
                    : $"pass {pass}: .NET wrote {want.Length} B, nanoCLR {got.Length} B" + (actual.Completed ? string.Empty : " (" + actual.EndReason + ")");
                return new ReplayReport(target, expected.Passes, all.Length, frames.Count, blocks, decisions, new ReplayMismatch(pass, where, detail));
            }

            offset += want.Length;
        }

        ReplayMismatch? incomplete = actual.Completed ? null : new ReplayMismatch(expected.Passes, offset, actual.EndReason!);
        return new ReplayReport(target, expected.Passes, all.Length, frames.Count, blocks, decisions, incomplete);
    }

    private static List<(long End, LinkMessageType Type)> FrameIndex(byte[] bytes)
    {
        var decoder = new LinkDecoder();
        var frames = new List<(long End, LinkMessageType Type)>();
        for (int i = 0; i < bytes.Length; i++)
        {
            if (decoder.PushByte(bytes[i]))
            {
                frames.Add((i, decoder.Frame.MessageType));
            }
        }

        return frames;
    }
}
