using System.CommandLine;
using System.Globalization;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Link;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;

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
        DeviceSession session = Open(connection);
        try
        {
            TextWriter log = json ? Console.Error : Console.Out;
            session.StatusChanged += s => log.WriteLine("[" + s.State.ToString().ToLowerInvariant() + "] " + s.Message);
            BoardDescription board = session.Board!;

            // Decisions come along when the device has a model to make them, so events/s is real.
            bool events = (session.Info!.Capabilities & LinkCapabilities.InferenceEvents) != 0;
            var watch = new StreamDurationWatch(seconds);
            session.BlockReceived += block => watch.OnBlock(block, board.SamplingRate);
            session.InferenceReceived += _ => watch.OnEvent();
            CliSessions.Guard(connection, () => { session.StartStreamAsync(StreamSelection.Default with { WithInferenceEvents = events }).GetAwaiter().GetResult(); return 0; });
            double[] rms = new double[board.ChannelNames.Count];
            double lastSeconds = 0;
            long lastBlocks = 0, lastEvents = 0;
            int silentSeconds = 0;
            while (!watch.Elapsed.WaitOne(TimeSpan.FromSeconds(1)))
            {
                // Seconds are the device's: a link that delivers nothing for StallSeconds of host time ends the run.
                double now = watch.DeviceSeconds;
                silentSeconds = now > lastSeconds ? 0 : silentSeconds + 1;
                if (silentSeconds >= StallSeconds)
                {
                    throw new CliException(
                        "no data from " + connection + " for " + StallSeconds + " s (" + now.ToString("F1", CultureInfo.InvariantCulture) + " of " + seconds + " s received).",
                        "Check the device is on and streaming; 'wearable info " + connection + "' shows what it reports.");
                }

                rms = ChannelActivity.Rms(session.GetCurrentData(board.SamplingRate), board);
                if (!json && now > lastSeconds)
                {
                    double span = now - lastSeconds;
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"t={now,5:F1}s  RMS uV [{ChannelActivity.Format(rms)}]  {(watch.Blocks - lastBlocks) / span,6:F0} blocks/s  {(watch.Events - lastEvents) / span:F1} events/s  lost {session.Counters.LostBlocks}"));
                }

                lastSeconds = now;
                lastBlocks = watch.Blocks;
                lastEvents = watch.Events;
            }

            CliSessions.Guard(connection, () => { session.StopStreamAsync().GetAwaiter().GetResult(); return 0; });
            SessionCounters c = session.Counters;
            double elapsed = watch.DeviceSeconds;
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
                    blocksPerSecond = Math.Round(watch.BlocksPerSecond, 1),
                    inferenceEvents = c.InferenceEvents,
                    eventsPerSecond = Math.Round(watch.EventsPerSecond, 2),
                    lostBlocks = c.LostBlocks,
                    lostSamples = c.LostSamples,
                    gaps = c.Gaps,
                    resyncs = c.Resyncs,
                    crcErrors = c.CrcErrors,
                    framesRejected = c.FramesRejected,
                    reconnects = c.Reconnects,
                    rmsMicrovolts = rms.Select(r => Math.Round(r, 2)).ToArray(),
                });
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Samples} samples in {c.Blocks} blocks over {elapsed:F1} s of device time ({watch.BlocksPerSecond:F0} blocks/s, {c.InferenceEvents} events = {watch.EventsPerSecond:F1}/s); {c.LostBlocks} blocks lost in {c.Gaps} gaps ({c.LostSamples} samples per channel), {c.Resyncs} resyncs, {c.CrcErrors} CRC errors, {c.Reconnects} reconnects"));
            }

            return 0;
        }
        finally
        {
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Host seconds without a single block before a run is given up.</summary>
    private const int StallSeconds = 5;

    private static DeviceSession Open(string connection)
    {
        try
        {
            return CliSessions.OpenPrepared(connection, DeviceArguments.Keys(), DeviceArguments.OptionsFor(connection));
        }
        catch (InvalidDataException ex)
        {
            throw new CliException(connection + ": " + ex.Message, "A device must report at least one channel and a rate of 1.." + DeviceInfoCheck.MaxSampleRateHz + " Hz.");
        }
    }
}
