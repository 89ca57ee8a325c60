using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Wearable.Cli.Devices;
using Wearable.Cli.Recordings;
using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable record --connect CONNECTION --out FILE.edf --seconds N`: streams a device into an EDF+
/// file (EXG in µV, markers and inference events as annotations) with a progress bar on a terminal
/// and plain progress lines otherwise.
/// </summary>
public static class RecordStreaming
{
    /// <summary>Adds the streaming options and action to the <c>record</c> command.</summary>
    public static void AddTo(Command record)
    {
        var connect = new Option<string?>("--connect") { Description = "Device to record from (connection string, see 'wearable devices')." }.ConnectionString();
        var output = new Option<string?>("--out") { Description = "File to write: .edf (EDF+, 16-bit) or .bdf (BDF+, 24-bit)." }.OutputFile();
        var seconds = DeviceArguments.Seconds(10);
        var protocol = new Option<FileInfo?>("--protocol") { Description = "Cued session (JSON: steps with label and seconds, repetitions, leadIn): shows each cue and writes it as an annotation; the recording lasts as long as the protocol." }.ExistingFile();
        var json = CommonOptions.Json();
        record.Options.Add(protocol);
        record.Options.Add(connect);
        record.Options.Add(output);
        record.Options.Add(seconds);
        record.Options.Add(json);
        record.SetAction(parse => Run(parse.GetValue(connect), parse.GetValue(output), parse.GetValue(seconds), parse.GetValue(protocol), parse.GetValue(json)));
    }

    /// <summary>The channel summary PNG beside the recording (FILE.png); a recording is kept even when its picture cannot be drawn.</summary>
    private static string? SummaryPicture(string recording, TextWriter log)
    {
        string path = Path.ChangeExtension(recording, ".png");
        try
        {
            Pictures.ChannelSummaryPicture.Save(recording, path);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EdfFormatException)
        {
            log.WriteLine("warning: no summary picture " + path + ": " + ex.Message);
            return null;
        }
    }

    /// <summary>
    /// A virtual device with the gestures source is a simulated wearer: it holds each cue's gesture
    /// (rest = 0, the other labels 1, 2, ... in the protocol's order) as the cue is shown.
    /// </summary>
    private static void FollowCues(DeviceSession session, RecordingConsole console)
    {
        if (console.Runner is not { } runner || session.LaunchedDevice?.Handle is not VirtualBoard { Source: CuedGestureSource wearer })
        {
            return;
        }

        runner.CueStarted += cue => wearer.Hold(GestureIndex(runner.Protocol, cue.Label));
    }

    /// <summary>The simulated gesture for a cue label: 0 for "rest", else 1 + its place among the other labels.</summary>
    public static int GestureIndex(CueProtocol protocol, string label)
    {
        if (string.Equals(label, "rest", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var others = protocol.Labels.Where(l => !string.Equals(l, "rest", StringComparison.OrdinalIgnoreCase)).ToList();
        return 1 + others.IndexOf(label);
    }

    private static int Run(string? connection, string? output, double seconds, FileInfo? protocolFile, bool json)
    {
        CueProtocol? protocol = null;
        if (protocolFile is not null)
        {
            try
            {
                protocol = CueProtocol.Load(protocolFile.FullName);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message, "Example: { \"leadIn\": 2, \"repetitions\": 5, \"steps\": [{ \"label\": \"rest\", \"seconds\": 3 }, { \"label\": \"fist\", \"seconds\": 3 }] } (docs/recording.md).");
            }

            seconds = protocol.TotalSeconds;
        }

        if (connection is null || output is null)
        {
            throw new CliException("record needs --connect and --out (or the 'repair' subcommand).", "Example: wearable record --connect sim://?seed=1 --out session.edf --seconds 10");
        }

        DeviceArguments.CheckSeconds(seconds);
        try
        {
            RecordingFormat.FromPath(output);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, "Example: wearable record --connect sim://?seed=1 --out session.bdf");
        }

        DeviceSession session = CliSessions.OpenPrepared(connection, DeviceArguments.Keys(), DeviceArguments.OptionsFor(connection));
        SessionRecorder? recorder = null;
        try
        {
            TextWriter log = json ? Console.Error : Console.Out;
            session.StatusChanged += s => log.WriteLine("[" + s.State.ToString().ToLowerInvariant() + "] " + s.Message);
            try
            {
                recorder = SessionRecorder.Start(session, output);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException("Cannot write " + output + ": " + ex.Message, "Pick a writable path ending in .edf or .bdf.");
            }

            int rate = session.Board!.SamplingRate;
            SessionRecorder active = recorder;
            var console = new RecordingConsole(recorder, ConsoleMarkerKeys.Start(), log, () => active.SamplesWritten / (double)rate, protocol);
            FollowCues(session, console);
            CliSessions.Guard(connection, () => { session.StartStreamAsync().GetAwaiter().GetResult(); return 0; });
            var clock = Stopwatch.StartNew();

            // With a protocol the recorded signal is the clock (cues sit where the samples are); a device
            // that stops sending is caught by the wall-clock allowance.
            double Progress() => protocol is null ? clock.Elapsed.TotalSeconds : active.SamplesWritten / (double)rate;
            bool Running()
            {
                console.Poll();
                if (protocol is not null && clock.Elapsed.TotalSeconds > (seconds * 2) + 10)
                {
                    throw new CliException("The device sent " + Progress().ToString("F1") + " s of signal in " + clock.Elapsed.TotalSeconds.ToString("F0") + " s; the protocol needs " + seconds + " s.", "Check the link: 'wearable stream " + connection + "' shows losses.");
                }

                return protocol is null ? clock.Elapsed.TotalSeconds < seconds : !console.ProtocolFinished;
            }

            if (!json && protocol is null && ProgressConsole.TryCreate() is { } terminal)
            {
                terminal.Progress().Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("recording " + Path.GetFileName(output), maxValue: seconds);
                    while (Running())
                    {
                        Thread.Sleep(100);
                        task.Value = Math.Min(seconds, Progress());
                    }
                });
            }
            else
            {
                int reported = 0;
                while (Running())
                {
                    Thread.Sleep(protocol is null ? 100 : 20);
                    int percent = (int)Math.Min(100, Progress() * 100 / seconds);
                    if (!json && protocol is null && percent / 25 > reported / 25)
                    {
                        reported = percent;
                        log.WriteLine($"recording {percent}% ({session.Counters.Samples} samples)");
                    }
                }
            }

            CliSessions.Guard(connection, () => { session.StopStreamAsync().GetAwaiter().GetResult(); return 0; });
            Thread.Sleep(50);
            recorder.Dispose();
            string? picture = SummaryPicture(output, log);
            SessionCounters c = session.Counters;
            var result = new
            {
                file = output,
                records = recorder.RecordsWritten,
                samples = c.Samples,
                lostBlocks = c.LostBlocks,
                lostSamples = c.LostSamples,
                lostSamplesZeroFilled = recorder.LostSamplesFilled,
                gaps = c.Gaps,
                resyncs = c.Resyncs,
                crcErrors = c.CrcErrors,
                cues = console.Runner?.CuesStarted ?? 0,
                markers = console.MarkersWritten,
                plot = picture,
            };
            if (json)
            {
                JsonOutput.Write(result);
            }
            else
            {
                Console.Out.WriteLine($"wrote {result.records} one-second records ({c.Samples} samples per channel) to {output}; {c.LostBlocks} blocks lost in {c.Gaps} gaps ({c.LostSamples} samples per channel, zero-filled and marked BAD_ACQ_SKIP), {c.Resyncs} counter resyncs");
            }

            return 0;
        }
        finally
        {
            recorder?.Dispose();
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
