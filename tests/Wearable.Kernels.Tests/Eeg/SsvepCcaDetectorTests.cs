using Wearable.Kernels.Eeg;
using Wearable.Modeling.Eeg;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Eeg;

public class SsvepCcaDetectorTests
{
    private const double Rate = 256;

    private static SsvepCcaParameters Parameters(int channels, int window, int hop, int harmonics = 2) => new(
        channels, window, hop, [EegDetectorDesign.PhaseIncrement(30, Rate), EegDetectorDesign.PhaseIncrement(20, Rate)], harmonics,
        EegDetectorDesign.SineTable(), EegDetectorDesign.ToQ15(0.5));

    /// <summary>Two channels: a 20 Hz SSVEP at different phases and gains under seeded noise.</summary>
    private static int[] Synthetic(int frames, double frequency, double amplitude, int seed)
    {
        var random = new Random(seed);
        var x = new int[frames * 2];
        for (int n = 0; n < frames; n++)
        {
            double phase = 2 * Math.PI * frequency * n / Rate;
            x[2 * n] = (int)Math.Round((amplitude * Math.Sin(phase)) + (random.NextDouble() - 0.5) * 1600);
            x[(2 * n) + 1] = (int)Math.Round((0.6 * amplitude * Math.Sin(phase + 1)) + ((random.NextDouble() - 0.5) * 1600));
        }

        return x;
    }

    [Fact]
    public void Finds_the_flicker_frequency_and_agrees_with_double_cca()
    {
        const int window = 256;
        int[] x = Synthetic(3 * window, 20, 600, seed: 5);
        var detector = new SsvepCcaDetector(Parameters(2, window, 64));
        int decisions = 0;
        for (int t = 0; t < 3 * window; t++)
        {
            if (!detector.PushFrame(x, 2 * t))
            {
                continue;
            }

            decisions++;
            Assert.Equal(1, detector.Decision);
            double[][] channels = [.. Enumerable.Range(0, 2).Select(c => Enumerable.Range(t - window + 1, window).Select(n => (double)x[(2 * n) + c]).ToArray())];
            for (int k = 0; k < 2; k++)
            {
                double[][] y = CanonicalCorrelationDouble.References(k == 0 ? 30 : 20, Rate, 2, window);
                double fixedRho = detector.CorrelationQ15(k) / 32768.0;
                Assert.InRange(fixedRho - CanonicalCorrelationDouble.OrthogonalReferences(channels, y), -0.002, 0.002);
                Assert.InRange(fixedRho - CanonicalCorrelationDouble.Standard(channels, y), -0.01, 0.01);
            }
        }

        Assert.Equal(9, decisions);
        Assert.True(detector.ConfidenceQ15 > 16384, "a clear 20 Hz response correlates above 0.5");
    }

    [Fact]
    public void Integer_cca_follows_its_double_formulation_on_real_behind_the_ear_eeg()
    {
        EegRecording muse = EegRecording.Load(
            RepositoryPaths.SharedDataFile("eeg", "muse-ssvep", "subject4", "session1", "data_2018-04-22-15.00.15.csv"), ["TP9", "TP10"]);
        EegDetectorConfig config = EegDetectorDesign.Ssvep(muse.SampleRate, muse.ChannelIndices, [30, 20], 1, 64);
        var pipeline = new EegDetectorPipeline(config);
        int window = config.SsvepDetector!.Window;
        var filtered = new List<int[]>();
        double worst = 0;
        int compared = 0;
        for (int t = 0; t < 40 * (int)Rate; t++)
        {
            pipeline.Push(muse.Lsb, t * muse.Channels);
            filtered.Add([.. pipeline.Filtered.Select(v => Math.Clamp(v, -SsvepCcaDetector.InputLimit, SsvepCcaDetector.InputLimit))]);
            if (!pipeline.DecisionDue)
            {
                continue;
            }

            double[][] channels = [.. Enumerable.Range(0, 2).Select(c => filtered.Skip(t - window + 1).Select(f => (double)f[c]).ToArray())];
            for (int k = 0; k < 2; k++)
            {
                double[][] y = CanonicalCorrelationDouble.References(k == 0 ? 30 : 20, Rate, 2, window);
                worst = Math.Max(worst, Math.Abs((pipeline.Ssvep!.CorrelationQ15(k) / 32768.0) - CanonicalCorrelationDouble.OrthogonalReferences(channels, y)));
                compared++;
            }
        }

        Assert.True(compared > 100);
        Assert.True(worst < 0.002, "largest |rho fixed - rho double| = " + worst);
    }

    [Fact]
    public void One_channel_matches_the_single_channel_closed_form()
    {
        const int window = 128;
        int[] two = Synthetic(window, 30, 200, seed: 9);
        int[] one = [.. Enumerable.Range(0, window).Select(n => two[2 * n])];
        var detector = new SsvepCcaDetector(Parameters(1, window, window, harmonics: 1));
        bool due = false;
        for (int t = 0; t < window; t++)
        {
            due = detector.PushFrame(one, t);
        }

        Assert.True(due);
        Assert.Equal(0, detector.Decision);
        double[][] x = [[.. one.Select(v => (double)v)]];
        double expected = CanonicalCorrelationDouble.OrthogonalReferences(x, CanonicalCorrelationDouble.References(30, Rate, 1, window));
        Assert.InRange((detector.CorrelationQ15(0) / 32768.0) - expected, -0.002, 0.002);
    }

    [Fact]
    public void Silence_has_no_correlation()
    {
        var detector = new SsvepCcaDetector(Parameters(2, 64, 16));
        var zeros = new int[2];
        for (int t = 0; t < 64; t++)
        {
            detector.PushFrame(zeros, 0);
        }

        Assert.Equal(0, detector.ConfidenceQ15);
        Assert.False(detector.Detected);
    }

    [Fact]
    public void Steady_state_streaming_and_deciding_allocates_nothing()
    {
        int[] x = Synthetic(512, 20, 300, seed: 3);
        var detector = new SsvepCcaDetector(Parameters(2, 128, 1));
        for (int t = 0; t < 256; t++)
        {
            detector.PushFrame(x, 2 * t);
        }

        int at = 256;
        AllocationAssert.ZeroBytes(() =>
        {
            detector.PushFrame(x, 2 * at);
            at = at == 511 ? 256 : at + 1;
        }, what: "SsvepCcaDetector.PushFrame with a decision every frame");
    }

    [Fact]
    public void Bad_settings_say_what_is_accepted()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Parameters(3, 128, 16));
        Assert.Contains("1 or 2 channels", e.Message);
        Assert.Throws<ArgumentException>(() => new SsvepCcaParameters(2, 128, 16, [1], 1, new short[100], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Parameters(2, 128, 129));
    }
}
