using Wearable.Kernels.Dsp;
using Wearable.Modeling.Dsp;
using Wearable.Modeling.Reference;

namespace Wearable.Kernels.Tests.Dsp;

/// <summary>
/// Window features and Goertzel band power on real recordings against plain double implementations.
/// Tolerances: MAV within 1 LSB (RTZ of the mean), RMS within 1 LSB (floor of sqrt of the RTZ mean),
/// WL, ZC, SSC exact (integer sums of integer samples); Goertzel power within 1e-4 relative plus
/// a small absolute floor for bins with almost no energy.
/// </summary>
public class FeatureAgreementTests
{
    [Fact]
    public void Emg_features_agree_with_double_on_a_real_recording()
    {
        short[][] emg = Recordings.MyoEmgAsInt16(files: 2);
        int channels = 4, frames = emg[0].Length;
        var parameters = new WindowFeaturesParameters(windowLength: 400, hop: 100, zeroCrossingThreshold: 512, slopeSignChangeThreshold: 512L * 512);
        var features = new WindowFeatures(parameters, channels);
        var frame = new short[channels];
        var values = new int[channels * WindowFeatures.FeaturesPerChannel];
        double[][] asDouble = emg.Take(channels).Select(c => c.Select(v => (double)v).ToArray()).ToArray();
        int windows = 0;
        for (int n = 0; n < frames; n++)
        {
            for (int c = 0; c < channels; c++)
            {
                frame[c] = emg[c][n];
            }

            if (!features.PushFrame(frame, 0))
            {
                continue;
            }

            windows++;
            features.WriteFeatures(values, 0);
            for (int c = 0; c < channels; c++)
            {
                var expected = WindowFeaturesDouble.At(asDouble[c], n, 400, 512, 512.0 * 512);
                int o = c * WindowFeatures.FeaturesPerChannel;
                Assert.InRange(values[o] - expected.Mav, -1.0, 1e-9);
                Assert.InRange(values[o + 1] - expected.Rms, -1.0, 1e-9);
                Assert.Equal(expected.WaveformLength, values[o + 2]);
                Assert.Equal(expected.ZeroCrossings, values[o + 3]);
                Assert.Equal(expected.SlopeSignChanges, values[o + 4]);
            }
        }

        Assert.True(windows > 10);
    }

    [Fact]
    public void Goertzel_band_power_agrees_with_double_on_muse_eeg()
    {
        short[] eeg = Recordings.MuseTp9AsInt16();
        double fs = 256;
        double[] bins = [10, 20, 30, 40];
        int block = 512;
        var goertzel = new GoertzelBandPower(new GoertzelParameters(bins.Select(f => FilterDesign.GoertzelCoefficient(f, fs)).ToArray(), block, guardBits: 4), 1);
        var frame = new short[1];
        int blocks = 0;
        for (int n = 0; n < eeg.Length; n++)
        {
            frame[0] = eeg[n];
            if (!goertzel.PushFrame(frame, 0))
            {
                continue;
            }

            double[] x = eeg.Skip(n + 1 - block).Take(block).Select(v => (double)v).ToArray();
            for (int b = 0; b < bins.Length; b++)
            {
                double expected = GoertzelDouble.Power(x, bins[b], fs);
                double total = x.Sum(v => v * v) * block;
                Assert.True(Math.Abs(goertzel.Power(0, b) - expected) <= 1e-4 * expected + 1e-7 * total,
                    $"block {blocks} bin {bins[b]} Hz: {goertzel.Power(0, b)} vs {expected}");
            }

            blocks++;
        }

        Assert.True(blocks >= 50);
    }

    [Fact]
    public void Envelope_follows_the_double_rectified_low_pass()
    {
        short[] emg = Recordings.MyoEmgAsInt16(files: 2)[0];
        BiquadSection[] lowPass = FilterDesign.ButterworthLowPass(2, 5, 2000);
        var envelope = new EnvelopeDetector(FilterDesign.Quantize(lowPass, 8), 1);
        var actual = emg.Select(v => envelope.Step(0, v << 8) / 256.0).ToArray();
        double[] expected = BiquadDouble.Filter(lowPass, emg.Select(v => (double)Math.Abs((int)v)).ToArray());
        Assert.True(Recordings.RelativeErrorDb(actual, expected) <= -80);
    }

    [Fact]
    public void Decimator_keeps_every_factor_th_frame_across_calls()
    {
        var decimator = new Decimator(3, 2);
        int[] input = Enumerable.Range(0, 20).ToArray(); // 10 frames of 2 channels
        var output = new int[8];
        int first = decimator.ProcessFrames(input, 0, 4, output, 0);
        int second = decimator.ProcessFrames(input, 8, 6, output, first * 2);
        Assert.Equal(2, first);
        Assert.Equal(2, second);
        Assert.Equal(new[] { 0, 1, 6, 7, 12, 13, 18, 19 }, output);
    }
}
