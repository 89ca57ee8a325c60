using Wearable.Firmware.Board;
using Wearable.Firmware.Commands;
using Wearable.Firmware.Processing;
using Wearable.Firmware.Profiles;
using Wearable.Firmware.Storage;
using Wearable.Kernels.Hil;
using Wearable.Kernels.Link;
using Wearable.Kernels.Model;
using Wearable.TestSupport;
using Wearable.VirtualDevice.Board;

namespace Wearable.Firmware.Tests.Core;

/// <summary>
/// The device's memory budget: a model is admitted only if its parameters, arena and window fit the RAM
/// the core left; it is read from flash once; the plan reports what really runs; HIL buffers exist
/// only with the HIL on; a failure anywhere in the main loop is reported and the device keeps serving.
/// </summary>
public sealed class MemoryBudgetTests
{
    private static readonly byte[] Model = File.ReadAllBytes(RepositoryPaths.InRepo("models", "examples", "random-emg-cnn-8ch.wmdl"));

    private static (int Channels, int Rate) ModelInput()
    {
        InputDescription input = ModelReader.Read(Model).Input;
        return (input.Channels, input.SampleRateMilliHz / 1000);
    }

    private static CoreHarness Harness(BoardProfile profile, IFlashSlotStore? flash = null, DeviceConfiguration? configuration = null)
    {
        var (channels, rate) = ModelInput();
        return new CoreHarness(channels, rate, profile, configuration, flash ?? new FlashFile(null, 64 * 1024, 2, 1024, FlashLayout.RecordCount)).Authenticate();
    }

    // The file image (its CNN weights used in place) plus the tables parsed out of the rest of it.
    private static int ParameterBytes() => (2 * Model.Length) - ModelRunner.Load(Model).WeightBytesInPlace;

    private static int CoreBytes()
    {
        var (channels, rate) = ModelInput();
        return new CoreHarness(channels, rate).Device.Plan.CoreBytes;
    }

    [Fact]
    public void A_model_file_larger_than_the_room_left_is_refused_before_it_is_read()
    {
        // Room for 1 000 B of model: the 5 KB file cannot fit, whatever it holds.
        var tight = new BoardProfile("tight", CoreBytes() + 1000, 16, 4000, 30720, 65536);
        var flash = new CountingFlash();
        var harness = Harness(tight, flash);

        List<CapturedFrame> frames = harness.Upload(Model);
        string detail = CoreHarness.AssertError(frames.Single(), LinkErrorCode.ModelInvalid, LinkMessageType.ModelCommit);
        Assert.Contains("model file is " + BufferPlan.FormatBytes(Model.Length), detail);
        Assert.Contains("1 000 B are left", detail);
        Assert.Equal(-1, harness.Device.Slots.ActiveSlot);
    }

    [Fact]
    public void A_model_whose_parameters_arena_and_window_exceed_the_room_is_refused_with_the_numbers()
    {
        // The file fits the room by a few bytes; its arena and window do not.
        var tight = new BoardProfile("tight", CoreBytes() + Model.Length + 16, 16, 4000, 30720, 65536);
        var harness = Harness(tight);

        List<CapturedFrame> frames = harness.Upload(Model);
        string detail = CoreHarness.AssertError(frames.Single(), LinkErrorCode.ModelInvalid, LinkMessageType.ModelCommit);
        Assert.Contains("parameters " + BufferPlan.FormatBytes(ParameterBytes()) + " + arena ", detail);
        Assert.Contains(BufferPlan.FormatBytes(Model.Length + 16) + " are left for a model", detail);
        Assert.Equal(-1, harness.Device.Slots.ActiveSlot);
        Assert.Null(harness.Device.Stream.Model);
    }

