using Wearable.EdgeHost.Link;
using Wearable.Firmware.Commands;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;
using Wearable.TestSupport;
using Wearable.VirtualDevice;
using Wearable.VirtualDevice.Transports;

namespace Wearable.Firmware.Tests.VirtualDevice;

/// <summary>
/// The processing loop driven by the active model file: after an upload commits, the InferenceEvents
/// stream carries one event per decision, and every decision, score and timestamp equals what the
/// desktop ModelPipeline computes on the same ADC frames.
/// </summary>
public sealed class InferenceEventStreamTests
{
    private const int Channels = 8;
    private const int Rate = 2000;
    private const int Seed = 3;

    [Fact]
    public void Device_decisions_equal_the_desktop_pipeline_on_the_same_frames()
    {
        var (events, blocks) = Stream(LinkStreamKind.InferenceEvents, options: 0);

        Assert.Empty(blocks);
        AssertEqualToDesktop(events);
    }

    [Fact]
    public void Events_alongside_a_raw_stream_carry_the_same_decisions_as_the_raw_samples_give_on_the_desktop()
    {
        var (events, blocks) = Stream(LinkStreamKind.Raw, StartStreamMessage.OptionInferenceEvents);

        Assert.NotEmpty(blocks);
        var signal = new ExpectedSignal(Channels, Rate, Seed);
        foreach (var block in blocks.Take(20))
        {
            Assert.Equal(signal.Frames(signal.FrameIndexAt(block.TimestampMicros), block.SampleCount), block.Values);
        }

        AssertEqualToDesktop(events);
    }

    [Fact]
    public void Feature_blocks_carry_the_front_end_outputs_the_desktop_computes_on_the_same_frames()
    {
        var (_, blocks) = Stream(LinkStreamKind.Features, options: 0, wantEvents: 0, wantBlocks: 10);
        Assert.True(blocks.Count >= 10, $"only {blocks.Count} feature blocks arrived");

        ModelDefinition model = ModelReader.Read(ExampleModel());
        int firstOutputPush = PushesUntil(model, (pipeline, _) => pipeline.FrontEndProducedOutput);

        var signal = new ExpectedSignal(Channels, Rate, Seed);
        var pipeline = new ModelPipeline(model);
        int width = pipeline.FrontEnd.Outputs.Length;
        var expected = new List<short>();
        var stamps = new List<long>();
        long frame = signal.FrameIndexAt(blocks[0].TimestampMicros) - (firstOutputPush - 1);
        int vectorsWanted = blocks.Take(10).Sum(b => b.SampleCount);
        while (expected.Count < vectorsWanted * width)
        {
            pipeline.Push(signal.Frames(frame, 1), 0);
            if (pipeline.FrontEndProducedOutput)
            {
                stamps.Add(frame * 1_000_000L / Rate);
                expected.AddRange(pipeline.FrontEnd.Outputs.Select(v => (short)Math.Clamp(v, short.MinValue, short.MaxValue)));
            }

            frame++;
        }

        int vector = 0;
        foreach (var block in blocks.Take(10))
        {
            Assert.Equal(LinkStreamKind.Features, block.Kind);
            Assert.Equal(width, block.ChannelCount);
            Assert.Equal(stamps[vector], block.TimestampMicros);
            Assert.Equal(expected.Skip(vector * width).Take(block.SampleCount * width), block.Values);
            vector += block.SampleCount;
        }
    }

    [Fact]
    public void Asking_for_events_without_an_active_model_is_refused()
    {
        using var device = AuthenticatedDevice.Start();

        var error = Assert.Throws<DeviceLinkException>(() => device.Client.StartStream(LinkStreamKind.Raw, 25, 0xFF, StartStreamMessage.OptionInferenceEvents));
        Assert.Contains("StreamNotSupported", error.Message);
    }

    private static (List<InferenceEventMessage> Events, List<ReceivedBlock> Blocks) Stream(LinkStreamKind kind, int options, int wantEvents = 12, int wantBlocks = 0)
    {
        using var device = AuthenticatedDevice.Start();
        DeviceLinkClient client = device.Client;
        Assert.Equal(0u, device.Info.Capabilities & LinkCapabilities.InferenceEvents);

        client.UploadModel(0, ExampleModel());
        AssertModelRuns(device.Board, client);

        // Events are kept as they arrive (the client's Notice event), blocks taken from its queue; both
        // wait on the link's own signals. The generous bound only turns a device that never sends into a
        // failure instead of a hang.
        var enoughEvents = new CountdownEvent(Math.Max(1, wantEvents));
        if (wantEvents == 0)
        {
            enoughEvents.Signal();
        }

        var arrived = new System.Collections.Concurrent.ConcurrentQueue<InferenceEventMessage>();
        client.Notice += notice =>
        {
            if (notice.Type != LinkMessageType.InferenceEvent)
            {
                return;
            }

            arrived.Enqueue(notice.Read(new InferenceEventMessage()));
            if (!enoughEvents.IsSet)
            {
                enoughEvents.Signal();
            }
        };
        client.StartStream(kind, kind == LinkStreamKind.Features ? 4 : 25, 0xFF, options);
        var blocks = new List<ReceivedBlock>();
        TimeSpan never = TimeSpan.FromSeconds(60);
        while (blocks.Count < wantBlocks && client.ReceiveBlock(never) is { } wanted)
        {
            blocks.Add(wanted);
        }

        Assert.True(enoughEvents.Wait(never), $"only {wantEvents - enoughEvents.CurrentCount} of {wantEvents} inference events arrived");

        // The Ack of StopStream comes after every block and event sent before it, so what follows is the rest.
        client.StopStream();
        while (client.ReceiveBlock(TimeSpan.Zero) is { } block)
        {
            blocks.Add(block);
        }

        var events = arrived.ToList();
        Assert.True(events.Count >= wantEvents, $"only {events.Count} inference events arrived");
        return (events, blocks);
    }

