using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;

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
        var json = CommonOptions.Json();
        record.Options.Add(connect);
        record.Options.Add(output);
        record.Options.Add(seconds);
        record.Options.Add(json);
        record.SetAction(parse => Run(parse.GetValue(connect), parse.GetValue(output), parse.GetValue(seconds), parse.GetValue(json)));
    }

    private static int Run(string? connection, string? output, double seconds, bool json)
    {
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

            CliSessions.Guard(connection, () => { session.StartStreamAsync().GetAwaiter().GetResult(); return 0; });
            var clock = Stopwatch.StartNew();
            if (!json && ProgressConsole.TryCreate() is { } terminal)
            {
                terminal.Progress().Start(ctx =>
                {
                    ProgressTask task = ctx.AddTask("recording " + Path.GetFileName(output), maxValue: seconds);
                    while (clock.Elapsed.TotalSeconds < seconds)
                    {
                        Thread.Sleep(100);
                        task.Value = Math.Min(seconds, clock.Elapsed.TotalSeconds);
                    }
                });
            }
            else
            {
                int reported = 0;
                while (clock.Elapsed.TotalSeconds < seconds)
                {
                    Thread.Sleep(100);
                    int percent = (int)Math.Min(100, clock.Elapsed.TotalSeconds * 100 / seconds);
                    if (!json && percent / 25 > reported / 25)
                    {
                        reported = percent;
                        log.WriteLine($"recording {percent}% ({session.Counters.Samples} samples)");
                    }
                }
            }

            CliSessions.Guard(connection, () => { session.StopStreamAsync().GetAwaiter().GetResult(); return 0; });
            Thread.Sleep(50);
            recorder.Dispose();
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
