using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Wearable.View.Tests;

/// <summary>The server on an ephemeral loopback port, fed by hand: the page, the WebSocket frames and the buttons.</summary>
public sealed class LiveViewServerTests : IAsyncLifetime
{
    private readonly FakeRecording _recording = new();
    private readonly LiveViewFeed _feed = new("test device", 1000, ["EXG1", "EXG2", "EXG3"], id => "gesture " + id);
    private LiveViewServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await LiveViewServer.StartAsync(_feed, _recording, new LiveViewOptions { Port = 0, FrameInterval = TimeSpan.FromMilliseconds(10) });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task It_listens_on_loopback_and_serves_our_own_page_with_no_outside_resources()
    {
        Assert.Equal("127.0.0.1", _server.Url.Host);
        Assert.NotEqual(0, _server.Url.Port);
        using var http = new HttpClient { BaseAddress = _server.Url };
        string page = await http.GetStringAsync("/");
        Assert.Contains("<canvas id=\"traces\"", page);
        Assert.Contains("src=\"/live-view.js\"", page);
        HttpResponseMessage script = await http.GetAsync("/live-view.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        string all = page + await script.Content.ReadAsStringAsync() + await http.GetStringAsync("/live-view.css");
        Assert.DoesNotContain("http://", all);
        Assert.DoesNotContain("https://", all);
    }

    [Fact]
    public async Task Frames_over_the_websocket_have_the_documented_shape()
    {
        using ClientWebSocket socket = await ConnectAsync();
        _feed.Add(new Wearable.EdgeHost.Sessions.InferenceEvent(1, 2, 0.5, 0, 0, 0));
        for (long first = 0; first < 1000; first += 10)
        {
            _feed.Add(Signals.SineBlock(3, 10, 25, 1000, 50, first));
        }

        JsonElement frame = await ReceiveUntilAsync(socket, m => m.GetProperty("type").GetString() == "frame" && m.GetProperty("samplesTotal").GetInt64() == 1000);

        Assert.Equal("test device", frame.GetProperty("device").GetString());
        Assert.Equal(1000, frame.GetProperty("sampleRate").GetInt32());
        Assert.Equal(4, frame.GetProperty("decimation").GetInt32());
        Assert.Equal(["EXG1", "EXG2", "EXG3"], frame.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3, frame.GetProperty("traces").GetArrayLength());
        Assert.Equal(3, frame.GetProperty("rms").GetArrayLength());
        Assert.Equal(1000 / 256.0, frame.GetProperty("spectrum").GetProperty("binHz").GetDouble());
        Assert.Equal(129, frame.GetProperty("spectrum").GetProperty("amplitudes")[0].GetArrayLength());
        Assert.Equal("good", frame.GetProperty("contact")[0].GetProperty("verdict").GetString());
        Assert.Equal("gesture 2", frame.GetProperty("decision").GetProperty("label").GetString());
        Assert.Equal(0.5, frame.GetProperty("decision").GetProperty("confidence").GetDouble());
        Assert.Equal(JsonValueKind.Array, frame.GetProperty("markers").ValueKind);
        Assert.False(frame.GetProperty("recording").GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task The_buttons_commands_reach_the_recording_control_and_are_answered()
    {
        using ClientWebSocket socket = await ConnectAsync();

        await SendAsync(socket, "{\"command\":\"record-start\"}");
        JsonElement started = await ReceiveUntilAsync(socket, IsReply);
        Assert.True(started.GetProperty("ok").GetBoolean());
        Assert.True(started.GetProperty("recording").GetProperty("active").GetBoolean());

        await SendAsync(socket, "{\"command\":\"marker\"}");
        await SendAsync(socket, "{\"command\":\"marker\"}");
        Assert.Equal("marker 1", (await ReceiveUntilAsync(socket, IsReply)).GetProperty("message").GetString());
        Assert.Equal("marker 2", (await ReceiveUntilAsync(socket, IsReply)).GetProperty("message").GetString());

        await SendAsync(socket, "{\"command\":\"record-stop\"}");
        JsonElement stopped = await ReceiveUntilAsync(socket, IsReply);
        Assert.False(stopped.GetProperty("recording").GetProperty("active").GetBoolean());
        Assert.Equal("fake.edf", stopped.GetProperty("recording").GetProperty("lastFile").GetString());

        await SendAsync(socket, "{\"command\":\"format-disk\"}");
        JsonElement unknown = await ReceiveUntilAsync(socket, IsReply);
        Assert.False(unknown.GetProperty("ok").GetBoolean());
        Assert.Contains("unknown command", unknown.GetProperty("message").GetString());

        await SendAsync(socket, "not json");
        Assert.False((await ReceiveUntilAsync(socket, IsReply)).GetProperty("ok").GetBoolean());

        Assert.Equal(["start", "mark 1", "mark 2", "stop"], _recording.Calls);
    }

    [Fact]
    public async Task A_websocket_from_another_web_site_is_refused()
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://evil.example");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(LiveUri(), CancellationToken.None));
        Assert.Contains("403", refused.Message);
        Assert.Empty(_recording.Calls);
    }

    private static bool IsReply(JsonElement message) => message.GetProperty("type").GetString() == "reply";

    private Uri LiveUri() => new("ws://" + _server.Url.Authority + "/live");

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://" + _server.Url.Authority);
        await socket.ConnectAsync(LiveUri(), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads messages until one matches (frames keep coming every 10 ms); a hung server fails the test after 10 s instead of hanging it.</summary>
    private static async Task<JsonElement> ReceiveUntilAsync(ClientWebSocket socket, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            JsonElement json = JsonDocument.Parse(message.ToArray()).RootElement;
            if (match(json))
            {
                return json;
            }
        }
    }

    private sealed class FakeRecording : IRecordingControl
    {
        private bool _active;
        private string? _last;

        public List<string> Calls { get; } = [];

        public RecordingStatus Status => new(_active, _active ? "fake.edf" : null, 0, 0, _last);

        public RecordingStatus Start()
        {
            Calls.Add("start");
            _active = true;
            return Status;
        }

        public RecordingStatus Stop()
        {
            Calls.Add("stop");
            _active = false;
            _last = "fake.edf";
            return Status;
        }

        public void Mark(int number) => Calls.Add("mark " + number);
    }
}
