using System.Net;
using Wearable.EdgeHost.Sessions;
using Wearable.View;

namespace Wearable.Cli.Devices;

/// <summary>
/// A live view on a prepared, streaming session: the feed, the record/marker buttons (recordings go to
/// a folder) and the web server. 'view' and 'demo --view' both start it here; disposing stops the server
/// and finishes a recording still running, but leaves the session to its owner.
/// </summary>
public sealed class LiveViewRun : IAsyncDisposable
{
    private readonly SessionRecordingControl _recording;

    private LiveViewRun(LiveViewServer server, SessionRecordingControl recording)
    {
        Server = server;
        _recording = recording;
    }

    public LiveViewServer Server { get; }

    public Uri Url => Server.Url;

    /// <summary>
    /// Serves the view of <paramref name="session"/>. When <paramref name="fallBackToAnyPort"/> is set and
    /// the port is taken, a free port is used instead (the URL printed says which).
    /// </summary>
    public static LiveViewRun Start(DeviceSession session, Func<int, string>? label, string recordingFolder, LiveViewOptions options, bool fallBackToAnyPort)
    {
        LiveViewFeed feed = LiveViewFeed.Attach(session, label);
        var recording = new SessionRecordingControl(session, recordingFolder);
        try
        {
            LiveViewServer server;
            try
            {
                server = LiveViewServer.StartAsync(feed, recording, options).GetAwaiter().GetResult();
            }
            catch (IOException) when (fallBackToAnyPort && options.Port != 0)
            {
                server = LiveViewServer.StartAsync(feed, recording, options with { Port = 0 }).GetAwaiter().GetResult();
            }

            return new LiveViewRun(server, recording);
        }
        catch (IOException ex)
        {
            recording.Dispose();
            throw new CliException("Cannot serve the live view on " + new IPEndPoint(options.Address, options.Port) + ": " + ex.Message, "Pick another --port (0 takes any free one).");
        }
    }

    /// <summary>The warning printed when the view is reachable from other machines.</summary>
    public static string ExposedWarning(LiveViewOptions options) =>
        "warning: the live view listens on " + options.Address + ", not only this machine: it has no login, so anyone who can reach this port can watch the signals and start or stop recordings.";

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        _recording.Dispose();
    }
}
