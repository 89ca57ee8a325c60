using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wearable.View;

/// <summary>
/// Serves the live view: the page (our own HTML, JS and CSS, embedded) at <c>/</c> and a WebSocket at
/// <c>/live</c> that pushes one <see cref="LiveFrame"/> every <see cref="LiveViewOptions.FrameInterval"/>
/// to every open page and takes the buttons' commands (<see cref="LiveCommand"/>), answered with a
/// <see cref="LiveReply"/>. A WebSocket whose Origin is not this server is refused, so another web
/// site open in the same browser cannot drive the buttons.
/// </summary>
public sealed class LiveViewServer : IAsyncDisposable
{
    /// <summary>How frames and replies are written: camelCase JSON, as the page reads them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication _app;
    private readonly LiveViewFeed _feed;
    private readonly IRecordingControl _recording;
    private readonly ConcurrentDictionary<int, Channel<byte[]>> _clients = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _frames = Task.CompletedTask;
    private int _nextClient;
    private int _nextMarker;

    private LiveViewServer(WebApplication app, LiveViewFeed feed, IRecordingControl recording, LiveViewOptions options)
    {
        _app = app;
        _feed = feed;
        _recording = recording;
        Options = options;
    }

    public LiveViewOptions Options { get; }

    /// <summary>The page's address (with the real port when 0 was asked for).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Pages connected right now.</summary>
    public int Clients => _clients.Count;

    /// <summary>Binds, starts serving and starts the frame timer.</summary>
    public static async Task<LiveViewServer> StartAsync(LiveViewFeed feed, IRecordingControl recording, LiveViewOptions options, CancellationToken cancellationToken = default)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        WebApplication app = builder.Build();
        var server = new LiveViewServer(app, feed, recording, options);
        app.UseWebSockets();
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"));
        app.MapGet("/live-view.js", () => Asset("live-view.js", "text/javascript; charset=utf-8"));
        app.MapGet("/live-view.css", () => Asset("live-view.css", "text/css; charset=utf-8"));
        app.Map("/live", server.AcceptAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/");
        server._frames = Task.Run(server.SendFramesAsync);
        return server;
    }

    /// <summary>Handles one command as the WebSocket does (for the page's buttons, and for tests).</summary>
    public LiveReply Handle(LiveCommand command)
    {
        try
        {
            switch (command.Command)
            {
                case LiveCommand.RecordStart:
                    RecordingStatus started = _recording.Start();
                    return new LiveReply(command.Command, true, "recording to " + started.Path, started);
                case LiveCommand.RecordStop:
                    RecordingStatus stopped = _recording.Stop();
                    return new LiveReply(command.Command, true, stopped.LastFile is null ? "not recording" : "saved " + stopped.LastFile, stopped);
                case LiveCommand.Marker:
                    int number = Interlocked.Increment(ref _nextMarker);
                    _recording.Mark(number);
                    return new LiveReply(command.Command, true, "marker " + number, _recording.Status);
                default:
                    return new LiveReply(command.Command ?? string.Empty, false, "unknown command '" + command.Command + "': use record-start, record-stop or marker", _recording.Status);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return new LiveReply(command.Command, false, ex.Message, _recording.Status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _frames.ConfigureAwait(false);
        foreach (Channel<byte[]> client in _clients.Values)
        {
            client.Writer.TryComplete();
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private static IResult Asset(string name, string contentType)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException("The live view's " + name + " is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Results.Bytes(copy.ToArray(), contentType);
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!SameOrigin(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        int id = Interlocked.Increment(ref _nextClient);

        // A page that falls behind loses whole frames (oldest first) rather than slowing the others.
        var outbox = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _clients[id] = outbox;
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, context.RequestAborted);
        Task sending = SendAsync(socket, outbox.Reader, closed.Token);
        try
        {
            await ReceiveAsync(socket, outbox.Writer, closed.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            _clients.TryRemove(id, out _);
            outbox.Writer.TryComplete();
            closed.Cancel();
            await sending.ConfigureAwait(false);
        }
    }

    private static bool SameOrigin(HttpRequest request)
    {
        string? origin = request.Headers.Origin;
        return string.IsNullOrEmpty(origin)
            || (Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private async Task ReceiveAsync(WebSocket socket, ChannelWriter<byte[]> outbox, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage && message.Length <= buffer.Length * 4);

            LiveReply reply = LiveCommand.TryParse(message.ToArray(), out LiveCommand? command)
                ? Handle(command!)
                : new LiveReply(string.Empty, false, "not a command: send {\"command\": \"record-start\" | \"record-stop\" | \"marker\"}", _recording.Status);
            outbox.TryWrite(JsonSerializer.SerializeToUtf8Bytes(reply, Json));
        }
    }

    private static async Task SendAsync(WebSocket socket, ChannelReader<byte[]> outbox, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (byte[] message in outbox.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The page went away; the receive side ends the connection.
        }
    }

    private async Task SendFramesAsync()
    {
        using var timer = new PeriodicTimer(Options.FrameInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                LiveFrame frame = _feed.TakeFrame(_recording.Status);
                if (_clients.IsEmpty)
                {
                    continue;
                }

                byte[] message = JsonSerializer.SerializeToUtf8Bytes(frame, Json);
                foreach (Channel<byte[]> client in _clients.Values)
                {
                    client.Writer.TryWrite(message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
