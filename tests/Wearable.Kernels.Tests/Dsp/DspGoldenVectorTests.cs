using Wearable.Kernels.Dsp;
using Wearable.Kernels.Tests.Golden;
using Wearable.Modeling.Golden;

namespace Wearable.Kernels.Tests.Dsp;

/// <summary>The DSP kernels reproduce the committed golden vectors byte for byte (block and sample APIs).</summary>
public class DspGoldenVectorTests
{
    [Theory]
    [InlineData("dsp/biquad_emg_chain.wgv")]
    [InlineData("dsp/biquad_eeg_chain.wgv")]
    public void Biquad_cascade_matches_golden(string path)
    {
        GoldenVectorFile g = GoldenFiles.Load(path);
        int[] config = g.Int32("config");
        int guard = config[0], channels = config[1];
        short[] x = g.Int16("x");
        var block = new BiquadCascade(new BiquadCascadeParameters(g.Int32("coefficients"), guard), channels);
        var y = new int[x.Length];
        block.ProcessFrames(x, 0, y, 0, x.Length / channels);
        GoldenFiles.AssertSameBytes(g.Payload("y"), GoldenVectorFile.Encode(y), path + " (block)", 4);

        var single = new BiquadCascade(new BiquadCascadeParameters(g.Int32("coefficients"), guard), channels);
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = single.StepInt16(i % channels, x[i]);
        }

        GoldenFiles.AssertSameBytes(g.Payload("y"), GoldenVectorFile.Encode(y), path + " (sample)", 4);
    }

    [Fact]
    public void Dc_blocker_matches_golden()
    {
        GoldenVectorFile g = GoldenFiles.Load("dsp/dc_blocker.wgv");
        int[] config = g.Int32("config");
        short[] x = g.Int16("x");
        var blocker = new DcBlocker(config[0], config[1], config[2]);
        var y = new int[x.Length];
        blocker.ProcessFrames(x, 0, y, 0, x.Length / config[2]);
        GoldenFiles.AssertSameBytes(g.Payload("y"), GoldenVectorFile.Encode(y), "dc blocker", 4);
    }

    [Fact]
    public void Envelope_matches_golden()
    {
        GoldenVectorFile g = GoldenFiles.Load("dsp/envelope.wgv");
        int[] config = g.Int32("config");
        int[] x = g.Int32("x");
        var envelope = new EnvelopeDetector(new BiquadCascadeParameters(g.Int32("coefficients"), config[0]), config[1]);
        var y = new int[x.Length];
        envelope.ProcessFrames(x, 0, y, 0, x.Length / config[1]);
        GoldenFiles.AssertSameBytes(g.Payload("y"), GoldenVectorFile.Encode(y), "envelope", 4);
    }

    [Fact]
    public void Window_features_match_golden()
    {
        GoldenVectorFile g = GoldenFiles.Load("dsp/window_features.wgv");
        int[] c = g.Int32("config");
        int channels = c[3];
        var features = new WindowFeatures(new WindowFeaturesParameters(c[0], c[1], c[2], g.Int64("ssc_threshold")[0]), channels);
        int[] x = g.Int32("x");
        var output = new List<int>();
        var values = new int[channels * WindowFeatures.FeaturesPerChannel];
        for (int f = 0; f < x.Length / channels; f++)
        {
            if (features.PushFrame(x, f * channels))
            {
                features.WriteFeatures(values, 0);
                output.AddRange(values);
            }
        }

        GoldenFiles.AssertSameBytes(g.Payload("features"), GoldenVectorFile.Encode([.. output]), "features", 4);
    }

    [Fact]
    public void Goertzel_matches_golden()
    {
        GoldenVectorFile g = GoldenFiles.Load("dsp/goertzel.wgv");
        int[] c = g.Int32("config");
        int channels = c[2];
        var goertzel = new GoertzelBandPower(new GoertzelParameters(g.Int32("coefficients"), c[0], c[1]), channels);
        int[] x = g.Int32("x");
        var output = new List<long>();
        for (int f = 0; f < x.Length / channels; f++)
        {
            if (goertzel.PushFrame(x, f * channels))
            {
                for (int ch = 0; ch < channels; ch++)
                {
                    for (int b = 0; b < goertzel.BinCount; b++)
                    {
                        output.Add(goertzel.Power(ch, b));
                    }
                }
            }
        }

        GoldenFiles.AssertSameBytes(g.Payload("power"), GoldenVectorFile.Encode([.. output]), "goertzel", 8);
    }
}