    [Fact]
    public void A_model_that_fits_is_read_from_flash_once_and_the_plan_reports_its_real_arena()
    {
        var flash = new CountingFlash();
        var harness = Harness(BoardProfile.Virtual(), flash);
        Assert.Equal(0, harness.Device.Plan.ModelArenaBytes);

        flash.SlotBytesRead = 0;
        Assert.Equal(LinkMessageType.Ack, harness.Upload(Model).Single().Type);
        harness.Device.Poll();

        ModelRunner runner = harness.Device.Stream.Model!.Runner!;
        Assert.NotNull(runner);

        // Once to verify the CRC from flash, once to parse: the loader takes the parsed model.
        Assert.Equal(2 * Model.Length, flash.SlotBytesRead);
        int arena = runner.WorkingBytes + runner.InputBytes + runner.OutputBytes;
        Assert.True(arena > 0);
        Assert.Equal(arena, harness.Device.Plan.ModelArenaBytes);
        Assert.Equal(ParameterBytes(), harness.Device.Plan.ModelParameterBytes);
        Assert.Equal(arena, harness.Exchange(new ConfigGetMessage { Key = DeviceConfigKey.ModelArenaBytes }).Single().Read(new ConfigValueMessage()).Value);
        Assert.Equal(ParameterBytes(), harness.Exchange(new ConfigGetMessage { Key = DeviceConfigKey.ModelParameterBytes }).Single().Read(new ConfigValueMessage()).Value);
    }

    [Fact]
    public void The_running_model_uses_its_weights_where_they_lie_in_the_one_image_read_from_the_slot()
    {
        var harness = Harness(BoardProfile.Virtual());
        Assert.Equal(LinkMessageType.Ack, harness.Upload(Model).Single().Type);
        harness.Device.Poll();

        ModelRunner runner = harness.Device.Stream.Model!.Runner!;
        CnnLayer[] weighted = runner.Model.Layers.Where(l => l.Weights.Length > 0).ToArray();
        Assert.NotEmpty(weighted);
        sbyte[] image = weighted[0].Weights.Buffer;
        Assert.Equal(Model.Length, image.Length);
        Assert.Equal(Model.Select(b => (sbyte)b), image);
        Assert.All(weighted, l => Assert.Same(image, l.Weights.Buffer));
        Assert.Equal(weighted.Sum(l => l.Weights.Length), runner.WeightBytesInPlace);
    }

    [Fact]
    public void A_model_larger_than_the_boards_model_flash_is_refused_at_begin_with_both_numbers()
    {
        var harness = Harness(BoardProfile.Esp32(), new FlashFile(null, 256 * 1024, 2, 1024, FlashLayout.RecordCount));
        CapturedFrame refused = harness.Exchange(new ModelBeginMessage { Slot = 0, TotalSize = 200_000, Crc32 = 1 }).Single();
        string detail = CoreHarness.AssertError(refused, LinkErrorCode.ModelTooLarge, LinkMessageType.ModelBegin);
        Assert.Contains("200000 B > 131072 B of model flash on ESP32", detail);
        Assert.False(harness.Device.Slots.Uploading);
    }

    [Fact]
    public void Hil_kernels_and_their_buffers_exist_only_when_the_hil_is_enabled()
    {
        var off = new CoreHarness().Authenticate();
        Assert.Equal(0, off.Device.HilKernels.Count);
        Assert.Equal(0, off.Device.Plan.HilBytes);
        off.Host.Send(new HelloMessage());
        off.Device.Poll();
        var info = new DeviceInfoMessage();
        Assert.True(off.Host.TryTake(info));
        Assert.Equal(0u, info.Capabilities & LinkCapabilities.HilRun);

        var on = new CoreHarness(configuration: new DeviceConfiguration { HilKernels = true });
        Assert.True(on.Device.HilKernels.Count > 10);
        Assert.True(on.Device.Plan.HilBytes >= BufferPlan.HilAdapterScratchBytes);
        Assert.Equal(on.Device.Plan.CoreBytes - off.Device.Plan.CoreBytes, on.Device.Plan.HilBytes);
    }

    [Fact]
    public void The_hil_scratch_the_budget_counts_covers_what_the_adapters_allocate()
    {
        HilAdapterCatalog.CreateAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        HilAdapter[] adapters = HilAdapterCatalog.CreateAll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotEmpty(adapters);
        Assert.True(allocated <= BufferPlan.HilAdapterScratchBytes, $"The HIL adapters allocate {allocated} B; BufferPlan.HilAdapterScratchBytes counts {BufferPlan.HilAdapterScratchBytes} B: raise it.");
        Assert.True(allocated >= BufferPlan.HilAdapterScratchBytes / 2, $"The HIL adapters allocate only {allocated} B; BufferPlan.HilAdapterScratchBytes counts {BufferPlan.HilAdapterScratchBytes} B: lower it.");
    }

