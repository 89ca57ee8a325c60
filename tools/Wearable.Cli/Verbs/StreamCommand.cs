using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Sessions;

namespace Wearable.Cli.Verbs;

/// <summary>`wearable stream CONNECTION`: live per-channel RMS, block and event rates, and link health.</summary>
public static class StreamCommand
{
    public static Command Create()
    {
        var connection = DeviceArguments.Connection();
        var seconds = DeviceArguments.Seconds(5);
        var json = CommonOptions.Json();
        var command = new Command("stream", "Stream from a device and show per-channel RMS, block/event rates and losses.") { connection, seconds, json };
        command.SetAction(parse => Run(parse.GetValue(connection)!, parse.GetValue(seconds), parse.GetValue(json)));
        return command;
    }

    private static int Run(string connection, double seconds, bool json)
    {
        DeviceArguments.CheckSeconds(seconds);
        DeviceSession session = CliSessions.OpenPrepared(connection, DeviceArguments.Keys(), DeviceArguments.OptionsFor(connection));
        try
        {
            TextWriter log = json ? Console.Error : Console.Out;
            session.StatusChanged += s => log.WriteLine("[" + s.State.ToString().ToLowerInvariant() + "] " + s.Message);
            BoardDescription board = session.Board!;
            CliSessions.Guard(connection, () => { session.StartStreamAsync().GetAwaiter().GetResult(); return 0; });
            var clock = Stopwatch.StartNew();
            SessionCounters last = session.Counters;
            double lastTime = 0;
            double[] rms = new double[board.ChannelNames.Count];
            while (clock.Elapsed.TotalSeconds < seconds - 0.05)
            {
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(1.0, Math.Max(0.05, seconds - clock.Elapsed.TotalSeconds))));
                SessionCounters now = session.Counters;
                double t = clock.Elapsed.TotalSeconds;
                rms = ChannelActivity.Rms(session.GetCurrentData(board.SamplingRate), board);
                if (!json)
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"t={t,5:F1}s  RMS uV [{ChannelActivity.Format(rms)}]  {(now.Blocks - last.Blocks) / (t - lastTime),6:F0} blocks/s  {(now.InferenceEvents - last.InferenceEvents) / (t - lastTime):F1} events/s  lost {now.LostBlocks}"));
                }

                last = now;
                lastTime = t;
            }

            CliSessions.Guard(connection, () => { session.StopStreamAsync().GetAwaiter().GetResult(); return 0; });
            SessionCounters c = session.Counters;
            double elapsed = clock.Elapsed.TotalSeconds;
            if (json)
            {
                JsonOutput.Write(new
                {
                    deviceId = session.DeviceId,
                    channels = board.ChannelNames.Count,
                    sampleRate = board.SamplingRate,
                    seconds = Math.Round(elapsed, 3),
                    samples = c.Samples,
                    blocks = c.Blocks,
                    blocksPerSecond = Math.Round(c.Blocks / elapsed, 1),
                    inferenceEvents = c.InferenceEvents,
                    eventsPerSecond = Math.Round(c.InferenceEvents / elapsed, 2),
                    lostBlocks = c.LostBlocks,
                    gaps = c.Gaps,
                    crcErrors = c.CrcErrors,
                    framesRejected = c.FramesRejected,
                    reconnects = c.Reconnects,
                    rmsMicrovolts = rms.Select(r => Math.Round(r, 2)).ToArray(),
                });
            }
            else
            {
                Console.Out.WriteLine($"{c.Samples} samples in {c.Blocks} blocks; {c.LostBlocks} lost in {c.Gaps} gaps, {c.CrcErrors} CRC errors, {c.Reconnects} reconnects");
            }

            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
