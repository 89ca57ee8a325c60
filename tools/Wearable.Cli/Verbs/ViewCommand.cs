using System.CommandLine;
using System.Net;
using Wearable.Cli.Devices;
using Wearable.EdgeHost.Connections;
using Wearable.EdgeHost.Pairing;
using Wearable.EdgeHost.Sessions;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;
using Wearable.View;

namespace Wearable.Cli.Verbs;

/// <summary>
/// `wearable view CONNECTION`: streams a device and serves a live page (docs/live-view.md) with traces,
/// RMS, spectrum, contact, the device's decisions, markers and record buttons, on 127.0.0.1 unless
/// --bind says otherwise. Runs until Ctrl+C, --seconds or the link is lost for good.
/// </summary>
public static class ViewCommand
{
    public static Command Create()
    {
        var connection = DeviceArguments.Connection();
        var port = new Option<int>("--port") { Description = "Port to serve on (0 = any free port; default " + LiveViewOptions.DefaultPort + ", or any free one when it is taken).", DefaultValueFactory = _ => LiveViewOptions.DefaultPort }.InRange(0, 65535);
        var bind = new Option<string>("--bind") { Description = "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 exposes the page, which has no login, to the network).", DefaultValueFactory = _ => "127.0.0.1" }
            .Matches(@"(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*|localhost", "an IP address (127.0.0.1, 0.0.0.0, ::1) or localhost");
        var outDir = new Option<DirectoryInfo?>("--out-dir") { Description = "Folder for recordings started from the page (created when missing; default: the current folder)." }.OutputFolder();
        var model = new Option<string?>("--model") { Description = "A .wmdl model to push to the device first, so the page shows its decisions with the model's labels." }.ExistingFile();
        var seconds = new Option<double>("--seconds") { Description = "Stop after this long (default: a day, or Ctrl+C).", DefaultValueFactory = _ => 86_400 }.InRange(0, 86_400, exclusiveMin: true);
        var command = new Command("view", "Serve a live view of a device in the browser: traces, RMS, spectrum, contact, decisions, markers, recording.")
        {
            connection,
            port,
            bind,
            outDir,
            model,
            seconds,
        };
        command.SetAction(parse =>
        {
            var request = new ViewRequest(
                parse.GetValue(connection)!,
                ParseAddress(parse.GetValue(bind)!),
                parse.GetValue(port),
                parse.GetResult(port) is { Implicit: false },
                parse.GetValue(outDir)?.FullName ?? Environment.CurrentDirectory,
                parse.GetValue(model));
            return Run(request, parse.GetValue(seconds));
        });
        return command;
    }

    /// <summary>What to view and where to serve it.</summary>
    public sealed record ViewRequest(string Connection, IPAddress Address, int Port, bool PortGiven, string RecordingFolder, string? ModelPath);

    /// <summary>A running 'view': the session it opened and the live view on it.</summary>
    public sealed class RunningView : IAsyncDisposable
    {
        private readonly string? _keyFolder;

        internal RunningView(DeviceSession session, LiveViewRun view, string? keyFolder)
        {
            Session = session;
            View = view;
            _keyFolder = keyFolder;
        }

        public DeviceSession Session { get; }

        public LiveViewRun View { get; }

        public Uri Url => View.Url;

        public async ValueTask DisposeAsync()
        {
            await View.DisposeAsync().ConfigureAwait(false);
            await Session.DisposeAsync().ConfigureAwait(false);
            if (_keyFolder is not null)
            {
                Directory.Delete(_keyFolder, recursive: true);
            }
        }
    }

