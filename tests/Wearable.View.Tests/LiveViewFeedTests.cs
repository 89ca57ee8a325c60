using Wearable.EdgeHost.Sessions;

namespace Wearable.View.Tests;

public class LiveViewFeedTests
{
    private const int Rate = 2000;

    [Fact]
    public void A_frame_carries_the_new_buckets_rms_spectrum_and_contact_of_what_arrived()
    {
        var feed = new LiveViewFeed("test", Rate, ["EXG1", "EXG2"]);
        double frequency = 40 * Rate / (double)feed.SpectrumLength; // a bin centre
        for (long first = 0; first < Rate; first += 20)
        {
            feed.Add(Signals.SineBlock(2, 20, frequency, Rate, 100, first));
        }

        LiveFrame frame = feed.TakeFrame(RecordingStatus.Idle);

        Assert.Equal(8, frame.Decimation);
        Assert.Equal(Rate, frame.SamplesTotal);
        Assert.Equal(2 * Rate / 8, frame.Traces[0].Length);
        Assert.Equal(100, frame.Traces[0].Max(), 0.1);
        Assert.Equal(200, frame.Traces[1].Max(), 0.1);
        Assert.Equal(100 / Math.Sqrt(2), frame.Rms[0], 0.2);
        Assert.Equal(200 / Math.Sqrt(2), frame.Rms[1], 0.2);
        Assert.NotNull(frame.Spectrum);
        Assert.Equal(Rate / (double)feed.SpectrumLength, frame.Spectrum.BinHz);
        double[] lowest = frame.Spectrum.Amplitudes[0];
        Assert.Equal(40, Array.IndexOf(lowest, lowest.Max()));
        Assert.Equal(100, lowest[40], 0.1);
        Assert.NotNull(frame.Contact);
        Assert.All(frame.Contact, c => Assert.Equal(ContactVerdict.Good, c.Verdict));

        // The next frame only carries what came since.
        feed.Add(Signals.SineBlock(2, 20, frequency, Rate, 100, Rate));
        LiveFrame next = feed.TakeFrame(RecordingStatus.Idle);
        Assert.Equal(2 * (20 / 8), next.Traces[0].Length); // two whole buckets; four samples wait for the next
        Assert.Equal(frame.Sequence + 1, next.Sequence);
    }

    [Fact]
    public void Before_enough_signal_there_is_no_spectrum_or_contact_yet()
    {
        var feed = new LiveViewFeed("test", Rate, ["EXG1"]);
        feed.Add(Signals.SineBlock(1, 20, 50, Rate, 100, 0));
        LiveFrame frame = feed.TakeFrame(RecordingStatus.Idle);
        Assert.Null(frame.Spectrum);
        Assert.Null(frame.Contact);
        Assert.Equal(20, frame.SamplesTotal);
    }

    [Fact]
    public void Decisions_carry_the_label_and_confidence_and_markers_the_sample_they_landed_on()
    {
        var feed = new LiveViewFeed("test", Rate, ["EXG1"], id => id == 1 ? "fist" : "rest");
        feed.Add(Signals.SineBlock(1, 20, 50, Rate, 100, 0));
        feed.Add(new InferenceEvent(7, 1, 0.875, 0, 0, 0));
        feed.Add(new MarkerPlacement(1, 5, 1, 0));
        feed.Add(Signals.SineBlock(1, 20, 50, Rate, 100, 20));

        LiveFrame frame = feed.TakeFrame(RecordingStatus.Idle);
        Assert.NotNull(frame.Decision);
        Assert.Equal("fist", frame.Decision.Label);
        Assert.Equal(0.875, frame.Decision.Confidence);
        Assert.Equal(1, frame.Decision.Count);
        LiveMarker marker = Assert.Single(frame.Markers);
        Assert.Equal(25, marker.Sample);
        Assert.Equal("marker 1", marker.Text);
        Assert.Empty(feed.TakeFrame(RecordingStatus.Idle).Markers);
    }

    [Theory]
    [InlineData(200, 64)]
    [InlineData(250, 64)]
    [InlineData(500, 128)]
    [InlineData(2000, 512)]
    public void The_spectrum_spans_about_half_a_second(int rate, int length) => Assert.Equal(length, LiveViewFeed.SpectrumLengthFor(rate));
}
