using System.CommandLine;
using System.Globalization;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;

namespace Wearable.Cli.Verbs;

/// <summary>
/// The README's main job, end to end with no hardware: a virtual device plays real forearm sEMG (the
/// bundled Myo sample) or the synthetic source, the host pairs in its open pairing window, pushes the
/// default gesture model (a models/*.wmdl whose input matches the device) so the device recognises
/// gestures itself, streams samples with the device's inference events, records EDF+ (decisions as
/// annotations), prints live gestures and activity with latency and ends with a summary. Plain lines
/// only, so it runs the same in CI (no terminal, stdin closed).
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds") { Description = "How long to stream (at most an hour).", DefaultValueFactory = _ => 12.0 }.InRange(0, 3600, exclusiveMin: true);
        var source = new Option<string>("--source") { Description = "myo (bundled real sEMG), muse (bundled real ear-EEG: SSVEP detections on the device), synthetic, or a Myo .dat / Muse .csv file.", DefaultValueFactory = _ => "myo" }.ExistingFileOr("myo", "muse", "synthetic");
        var output = new Option<string?>("--out") { Description = "EDF+ (.edf) or 24-bit BDF+ (.bdf) file to write (default: an .edf in the temp folder)." }.OutputFile();
        var afe = new Option<bool>("--afe") { Description = "Read the synthetic signal through a simulated ADS1299 and the firmware's real driver (SPI bytes -> driver -> core -> link)." };
        var json = CommonOptions.Json();
        var view = new Option<bool>("--view") { Description = "Also serve the live view in the browser (docs/live-view.md) on 127.0.0.1 while the demo runs." };
        var typing = new Option<bool>("--typing") { Description = "Instead: a virtual device plays synthetic typing and the host shows the text as it is recognised (the shipped models/typing-default.json)." };
        var command = new Command("demo", "Stream from a virtual device playing real sEMG: pair, stream, record EDF+, live activity and latency, summary.")
        {
            seconds,
            source,
            output,
            afe,
            json,
            view,
            typing,
        };
        command.SetAction(parse => parse.GetValue(typing) ? DemoTyping.Run(parse.GetValue(seconds), parse.GetValue(json)) : Run(parse.GetValue(seconds), parse.GetValue(source)!, parse.GetValue(output), parse.GetValue(afe), parse.GetValue(json), parse.GetValue(view)));
        return command;
    }

    /// <summary>The bundled sample's path next to the CLI (or in the repository when run from source).</summary>
    public static string BundledSample()
    {
        const string Name = "myo-male7-gestures-0-6.dat";
        string beside = Path.Combine(AppContext.BaseDirectory, "samples", Name);
        return File.Exists(beside) ? beside : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "data", "samples", Name));
    }

    private static int Run(double seconds, string source, string? output, bool afe, bool json, bool view)
    {
        if (!(seconds > 0) || seconds > 3600)
        {
            throw new CliException($"--seconds must be in (0, 3600], got {seconds}.", "Try --seconds 12.");
        }

        // EEG plays through its own demo: its decisions are SSVEP targets scored against the file's cues, not gestures.
        if (source == "muse" || source.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            if (afe || view)
            {
                throw new CliException("--afe and --view belong to the sEMG demo; the ear-EEG demo plays the Muse recording at its own 256 Hz.", "Drop --afe / --view with --source muse.", 2);
            }

            return EegDemo.Run(seconds, source == "muse" ? EegDemo.BundledSample() : Path.GetFullPath(source), DemoOutput(output), json);
        }

        string sourceArgument = source switch
        {
            "myo" => BundledSample(),
            "synthetic" => "synthetic",
            _ => Path.GetFullPath(source),
        };
        if (sourceArgument != "synthetic" && !File.Exists(sourceArgument))
        {
            throw new CliException("The demo's signal " + sourceArgument + " does not exist.", "Use --source synthetic, or a Myo .dat / Muse .csv file.");
        }

        if (afe && sourceArgument != "synthetic")
        {
            throw new CliException("--afe reads through a simulated ADS1299, which converts at 250..16000 SPS; a recording plays at its own rate (the Myo's 200 Hz is not an ADS1299 rate).", "Use --afe with --source synthetic.");
        }

        string path = DemoOutput(output);

        string connection = "sim://?transport=pty&pairing=60&channels=8&rate=2000&source=" + Uri.EscapeDataString(sourceArgument) + (afe ? "&afe=ads1299" : string.Empty);
        TextWriter log = json ? Console.Error : Console.Out;

        // A throw-away key store: the demo's virtual device forgets its pairing when it stops, so keeping its key would only clutter the user's.
        string keyDir = Directory.CreateTempSubdirectory("wearable-demo-keys-").FullName;
        try
        {
            var options = new DeviceSessionOptions { PairAutomatically = true, BufferSeconds = 10, ReconnectAttempts = 0 };
            log.WriteLine("starting a virtual device playing " + (sourceArgument == "synthetic" ? "synthetic sEMG" : Path.GetFileName(sourceArgument)) + " ...");
            DeviceSession session = CliSessions.OpenPrepared(connection, new HostKeyStore(keyDir), options);
            session.StatusChanged += s => log.WriteLine("  [" + s.State.ToString().ToLowerInvariant() + "] " + s.Message);
            BoardDescription board = session.Board!;
            log.WriteLine($"paired and authenticated with {board.Name} {session.DeviceId[..8]}: {board.ChannelNames.Count} ch x {board.SamplingRate} Hz, {board.MicrovoltsPerCount:G4} uV per count");
            GestureModel? model = GestureModel.FindFor(board.ChannelNames.Count, board.SamplingRate);
            bool recognising = model is not null && PushModel(session, connection, model, log);
            if (model is null)
            {
                log.WriteLine($"no gesture model for {board.ChannelNames.Count} ch at {board.SamplingRate} Hz in models/: streaming raw sEMG and showing per-channel activity (RMS) instead of gestures");
            }

            var probe = LinkLatencyProbe.TryAttach(session)!;
            SessionRecorder recorder = SessionRecorder.Start(session, path);
            var rows = new List<object>();
            long events = 0;
            int lastClass = -1;
            session.InferenceReceived += e =>
            {
                Interlocked.Increment(ref events);
                if (e.ClassId == lastClass)
                {
                    return;
                }

                lastClass = e.ClassId;
                double? latencyMs = probe.EventLatencyMs(e);
                string latency = latencyMs is double ms ? ms.ToString("F1", CultureInfo.InvariantCulture) + " ms from its last sample to the host" : "latency unknown";
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  gesture: {model!.Label(e.ClassId),-18} (p={e.Score:F2}, decided on the device; {latency})"));
            };
            CliSessions.Guard(connection, () =>
            {
                session.StartStreamAsync(new StreamSelection { WithInferenceEvents = recognising }).GetAwaiter().GetResult();
                return 0;
            });
            LiveViewRun? live = view ? LiveViewRun.Start(session, model is null ? null : model.Label, Path.GetDirectoryName(Path.GetFullPath(path))!, new Wearable.View.LiveViewOptions(), fallBackToAnyPort: true) : null;
            if (live is not null)
            {
                log.WriteLine("live view at " + live.Url + " for the next " + seconds.ToString(CultureInfo.InvariantCulture) + " s (--seconds runs it longer)");
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            int tick = 0;
            while (clock.Elapsed.TotalSeconds < seconds - 0.05)
            {
                Thread.Sleep(TimeSpan.FromSeconds(Math.Min(1.0, Math.Max(0.05, seconds - clock.Elapsed.TotalSeconds))));
                tick++;
                double[] rms = Rms(session.GetCurrentData(board.SamplingRate), board);
                int strongest = Array.IndexOf(rms, rms.Max());
                double latency = probe.Last();
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  t={clock.Elapsed.TotalSeconds,5:F1}s  RMS uV [{string.Join(" ", rms.Select(r => r.ToString("F0", CultureInfo.InvariantCulture).PadLeft(5)))}]  most active {board.ChannelNames[strongest]}  latency {latency:F1} ms"));
                rows.Add(new { t = Math.Round(clock.Elapsed.TotalSeconds, 2), rmsMicrovolts = rms.Select(r => Math.Round(r, 1)).ToArray(), latencyMs = Math.Round(latency, 2) });
            }

            CliSessions.Guard(connection, () =>
            {
                session.StopStreamAsync().GetAwaiter().GetResult();
                return 0;
            });
            Thread.Sleep(50);
            live?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            recorder.Dispose();
            LatencyStats latencyStats = probe.Stats();
            probe.Dispose();
            SessionCounters counters = session.Counters;
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            var summary = new
            {
                source = sourceArgument == "synthetic" ? "synthetic" : Path.GetFileName(sourceArgument),
                channels = board.ChannelNames.Count,
                sampleRate = board.SamplingRate,
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                samples = counters.Samples,
                blocks = counters.Blocks,
                lostBlocks = counters.LostBlocks,
                lostSamples = counters.LostSamples,
                resyncs = counters.Resyncs,
                crcErrors = counters.CrcErrors,
                inferenceEvents = events,
                latencyMs = new { p50 = latencyStats.P50, p99 = latencyStats.P99, max = latencyStats.Max },
                file = path,
                recordsWritten = recorder.RecordsWritten,
                model = model is null ? null : Path.GetFileName(model.Path),
                recognisedOnDevice = recognising,
                live = rows,
            };
            if (json)
            {
                JsonOutput.Write(summary);
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"summary: {events} gesture decisions made on the device, {counters.Samples} samples ({counters.Blocks} blocks) in {summary.seconds} s, {counters.LostBlocks} blocks lost, {counters.CrcErrors} CRC errors; latency p50 {latencyStats.P50:F2} ms, p99 {latencyStats.P99:F2} ms"));
                Console.Out.WriteLine($"recorded {recorder.RecordsWritten} s of EDF+ to {path} (open it with any EDF viewer, or 'wearable record repair' if a crash cut it short)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(keyDir, recursive: true);
        }
    }

    private static string DemoOutput(string? output)
    {
        string path = output ?? Path.Combine(Path.GetTempPath(), "wearable-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".edf");
        try
        {
            RecordingFormat.FromPath(path);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, "Example: wearable demo --out demo.bdf");
        }

        return path;
    }

    private static double[] Rms(double[][] data, BoardDescription board)
    {
        var rms = new double[board.ChannelNames.Count];
        for (int c = 0; c < rms.Length; c++)
        {
            double[] row = data[board.ExgRows[c]];
            double mean = row.Length == 0 ? 0 : row.Average();
            rms[c] = row.Length == 0 ? 0 : Math.Sqrt(row.Sum(v => (v - mean) * (v - mean)) / row.Length);
        }

        return rms;
    }

    // Uploads the model into the inactive slot; the device verifies it on commit and starts running it.
    private static bool PushModel(DeviceSession session, string connection, GestureModel model, TextWriter log)
    {
        int? active = session.Info!.ActiveModelSlot;
        byte slot = active == 0 ? (byte)1 : (byte)0;
        CliSessions.Guard(connection, () =>
        {
            session.UploadModelAsync(slot, model.Bytes).GetAwaiter().GetResult();
            return 0;
        });
        log.WriteLine($"pushed gesture model {Path.GetFileName(model.Path)} ({model.Bytes.Length} bytes, labels {string.Join(", ", model.Labels)}) to slot {slot}: the device recognises gestures itself");
        return true;
    }
}