    /// <summary>Opens the device, pushes the model if asked, starts streaming and serves the page (what the verb does before it waits).</summary>
    public static RunningView Start(ViewRequest request, TextWriter log)
    {
        DeviceLaunchers.Simulated ??= new VirtualDeviceLauncher();
        bool simulated = CliSessions.Parse(request.Connection).Kind == ConnectionKind.Simulated;

        // A sim:// device forgets its pairing when it stops, so its key goes to a throw-away store (as in 'demo').
        string? keyFolder = simulated ? Directory.CreateTempSubdirectory("wearable-view-keys-").FullName : null;
        HostKeyStore keys = keyFolder is null ? DeviceArguments.Keys() : new HostKeyStore(keyFolder);
        DeviceSession? session = null;
        try
        {
            session = CliSessions.OpenPrepared(request.Connection, keys, DeviceArguments.OptionsFor(request.Connection));
            session.StatusChanged += s => log.WriteLine("[" + s.State.ToString().ToLowerInvariant() + "] " + s.Message);
            string[]? labels = request.ModelPath is null ? null : PushModel(session, request, log);
            bool events = labels is not null || (session.Info!.Capabilities & LinkCapabilities.InferenceEvents) != 0;
            DeviceSession streaming = session;
            CliSessions.Guard(request.Connection, () => { streaming.StartStreamAsync(StreamSelection.Default with { WithInferenceEvents = events }).GetAwaiter().GetResult(); return 0; });
            var options = new LiveViewOptions { Address = request.Address, Port = request.Port };
            LiveViewRun view = LiveViewRun.Start(session, labels is null ? null : id => id >= 0 && id < labels.Length ? labels[id] : "class " + id, request.RecordingFolder, options, fallBackToAnyPort: !request.PortGiven);
            return new RunningView(session, view, keyFolder);
        }
        catch
        {
            session?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            if (keyFolder is not null)
            {
                Directory.Delete(keyFolder, recursive: true);
            }

            throw;
        }
    }

    private static int Run(ViewRequest request, double seconds)
    {
        using var stop = new ManualResetEventSlim();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Set();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            RunningView running = Start(request, Console.Out);
            try
            {
                if (!IPAddress.IsLoopback(request.Address))
                {
                    Console.Error.WriteLine(LiveViewRun.ExposedWarning(running.View.Server.Options));
                }

                running.Session.StatusChanged += s =>
                {
                    if (s.State is SessionState.Failed or SessionState.Closed)
                    {
                        stop.Set();
                    }
                };
                Console.Out.WriteLine("live view at " + running.Url + " (recordings go to " + request.RecordingFolder + "; Ctrl+C to stop)");
                stop.Wait(TimeSpan.FromSeconds(seconds));
                return 0;
            }
            finally
            {
                running.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static IPAddress ParseAddress(string text)
    {
        if (text == "localhost")
        {
            return IPAddress.Loopback;
        }

        return IPAddress.TryParse(text, out IPAddress? address)
            ? address
            : throw new CliException("--bind: '" + text + "' is not an IP address.", "Use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).", exitCode: 2);
    }

    // Uploads into the inactive slot; the device verifies the model on commit and starts running it.
    private static string[] PushModel(DeviceSession session, ViewRequest request, TextWriter log)
    {
        byte[] bytes = File.ReadAllBytes(request.ModelPath!);
        ModelDefinition model;
        try
        {
            model = ModelReader.Read(bytes);
        }
        catch (ModelFormatException ex)
        {
            throw new CliException(request.ModelPath + " is not a model file: " + ex.Message, "Give a .wmdl from 'wearable quantize' or models/.");
        }

        BoardDescription board = session.Board!;
        if (model.Input.Channels != board.ChannelNames.Count || model.Input.SampleRateMilliHz != board.SamplingRate * 1000L)
        {
            throw new CliException(
                $"{Path.GetFileName(request.ModelPath)} expects {model.Input.Channels} ch at {model.Input.SampleRateMilliHz / 1000.0} Hz; the device streams {board.ChannelNames.Count} ch at {board.SamplingRate} Hz.",
                "Push a model trained for this device, or leave out --model.");
        }

        byte slot = session.Info!.ActiveModelSlot == 0 ? (byte)1 : (byte)0;
        CliSessions.Guard(request.Connection, () => { session.UploadModelAsync(slot, bytes).GetAwaiter().GetResult(); return 0; });
        log.WriteLine($"pushed {Path.GetFileName(request.ModelPath)} ({bytes.Length} bytes) to slot {slot}; labels {string.Join(", ", model.Labels)}");
        return model.Labels;
    }
}
