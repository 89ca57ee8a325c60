using System.Collections.Concurrent;
using System.Globalization;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Recording;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Eeg;
using Wearable.Modeling.Eeg;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable demo --source muse`: a virtual ear-EEG device plays a Muse recording (the bundled excerpt or
/// a Muse .csv), the host pushes an SSVEP detector model, the device decides 30 Hz / 20 Hz / none itself
/// and sends its decisions on the link; the host shows them against the recording's flicker cues (which
/// only the file knows, the device never sees them) and scores them. Real time, like the sEMG demo: the
/// virtual device's fast clock outruns the pty link and drops blocks, which would leave gaps in the EDF+.
/// </summary>
public static class EegDemo
{
    /// <summary>The bundled Muse excerpt (data/samples/README.md says where it comes from).</summary>
    public const string SampleName = "muse-subject3-session1-ssvep-30s.csv";

    // Marker 1 = the 30 Hz flicker, 2 = 20 Hz; the detector's class k + 1 is target k, so marker m is class m.
    private static readonly double[] TargetsHz = [30, 20];
    private static readonly string[] Labels = ["none", "30 Hz", "20 Hz"];

    // 2 s windows: shorter ones decide barely above chance behind the ear (docs/eeg.md, eval --task ssvep).
    // Hop 0.125 s. Behind-the-ear rho over 2 s rarely exceeds 0.3 even under the flicker, so 0.15 (tried on
    // the bundled excerpt: 0.3 detected nothing) trades some rest detections for seeing the cues at all.
    private const double WindowSeconds = 2;
    private const int Hop = 32;
    private const double Threshold = 0.15;

    // The dataset's flicker lasts 3 s after each marker (SsvepEvaluationOptions.StimulusSeconds).
    private const double StimulusSeconds = 3;

    public static string BundledSample()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "samples", SampleName);
        return File.Exists(beside) ? beside : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "data", "samples", SampleName));
    }

    public static int Run(double seconds, string file, string path, bool json)
    {
        if (!File.Exists(file))
        {
            throw new CliException("The Muse recording " + file + " does not exist.", "Use --source muse for the bundled excerpt, or a Muse .csv file.");
        }

        Recording played;
        int[] cueAt;
        try
        {
            played = Recording.LoadMuseCsv(file);
            cueAt = Cues(file, played.Frames, played.SampleRate);
        }
        catch (InvalidDataException ex)
        {
            throw new CliException(ex.Message, "A Muse CSV starts 'timestamps,TP9,AF7,AF8,TP10,Right AUX,Marker0' (256 Hz, microvolts).");
        }

        if (played.Frames < 4 * played.SampleRate)
        {
            throw new CliException("The Muse recording " + file + " is shorter than 4 s.", "The detector decides on 2 s windows; use a longer recording.");
        }

        int rate = played.SampleRate;
        int[] picked = [played.Labels!.ToList().IndexOf("TP9"), played.Labels!.ToList().IndexOf("TP10")];
        EegDetectorConfig config = EegDetectorDesign.Ssvep(rate, picked, TargetsHz, WindowSeconds, Hop, thresholdCorrelation: Threshold);
        byte[] model = EegModelFile.Build(config, rate, played.Channels, Labels, "ssvep-muse-demo",
            "SSVEP 30/20 Hz on TP9+TP10, 2 s windows, built by wearable demo --source muse");
        int window = config.SsvepDetector!.Window;

        string connection = "sim://?transport=pty&pairing=60&source=" + Uri.EscapeDataString(file);
        TextWriter log = json ? Console.Error : Console.Out;
        string keyDir = Directory.CreateTempSubdirectory("wearable-demo-keys-").FullName;
        try
        {
            var options = new DeviceSessionOptions { PairAutomatically = true, BufferSeconds = 10, ReconnectAttempts = 0 };
            log.WriteLine("starting an ear-EEG virtual device playing " + Path.GetFileName(file) + " ...");
            DeviceSession session = CliSessions.OpenPrepared(connection, new HostKeyStore(keyDir), options);
            BoardDescription board = session.Board!;
            log.WriteLine($"paired and authenticated with {board.Name} {session.DeviceId[..8]}: {board.ChannelNames.Count} ch x {board.SamplingRate} Hz");
            int? active = session.Info!.ActiveModelSlot;
            byte slot = active == 0 ? (byte)1 : (byte)0;
            CliSessions.Guard(connection, () =>
            {
                session.UploadModelAsync(slot, model).GetAwaiter().GetResult();
                return 0;
            });
            log.WriteLine($"pushed SSVEP detector ({model.Length} bytes: 30 / 20 Hz on TP9+TP10, {WindowSeconds:G} s windows, rho >= {Threshold:G}) to slot {slot}: the device decides itself");

            // The device started playing when it booted, so where the stream starts in the file is found
            // from the samples themselves rather than assumed.
            long firstMicros = -1;
            int startFrame = -1;
            long received = 0;
            var events = new ConcurrentQueue<InferenceEvent>();
            session.BlockReceived += b =>
            {
                if (Interlocked.Read(ref firstMicros) < 0)
                {
                    startFrame = Align(played, b);
                    Interlocked.Exchange(ref firstMicros, b.DeviceTimestampMicros);
                }

                Interlocked.Add(ref received, b.SampleCount);
            };
            session.InferenceReceived += events.Enqueue;
            SessionRecorder recorder = SessionRecorder.Start(session, path);
            CliSessions.Guard(connection, () =>
            {
                session.StartStreamAsync(new StreamSelection { WithInferenceEvents = true }).GetAwaiter().GetResult();
                return 0;
            });

            long wanted = (long)Math.Round(seconds * rate);
            var score = new Score(cueAt, window, rate);
            var wall = System.Diagnostics.Stopwatch.StartNew();
            long shownUpTo = 0;
            int lastClass = -1;
            bool timedOut = false;
            while (Interlocked.Read(ref received) < wanted)
            {
                // Bounds a stalled link, not a slow machine: the stream itself runs at 256 Hz.
                if (wall.Elapsed.TotalSeconds > 60 + seconds)
                {
                    timedOut = true;
                    break;
                }

                Thread.Sleep(20);
                if (Interlocked.Read(ref firstMicros) < 0)
                {
                    continue;
                }

                long upTo = Math.Min(Interlocked.Read(ref received), wanted);
                for (long f = shownUpTo; f < upTo; f++)
                {
                    int cue = cueAt[(startFrame + f) % played.Frames];
                    int before = f == 0 ? -1 : cueAt[(startFrame + f - 1) % played.Frames];
                    if (cue != before)
                    {
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  t={f / (double)rate,6:F2}s  cue -> {Labels[cue]}"));
                        recorder.Annotate("cue " + Labels[cue]);
                    }
                }

                shownUpTo = upTo;
                while (events.TryDequeue(out InferenceEvent? e))
                {
                    long f = FrameOf(e, firstMicros, rate);
                    if (f >= wanted)
                    {
                        continue;
                    }

                    Decision d = score.Add(startFrame + f, e.ClassId, e.Score);
                    if (e.ClassId != lastClass)
                    {
                        lastClass = e.ClassId;
                        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"  t={f / (double)rate,6:F2}s  detected {Labels[Math.Clamp(e.ClassId, 0, 2)],-5} (rho {e.Score:F2}, on the device)  cue {Labels[d.Cue],-5} {(e.ClassId == 0 ? string.Empty : d.Cue == e.ClassId ? "match" : "FALSE")}"));
                    }
                }
            }

            CliSessions.Guard(connection, () =>
            {
                session.StopStreamAsync().GetAwaiter().GetResult();
                return 0;
            });
            recorder.Dispose();
            SessionCounters counters = session.Counters;
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            if (timedOut || startFrame < 0)
            {
                throw new CliException($"The virtual device streamed only {Interlocked.Read(ref received)} of {wanted} frames within {60 + seconds:G} s.", "Try a smaller --seconds, or check the machine's load.");
            }

            double streamed = Math.Min(received, wanted) / (double)rate;
            Summary s = score.Summarise(startFrame, startFrame + wanted);
            var summary = new
            {
                source = Path.GetFileName(file),
                channels = board.ChannelNames.Count,
                sampleRate = rate,
                seconds = Math.Round(streamed, 2),
                startSecondInFile = Math.Round(startFrame / (double)rate, 2),
                samples = counters.Samples,
                lostBlocks = counters.LostBlocks,
                crcErrors = counters.CrcErrors,
                model = new { name = "ssvep-muse-demo", bytes = model.Length, windowSeconds = WindowSeconds, hopSamples = Hop, threshold = Threshold, labels = Labels },
                decisions = s.Decisions,
                detections = s.Detections,
                matched = s.Matched,
                wrongTarget = s.WrongTarget,
                falseAtRest = s.FalseAtRest,
                falseDetections = s.WrongTarget + s.FalseAtRest,
                falseDetectionsPerMinute = Math.Round((s.WrongTarget + s.FalseAtRest) / (streamed / 60), 2),
                accuracy = Math.Round(s.Accuracy, 4),
                chance = 1.0 / TargetsHz.Length,
                cues = s.Cues,
                cuesDetected = s.CuesDetected,
                latencySeconds = s.Latencies.Count == 0 ? null : new { mean = Math.Round(s.Latencies.Average(), 3), min = Math.Round(s.Latencies.Min(), 3), max = Math.Round(s.Latencies.Max(), 3) },
                file = path,
                recordsWritten = recorder.RecordsWritten,
            };
            if (json)
            {
                JsonOutput.Write(summary);
            }
            else
            {
                string latency = s.Latencies.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", first matching detection {s.Latencies.Average():F2} s after the cue on average");
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"summary: {s.Detections} target detections by the device in {streamed:F1} s of EEG (from {summary.startSecondInFile} s into the file): {s.Matched} matched the cue ({s.Accuracy:P0} of those made under a cue; chance {summary.chance:P0}), {s.WrongTarget} wrong target, {s.FalseAtRest} at rest ({summary.falseDetectionsPerMinute} false/min); {s.CuesDetected} of {s.Cues} cues detected{latency}"));
                Console.Out.WriteLine($"recorded {recorder.RecordsWritten} s of EDF+ to {path} (detections and cues as annotations)");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(keyDir, recursive: true);
        }
    }

    // Frames since the stream's first sample; the event stamps the last sample of its window.
    private static long FrameOf(InferenceEvent e, long firstMicros, int rate) =>
        (long)Math.Round((e.DeviceTimestampMicros - firstMicros) * (double)rate / 1_000_000);

    private static int Align(Recording played, SampleBlock block)
    {
        int c = played.Channels;
        int n = Math.Min(block.SampleCount, 32);
        for (int start = 0; start < played.Frames; start++)
        {
            bool same = true;
            for (int i = 0; i < n * c && same; i++)
            {
                same = played.Samples[((((start + (i / c)) % played.Frames) * c) + (i % c))] == block.Counts[i];
            }

            if (same)
            {
                return start;
            }
        }

        return 0;
    }

    // The cued class per frame: the marker's class for StimulusSeconds after it, else 0 (rest).
    private static int[] Cues(string file, int frames, int rate)
    {
        var cue = new int[frames];
        using var reader = new StreamReader(file);
        string[] names = (reader.ReadLine() ?? string.Empty).Split(',');
        int column = Array.IndexOf(names, "Marker0");
        if (column < 0)
        {
            throw new InvalidDataException(file + " has no Marker0 column: the demo needs the flicker cues to score the detections.");
        }

        int stimulus = (int)Math.Round(StimulusSeconds * rate);
        int t = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null && t < frames)
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (column < fields.Length && double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double m) && m is 1 or 2)
            {
                for (int k = t; k < Math.Min(frames, t + stimulus); k++)
                {
                    cue[k] = (int)m;
                }
            }

            t++;
        }

        return cue;
    }

    private readonly record struct Decision(int Cue);

    private sealed record Summary(int Decisions, int Detections, int Matched, int WrongTarget, int FalseAtRest, int Cues, int CuesDetected, List<double> Latencies)
    {
        public double Accuracy => Matched + WrongTarget == 0 ? 0 : Matched / (double)(Matched + WrongTarget);
    }

    // A decision belongs to the cue at its window's middle: a window that mostly saw the flicker was
    // about it, even when its last sample falls just after the flicker stopped.
    private sealed class Score(int[] cueAt, int window, int rate)
    {
        private readonly List<(long Frame, int Class, int Cue)> _decisions = [];

        public Decision Add(long frame, int classId, double score)
        {
            int cue = cueAt[(int)((frame - (window / 2)) % cueAt.Length + cueAt.Length) % cueAt.Length];
            _decisions.Add((frame, classId, cue));
            return new Decision(cue);
        }

        public Summary Summarise(long from, long to)
        {
            int detections = _decisions.Count(d => d.Class != 0);
            int matched = _decisions.Count(d => d.Class != 0 && d.Class == d.Cue);
            int wrong = _decisions.Count(d => d.Class != 0 && d.Cue != 0 && d.Class != d.Cue);
            int rest = _decisions.Count(d => d.Class != 0 && d.Cue == 0);
            int cues = 0, detected = 0;
            var latencies = new List<double>();
            for (long f = from; f < to; f++)
            {
                int cue = cueAt[f % cueAt.Length];
                // A cue already running when the stream starts has no onset to time from.
                int before = f == from ? cue : cueAt[(f - 1) % cueAt.Length];
                if (cue == 0 || cue == before)
                {
                    continue;
                }

                cues++;
                long onset = f;
                var first = _decisions.FirstOrDefault(d => d.Frame >= onset && d.Frame < onset + (StimulusSeconds * rate) + window && d.Class == cue && d.Cue == cue);
                if (first.Class != 0)
                {
                    detected++;
                    latencies.Add((first.Frame - onset) / (double)rate);
                }
            }

            return new Summary(_decisions.Count, detections, matched, wrong, rest, cues, detected, latencies);
        }
    }
}