    [Fact]
    public void A_model_that_fails_to_load_is_reported_and_the_device_keeps_serving()
    {
        // Without commit-time validation the loader reads the file itself, after the commit's CRC pass, and that read fails.
        var flash = new CountingFlash();
        var harness = Harness(BoardProfile.Virtual(), flash, new DeviceConfiguration { ValidateModels = false });
        flash.SlotBytesRead = 0;
        flash.FailReadsBeyond = Model.Length;

        List<CapturedFrame> frames = harness.Upload(Model);
        Assert.Contains(frames, f => f.Type == LinkMessageType.Ack && f.IsResponse);
        string detail = CoreHarness.AssertError(frames.Single(f => f.Type == LinkMessageType.Error), LinkErrorCode.Internal, LinkMessageType.None);
        Assert.StartsWith("model not loaded: ", detail);
        Assert.Contains("could not be loaded", harness.Device.ModelProblem);
        Assert.Null(harness.Device.Stream.Model);

        Assert.Equal(LinkMessageType.ConfigValue, harness.Exchange(new ConfigGetMessage { Key = LinkConfigKey.SampleRateHz }).Single().Type);
        Assert.Equal(LinkMessageType.Ack, harness.Exchange(new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 4, ChannelMask = 0x1 }).Single().Type);
    }

    [Fact]
    public void A_failing_sample_source_is_reported_once_and_the_device_keeps_serving()
    {
        var source = new FailingSource();
        var harness = new CoreHarness(source: source).Authenticate();
        harness.Exchange(new StartStreamMessage { Kind = LinkStreamKind.Raw, BlockSamples = 4, ChannelMask = 0x1 });
        source.Fail = true;
        for (int i = 0; i < 5; i++)
        {
            harness.Device.Poll();
        }

        List<CapturedFrame> frames = harness.Host.TakeFrames();
        string detail = CoreHarness.AssertError(frames.Single(f => f.Type == LinkMessageType.Error), LinkErrorCode.Internal, LinkMessageType.None);
        Assert.StartsWith("stream stopped: ", detail);
        Assert.Equal(5, harness.Device.FailuresCaught);
        Assert.False(harness.Device.Stream.Streaming);
        Assert.Equal(LinkMessageType.TimeSyncPong, harness.Exchange(new TimeSyncPingMessage { PingId = 9 }).Single().Type);
    }

    /// <summary>In-memory flash that counts the slot bytes read and can fail whole-file reads (the loader's, not the 256-byte verify steps).</summary>
    private sealed class CountingFlash : IFlashSlotStore
    {
        private readonly FlashFile _memory = new(null, 64 * 1024, 2, 1024, FlashLayout.RecordCount);

        public long SlotBytesRead { get; set; }

        /// <summary>Slot reads fail once this many bytes have been read (a flash that dies mid-way).</summary>
        public long FailReadsBeyond { get; set; } = long.MaxValue;

        public int SlotCount => _memory.SlotCount;

        public int SlotSize => _memory.SlotSize;

        public int RecordCount => _memory.RecordCount;

        public int RecordSize => _memory.RecordSize;

        public void EraseSlot(int slot) => _memory.EraseSlot(slot);

        public void WriteSlot(int slot, int slotOffset, byte[] source, int sourceOffset, int count) => _memory.WriteSlot(slot, slotOffset, source, sourceOffset, count);

        public void ReadSlot(int slot, int slotOffset, byte[] destination, int destinationOffset, int count)
        {
            if (SlotBytesRead + count > FailReadsBeyond)
            {
                throw new IOException("flash read error at slot " + slot);
            }

            SlotBytesRead += count;
            _memory.ReadSlot(slot, slotOffset, destination, destinationOffset, count);
        }

        public void WriteRecord(int record, byte[] source, int sourceOffset, int count) => _memory.WriteRecord(record, source, sourceOffset, count);

        public void ReadRecord(int record, byte[] destination, int destinationOffset, int count) => _memory.ReadRecord(record, destination, destinationOffset, count);
    }

    /// <summary>An ADC that stops working on request.</summary>
    private sealed class FailingSource : ISampleSource
    {
        public bool Fail { get; set; }

        public int Channels => 4;

        public int SampleRate => 250;

        public int ReadFrames(short[] buffer, int offset, int maxFrames)
        {
            if (Fail)
            {
                throw new IOException("ADC not responding");
            }

            return 0;
        }
    }
}
