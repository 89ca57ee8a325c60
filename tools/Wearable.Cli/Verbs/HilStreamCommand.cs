using System.CommandLine;
using Wearable.Cli.Devices;
using Wearable.Cli.Simulation;
using Wearable.Firmware.Processing;
using Wearable.Hil.Running;
using Wearable.Hil.Streaming;
using Wearable.Kernels.Link;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable hil stream`: the virtual device replays a recording through its sample source over a
/// pseudo-terminal; its Raw or Filtered stream is compared sample by sample with the desktop's
/// processing of the same file. Registered under `hil` by <see cref="HilCommand"/>.
/// </summary>
public static class HilStreamCommand
{
    public static Command Create()
    {
        var recording = new Option<FileInfo>("--recording") { Description = "Myo .dat or Muse .csv recording (e.g. from ../shared/data).", Required = true }.ExistingFile();
        var kind = new Option<string>("--kind") { Description = "raw or filtered.", DefaultValueFactory = _ => "filtered" }.OneOf("raw", "filtered");
        var blocks = new Option<int>("--blocks") { Description = "Blocks to compare.", DefaultValueFactory = _ => 200 }.InRange(1, 1_000_000);
        var json = CommonOptions.Json();
        var command = new Command("stream", "Replay a recording on the virtual device and compare its stream with the desktop's, sample by sample.") { recording, kind, blocks, json };
        command.SetAction(parse => Run(parse.GetValue(recording)!, parse.GetValue(kind)!, parse.GetValue(blocks), parse.GetValue(json)));
        return command;
    }

    public static StreamingHilReport Compare(string recordingPath, LinkStreamKind kind, int blocks, int blockFrames = 20)
    {
        Recording recording = Recording.Load(recordingPath);
        BiquadCascadeOrNull(kind, recording.SampleRate, out var band);
        string connection = "sim://?fast=1&source=" + recordingPath;
        using LinkHilTarget device = LinkHilTarget.Connect(connection, TimeSpan.FromSeconds(10), new VirtualDeviceLauncher());
        var reference = new RecordingStreamReference(recording, band);
        return StreamingHil.Compare(device.Client, kind, recording.Channels, recording.SampleRate, blockFrames, blocks, reference, TimeSpan.FromSeconds(10));
    }

    private static void BiquadCascadeOrNull(LinkStreamKind kind, int rate, out Wearable.Kernels.Dsp.BiquadCascadeParameters? band)
    {
        band = kind == LinkStreamKind.Filtered
            ? DefaultFrontEnds.BandFor(rate) ?? throw new CliException($"The device has no band filter for {rate} Hz, so it has no Filtered stream.", "Use --kind raw.")
            : null;
    }

    private static int Run(FileInfo recording, string kindText, int blocks, bool json)
    {
        LinkStreamKind kind = kindText switch
        {
            "raw" => LinkStreamKind.Raw,
            "filtered" => LinkStreamKind.Filtered,
            _ => throw new CliException($"--kind must be raw or filtered, not '{kindText}'."),
        };
        if (!recording.Exists)
        {
            throw new CliException($"{recording.FullName} does not exist.", "Recordings are under ../shared/data (see its README).");
        }

        StreamingHilReport report;
        try
        {
            report = Compare(recording.FullName, kind, blocks);
        }
        catch (Exception ex) when (ex is HilTargetException or IOException or InvalidDataException or Wearable.EdgeHost.Link.DeviceLinkException)
        {
            throw new CliException(ex.Message, "See docs/hil.md (streaming HIL).");
        }

        if (json)
        {
            JsonOutput.Write(new
            {
                kind = kind.ToString(),
                success = report.Success,
                blocks = report.Blocks,
                frames = report.Frames,
                channels = report.Channels,
                firstDivergence = report.FirstDivergence,
            });
        }
        else
        {
            Console.Out.WriteLine(report.Success
                ? $"{kind} stream identical to the desktop for {report.Frames} frames x {report.Channels} channels ({report.Blocks} blocks)"
                : $"{kind} stream diverges: {report.FirstDivergence!.Detail}");
        }

        return report.Success ? 0 : 1;
    }
}