    private static void AssertEqualToDesktop(List<InferenceEventMessage> events)
    {
        var expected = DesktopDecisions(ExampleModel(), events[0].TimestampMicros, events.Count);
        for (int i = 0; i < events.Count; i++)
        {
            Assert.Equal((uint)i, events[i].EventSequence);
            Assert.Equal(expected[i].TimestampMicros, events[i].TimestampMicros);
            Assert.Equal(expected[i].ClassId, events[i].ClassId);
            Assert.Equal(expected[i].Score, events[i].Score);
        }
    }

    private static byte[] ExampleModel() => File.ReadAllBytes(RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl"));

    // How many frames a fresh pipeline takes to reach its first output or decision. The count does not
    // depend on the data (window fill, feature hop and decision hop are counters), so zeros measure it;
    // the device's first stamp minus this gives the frame its stream started from.
    private static int PushesUntil(ModelDefinition model, Func<ModelPipeline, bool, bool> reached)
    {
        var pipeline = new ModelPipeline(model);
        var zeros = new short[Channels];
        int pushes = 1;
        while (!reached(pipeline, pipeline.Push(zeros, 0)))
        {
            pushes++;
        }

        return pushes;
    }

    // The device loads a committed model at the end of the pass that acknowledged the commit, so any later
    // request's answer comes after the load. (A new Hello would end the session; a config read does not.)
    private static void AssertModelRuns(VirtualBoard board, DeviceLinkClient client)
    {
        client.GetConfig(DeviceConfigKey.ActiveModelCrc);
        Assert.True(
            (board.Device.Stream.Capabilities & LinkCapabilities.InferenceEvents) != 0,
            "the committed model never started running: " + board.Device.ActiveModel.Problem);
    }

    // Runs the desktop pipeline over the same synthetic frames the device's stream started from.
    private static List<InferenceEventMessage> DesktopDecisions(byte[] modelFile, long firstEventMicros, int count)
    {
        ModelDefinition model = ModelReader.Read(modelFile);

        int firstDecisionPush = PushesUntil(model, (_, decided) => decided);

        var signal = new ExpectedSignal(Channels, Rate, Seed);
        long firstFrame = signal.FrameIndexAt(firstEventMicros) - (firstDecisionPush - 1);
        var pipeline = new ModelPipeline(model);
        var scores = new sbyte[pipeline.Runner!.OutputBytes];
        var decisions = new List<InferenceEventMessage>();
        for (long frame = firstFrame; decisions.Count < count; frame++)
        {
            short[] values = signal.Frames(frame, 1);
            if (pipeline.Push(values, 0))
            {
                pipeline.Runner.GetOutput(scores, 0);
                decisions.Add(new InferenceEventMessage
                {
                    TimestampMicros = frame * 1_000_000L / Rate,
                    ClassId = pipeline.Decision,
                    Score = (short)((scores[pipeline.Decision] + 128) << 7),
                });
            }
        }

        return decisions;
    }

    // A virtual device in-process, paired and authenticated, as every test here starts.
    private sealed class AuthenticatedDevice : IDisposable
    {
        private readonly InProcessLink _link;

        private AuthenticatedDevice(InProcessLink link, VirtualBoard board, DeviceLinkClient client, DeviceInfoMessage info)
        {
            _link = link;
            Board = board;
            Client = client;
            Info = info;
        }

        public VirtualBoard Board { get; }

        public DeviceLinkClient Client { get; }

        public DeviceInfoMessage Info { get; }

        public static AuthenticatedDevice Start()
        {
            var link = InProcessLink.Create();
            var board = new VirtualBoard(
                new VirtualDeviceOptions { Channels = Channels, SampleRate = Rate, Seed = Seed, RealTime = false, PairingWindow = TimeSpan.FromMinutes(1), Quiet = true },
                link.Device);
            board.Start();
            var client = new DeviceLinkClient(link.Host);
            var host = HostCredentials.Create();
            DeviceInfoMessage info = client.Hello();
            client.Pair(host);
            client.Authenticate(host, info.DeviceId);
            return new AuthenticatedDevice(link, board, client, info);
        }

        public void Dispose()
        {
            Client.Dispose();
            Board.Dispose();
            _link.Dispose();
        }
    }
}
