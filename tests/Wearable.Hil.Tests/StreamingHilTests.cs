using Wearable.Cli.Devices;
using Wearable.Cli.Simulation;
using Wearable.Cli.Verbs;
using Wearable.Hil.Running;
using Wearable.Hil.Streaming;
using Wearable.Kernels.Link;
using Wearable.TestSupport;
using Wearable.VirtualDevice.Sources;

namespace Wearable.Hil.Tests;

/// <summary>A real Myo recording replayed through the virtual device's sample source, compared with the desktop sample by sample.</summary>
public class StreamingHilTests
{
    private static string RecordingPath => RepositoryPaths.SharedDataFile("emg", "myo-armband", "PreTrainingDataset", "Male7", "training0", "classe_19.dat");

    [Theory]
    [InlineData(LinkStreamKind.Raw)]
    [InlineData(LinkStreamKind.Filtered)]
    public void Device_stream_equals_the_desktop_sample_by_sample(LinkStreamKind kind)
    {
        StreamingHilReport report = HilStreamCommand.Compare(RecordingPath, kind, blocks: 150);

        Assert.True(report.Success, report.FirstDivergence?.Detail);
        Assert.Equal(150 * 20, report.Frames);
        Assert.Equal(8, report.Channels);
    }

    [Fact]
    public void A_wrong_desktop_reference_is_reported_at_its_first_differing_sample()
    {
        // The device filters; the desktop claims raw samples are expected: the first sample that the
        // filter changes is where the comparison must stop, with both values.
        Recording recording = Recording.Load(RecordingPath);
        using LinkHilTarget device = LinkHilTarget.Connect("sim://?fast=1&source=" + RecordingPath, TimeSpan.FromSeconds(10), new VirtualDeviceLauncher());
        var raw = new RecordingStreamReference(recording, null);
        StreamingHilReport report = StreamingHil.Compare(device.Client, LinkStreamKind.Filtered, 8, recording.SampleRate, 20, 50, raw, TimeSpan.FromSeconds(10));

        StreamDivergence divergence = Assert.IsType<StreamDivergence>(report.FirstDivergence);
        Assert.Equal(1, report.Blocks); // the filter changes samples from the start
        Assert.InRange(divergence.Channel, 0, 7);
        long source = divergence.Frame % recording.Frames;
        Assert.Equal(recording.Samples[(source * 8) + divergence.Channel], divergence.Expected);
        Assert.NotEqual(divergence.Expected, divergence.Actual);
        Assert.Contains($"frame {divergence.Frame} channel {divergence.Channel}", divergence.Detail);
    }
}
