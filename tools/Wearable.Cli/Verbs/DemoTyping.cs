using System.Diagnostics;
using System.Globalization;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.Modeling.Typing;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Board;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Cli.Verbs;

/// <summary>
/// <c>demo --typing</c>: a virtual device with two 16-electrode bands plays a held-out synthetic user's
/// typing at 2 kHz over a pty; the host pairs, streams and decodes (features, CTC network, beam search
/// with the character LM: the heavy part stays on the host), printing the text as it appears.
/// </summary>
public static class DemoTyping
{
    /// <summary>Device counts are 0.25 uV: the simulator's 4 uV noise keeps 16 levels, its largest bursts stay inside int16.</summary>
    private const int NanovoltsPerCount = 250;

    public static int Run(double seconds, bool json)
    {
        TextWriter log = json ? Console.Error : Console.Out;
        TypingModel model = TypingCommand.LoadModel(TypingCommand.ModelPath(null));
        var options = new TypingExperimentOptions();
        var corpus = TypingCommand.Corpus();
        var languageModel = TypingExperiment.BuildLanguageModel(corpus, options);
        var typing = new TypingSemgSimulator(corpus, options.Seed).Session(new TypingUser(options.Seed, TypingExperiment.FirstHeldOutUser), 0, seconds + 1);
        var recording = new Recording(ToCounts(typing.Samples), typing.Channels, (int)typing.SampleRate) { NanovoltsPerLsb = NanovoltsPerCount };
        var deviceOptions = new VirtualDeviceOptions
        {
            Preloaded = recording,
            Source = "typing",
            Channels = recording.Channels,
            SampleRate = recording.SampleRate,
            Transport = "pty",
            PairingWindow = TimeSpan.FromSeconds(60),
            Quiet = true,
        };

        using var board = new VirtualBoard(deviceOptions);
        board.Start();
        string connection = board.SlavePath ?? throw new CliException("The virtual device has no pseudo-terminal.", "Run the demo on Linux or macOS.");
        log.WriteLine($"a virtual device plays held-out synthetic user {TypingExperiment.FirstHeldOutUser} typing ({typing.Channels} ch x {typing.SampleRate:F0} Hz) on {board.SlavePath}");
        string keyDir = Directory.CreateTempSubdirectory("wearable-demo-keys-").FullName;
        try
        {
            var sessionOptions = new DeviceSessionOptions { PairAutomatically = true, BufferSeconds = 10, ReconnectAttempts = 0 };
            DeviceSession session = CliSessions.OpenPrepared(connection, new HostKeyStore(keyDir), sessionOptions);
            var recognizer = new StreamingTypingRecognizer(model, languageModel, options.Beam, typing.Channels);
            var computeMs = new List<double>();
            var gate = new object();
            string shown = string.Empty;
            var clock = Stopwatch.StartNew();
            var compute = new Stopwatch();
            float[] chunk = [];
            session.BlockReceived += block =>
            {
                if (block.ChannelCount != typing.Channels)
                {
                    return;
                }

                lock (gate)
                {
                    if (chunk.Length != block.Counts.Length)
                    {
                        chunk = new float[block.Counts.Length];
                    }

                    for (int i = 0; i < chunk.Length; i++)
                    {
                        chunk[i] = (float)(block.Counts[i] * block.MicrovoltsPerCount);
                    }

                    compute.Restart();
                    if (recognizer.Push(chunk, block.SampleCount))
                    {
                        computeMs.Add(compute.Elapsed.TotalMilliseconds);
                        string text = TypingCharset.Apply(recognizer.Keys);
                        if (text != shown)
                        {
                            shown = text;
                            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {clock.Elapsed.TotalSeconds,5:F1} s  {text}"));
                        }
                    }
                }
            };
            CliSessions.Guard(connection, () =>
            {
                session.StartStreamAsync(new StreamSelection()).GetAwaiter().GetResult();
                return 0;
            });
            clock.Restart();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            CliSessions.Guard(connection, () =>
            {
                session.StopStreamAsync().GetAwaiter().GetResult();
                return 0;
            });
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
            lock (gate)
            {
                double streamed = recognizer.Frames / 100.0;
                var typed = typing.Keystrokes.Where(k => (k.ReleaseSample / typing.SampleRate) + 0.1 < streamed).Select(k => k.Key).ToArray();
                double cer = CharacterErrorRate.Percent([(new string(typed), recognizer.Keys)]);
                computeMs.Sort();
                double median = computeMs.Count == 0 ? 0 : computeMs[computeMs.Count / 2];
                if (json)
                {
                    JsonOutput.Write(new { typed = TypingCharset.Apply(new string(typed)), recognised = shown, keys = typed.Length, cer = Math.Round(cer, 1), seconds = Math.Round(streamed, 2), hostComputeMsPerChunk = Math.Round(median, 2) });
                }
                else
                {
                    Console.Out.WriteLine("typed:      " + TypingCharset.Apply(new string(typed)));
                    Console.Out.WriteLine("recognised: " + shown);
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"summary: {typed.Length} keys in {streamed:F1} s streamed from the device, CER {cer:F1} %; host compute per 100 ms chunk median {median:F2} ms (features, network and LM beam search run on the host)"));
                }
            }

            return board.Fault is null ? 0 : 1;
        }
        finally
        {
            Directory.Delete(keyDir, recursive: true);
        }
    }

    private static short[] ToCounts(float[] microvolts)
    {
        var counts = new short[microvolts.Length];
        double scale = 1000.0 / NanovoltsPerCount;
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = (short)Math.Clamp(Math.Round(microvolts[i] * scale), short.MinValue, short.MaxValue);
        }

        return counts;
    }
}
