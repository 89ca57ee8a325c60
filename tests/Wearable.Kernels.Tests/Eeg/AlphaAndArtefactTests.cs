using Wearable.Kernels.Eeg;
using Wearable.Modeling.Dsp;
using Wearable.Modeling.Eeg;
using Wearable.Modeling.Reference;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Eeg;

public class AlphaAndArtefactTests
{
    private const double Rate = 160;

    private static AlphaDetectorParameters Alpha(int window, int hop) =>
        new(FilterDesign.Quantize(EegDetectorDesign.AlphaBand(Rate), FrontEndDesign.DefaultGuardBits), window, hop, EegDetectorDesign.ToQ15(0.3));

    [Theory]
    [InlineData(10.0, true)]
    [InlineData(25.0, false)]
    public void Alpha_share_is_high_for_a_10_hz_rhythm_and_low_outside_the_band(double frequency, bool closed)
    {
        var detector = new AlphaDetector(Alpha(320, 80), 1);
        var frame = new int[1];
        bool decided = false;
        for (int n = 0; n < 960; n++)
        {
            frame[0] = (int)Math.Round(2000 * Math.Sin(2 * Math.PI * frequency * n / Rate));
            decided |= detector.PushFrame(frame, 0);
        }

        Assert.True(decided);
        Assert.Equal(closed ? AlphaDetector.EyesClosed : AlphaDetector.EyesOpen, detector.Decision);
    }

    [Fact]
    public void Alpha_share_matches_double_on_real_eyes_closed_eeg()
    {
        EegRecording closed = EegRecording.Load(RepositoryPaths.SharedDataFile("eeg", "eegmmidb-S001", "S001R02.edf"), ["Tp7", "Tp8"]);
        EegDetectorConfig config = EegDetectorDesign.Alpha(closed.SampleRate, closed.ChannelIndices, 2, 40);
        int n = config.AlphaDetector!.Window;
        EegDecisionTrace trace = EegDecisionTrace.Run(config, closed.Lsb, closed.Channels);
        var front = EegDetectorDesign.AlphaFrontBand(closed.SampleRate, 60);
        double[][] x = [.. Enumerable.Range(0, 2).Select(c => BiquadDouble.Filter(front, closed.ChannelLsb(c)))];
        double[][] a = [.. x.Select(v => BiquadDouble.Filter(EegDetectorDesign.AlphaBand(closed.SampleRate), v))];
        double worst = 0;
        for (int i = 0; i < trace.Count; i++)
        {
            double total = 0, alpha = 0;
            for (int c = 0; c < 2; c++)
            {
                for (int t = trace.Frames[i] - n + 1; t <= trace.Frames[i]; t++)
                {
                    total += x[c][t] * x[c][t];
                    alpha += a[c][t] * a[c][t];
                }
            }

            worst = Math.Max(worst, Math.Abs((trace.ValuesQ15[i][0] / 32768.0) - (alpha / total)));
        }

        Assert.True(trace.Count > 200);
        Assert.True(worst < 0.002, "largest |share fixed - share double| = " + worst);
    }

    [Fact]
    public void Alpha_detector_allocates_nothing_while_streaming()
    {
        var detector = new AlphaDetector(Alpha(64, 1), 2);
        var frame = new int[2];
        int n = 0;
        AllocationAssert.ZeroBytes(() =>
        {
            frame[0] = (n * 37 % 2000) - 1000;
            frame[1] = (n * 53 % 1800) - 900;
            n++;
            detector.PushFrame(frame, 0);
        }, iterations: 500, what: "AlphaDetector.PushFrame");
    }

    [Fact]
    public void Artefact_marks_amplitude_and_slope_then_holds()
    {
        var rejector = new ArtefactRejector(new ArtefactRejectorParameters(1000, 300, 3), 2);
        int[] quiet = [10, -10];
        for (int i = 0; i < 5; i++)
        {
            Assert.False(rejector.PushFrame(quiet, 0));
        }

        Assert.Equal(5, rejector.CleanFrames);
        Assert.True(rejector.PushFrame([1200, 0], 0), "amplitude above the limit");
        Assert.Equal(0, rejector.CleanFrames);
        Assert.False(rejector.PushFrame([900, 0], 0), "below the amplitude limit and a step of exactly the slope limit");
        Assert.Equal(0, rejector.CleanFrames);
    }

    [Fact]
    public void Slope_alone_marks_an_artefact_and_the_hold_delays_clean_frames()
    {
        var rejector = new ArtefactRejector(new ArtefactRejectorParameters(1000, 300, 3), 1);
        rejector.PushFrame([0], 0);
        Assert.False(rejector.PushFrame([300], 0));
        Assert.True(rejector.PushFrame([700], 0));
        for (int i = 0; i < 3; i++)
        {
            Assert.False(rejector.PushFrame([700], 0));
            Assert.Equal(0, rejector.CleanFrames);
        }

        Assert.False(rejector.PushFrame([700], 0));
        Assert.Equal(1, rejector.CleanFrames);
        Assert.Equal(1, rejector.ArtefactFrames);
    }

    [Fact]
    public void Pipeline_withholds_decisions_whose_window_holds_a_blink()
    {
        EegDetectorConfig config = EegDetectorDesign.Alpha(Rate, [0], 1, 16);
        var pipeline = new EegDetectorPipeline(config);
        var frame = new short[1];
        int decisions = 0;
        for (int n = 0; n < 800; n++)
        {
            // A 10 Hz rhythm with a 400 uV blink at 2 s.
            double uv = (20 * Math.Sin(2 * Math.PI * 10 * n / Rate)) + (n >= 320 && n < 340 ? 400 : 0);
            frame[0] = EegDetectorDesign.ToLsb((float)uv);
            decisions += pipeline.Push(frame, 0) ? 1 : 0;
        }

        Assert.True(pipeline.RejectedDecisions > 0);
        Assert.True(decisions > 0);
        Assert.Equal(AlphaDetector.EyesClosed, pipeline.Decision);
    }
}
