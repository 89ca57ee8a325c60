using Wearable.Kernels.Dsp;
using Wearable.Modeling.Dsp;
using Wearable.TestSupport;

namespace Wearable.Kernels.Tests.Dsp;

public class EmgFrontEndTests
{
    [Fact]
    public void Front_end_equals_its_parts_run_one_after_the_other_on_real_emg()
    {
        const int Channels = 4;
        short[][] emg = Recordings.MyoEmgAsInt16(files: 2);
        int frames = emg[0].Length;
        var input = new short[frames * Channels];
        for (int n = 0; n < frames; n++)
        {
            for (int c = 0; c < Channels; c++)
            {
                input[n * Channels + c] = emg[c][n];
            }
        }

        EmgFrontEndParameters p = FrontEndDesign.Emg(2000);
        var frontEnd = new EmgFrontEnd(p, Channels);
        var filtered = new int[input.Length];
        var envelope = new int[input.Length];
        var features = new int[(frames / p.Features.Hop + 2) * frontEnd.FeatureVectorLength];
        int vectors = 0;
        for (int start = 0; start < frames; start += 333)
        {
            int count = Math.Min(333, frames - start);
            vectors += frontEnd.ProcessFrames(input, start * Channels, count, filtered, start * Channels, envelope, start * Channels,
                features, vectors * frontEnd.FeatureVectorLength);
        }

        var band = new BiquadCascade(p.Band, Channels);
        var expectedFiltered = new int[input.Length];
        band.ProcessFrames(input, 0, expectedFiltered, 0, frames);
        var env = new EnvelopeDetector(p.EnvelopeLowPass, Channels);
        var expectedEnvelope = new int[input.Length];
        env.ProcessFrames(expectedFiltered, 0, expectedEnvelope, 0, frames);
        var windows = new WindowFeatures(p.Features, Channels);
        var expectedFeatures = new List<int>();
        var vector = new int[frontEnd.FeatureVectorLength];
        for (int n = 0; n < frames; n++)
        {
            if (windows.PushFrame(expectedFiltered, n * Channels))
            {
                windows.WriteFeatures(vector, 0);
                expectedFeatures.AddRange(vector);
            }
        }

        Assert.Equal(expectedFiltered, filtered);
        Assert.Equal(expectedEnvelope, envelope);
        Assert.Equal(expectedFeatures.Count / vector.Length, vectors);
        Assert.Equal(expectedFeatures, features.Take(expectedFeatures.Count));
        Assert.True(vectors > 10);
    }

    [Fact]
    public void Front_end_block_does_not_allocate_and_rejects_a_full_feature_buffer()
    {
        var frontEnd = new EmgFrontEnd(FrontEndDesign.Emg(2000), 16);
        var input = new short[16 * 200];
        var filtered = new int[input.Length];
        var envelope = new int[input.Length];
        var features = new int[3 * frontEnd.FeatureVectorLength];
        AllocationAssert.ZeroBytes(() => frontEnd.ProcessFrames(input, 0, 200, filtered, 0, envelope, 0, features, 0), what: "EmgFrontEnd.ProcessFrames");
        var tiny = new int[1];
        frontEnd.Reset();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            for (int i = 0; i < 10; i++)
            {
                frontEnd.ProcessFrames(input, 0, 200, filtered, 0, envelope, 0, tiny, 0);
            }
        });
        Assert.Contains("Feature buffer full", error.Message);
    }

    [Fact]
    public void Eeg_band_and_band_powers_are_designed_for_the_device()
    {
        BiquadCascadeParameters band = FrontEndDesign.EegBand(256);
        Assert.Equal(1 + 1 + 2, band.SectionCount);
        GoertzelParameters bins = FrontEndDesign.BandPowers(256, [10, 20, 30, 40], 256);
        Assert.Equal(4, bins.BinCount);
        Assert.Equal(FilterDesign.GoertzelCoefficient(20, 256), bins.Coefficients[1]);
    }
}
