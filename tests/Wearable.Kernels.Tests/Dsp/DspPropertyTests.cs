using FsCheck;
using FsCheck.Fluent;
using Wearable.Kernels.Dsp;
using Wearable.Modeling.Dsp;
using Wearable.Modeling.Reference;

namespace Wearable.Kernels.Tests.Dsp;

/// <summary>FsCheck properties of the DSP kernels: no wrap, block = sample by sample, determinism.</summary>
public class DspPropertyTests
{
    private static readonly Arbitrary<short[]> Samples =
        Gen.ArrayOf(Gen.OneOf(Gen.Elements<short>(short.MinValue, short.MaxValue, 0, -1, 1), ArbMap.Default.GeneratorFor<short>()))
            .Where(a => a.Length >= 2).ToArbitrary();

    [Fact]
    public void Cascade_with_arbitrary_coefficients_saturates_and_never_wraps()
    {
        // Any int32 coefficients, stable or not: the kernel must equal the 128-bit reference that clamps
        // the stored state, i.e. its int64 accumulator never wrapped and nothing flipped sign.
        var coefficients = Gen.ArrayOf(ArbMap.Default.GeneratorFor<int>(), 10).ToArbitrary();
        Prop.ForAll(coefficients, Samples, Gen.Choose(0, 13).ToArbitrary(), (c, x, guard) =>
        {
            var cascade = new BiquadCascade(new BiquadCascadeParameters(c, guard), 1);
            int[] expected = BiquadIntegerReference.Run(c, guard, x, 1);
            for (int n = 0; n < x.Length; n++)
            {
                int y = cascade.StepInt16(0, x[n]);
                if (y != expected[n] || Math.Abs((long)y) > BiquadCascadeParameters.StateLimit)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Unstable_filter_pins_at_the_limit_instead_of_wrapping()
    {
        // Double pole at z = 1 (a1 = -2, a2 = 1): the exact output grows without bound.
        var cascade = new BiquadCascade(new BiquadCascadeParameters([1 << 30, 0, 0, int.MinValue, 1 << 30], 8), 1);
        int previous = 0;
        for (int n = 0; n < 5000; n++)
        {
            int y = cascade.StepInt16(0, short.MaxValue);
            Assert.True(y >= previous, $"output went down at {n}: {previous} -> {y} (wrapped?)");
            previous = y;
        }

        Assert.Equal(BiquadCascadeParameters.StateLimit, previous);
    }

    [Fact]
    public void Block_processing_equals_sample_by_sample()
    {
        Prop.ForAll(Samples, Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(1, 8).ToArbitrary(), (x, channels, order) =>
        {
            int frames = x.Length / channels;
            BiquadCascadeParameters p = FilterDesign.Quantize([.. FilterDesign.ButterworthHighPass(order, 20, 2000), .. FilterDesign.Notch(50, 20, 2000)], 8);
            var block = new BiquadCascade(p, channels);
            var single = new BiquadCascade(p, channels);
            var blockOut = new int[frames * channels + 3];
            int half = frames / 2;
            block.ProcessFrames(x, 0, blockOut, 3, half);
            block.ProcessFrames(x, half * channels, blockOut, 3 + half * channels, frames - half);
            for (int i = 0; i < frames * channels; i++)
            {
                if (single.StepInt16(i % channels, x[i]) != blockOut[3 + i])
                {
                    return false;
                }
            }

            var envelopeBlock = new EnvelopeDetector(p, channels);
            var envelopeSingle = new EnvelopeDetector(p, channels);
            var envelopeOut = new int[frames * channels];
            envelopeBlock.ProcessFrames(blockOut, 3, envelopeOut, 0, frames);
            for (int i = 0; i < frames * channels; i++)
            {
                if (envelopeSingle.Step(i % channels, blockOut[3 + i]) != envelopeOut[i])
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        Prop.ForAll(Samples, x =>
        {
            return Run(x).AsSpan().SequenceEqual(Run(x));

            static int[] Run(short[] x)
            {
                var front = new BiquadCascade(FilterDesign.Quantize(FilterDesign.ButterworthBandPass(2, 20, 450, 2000), 8), 1);
                var features = new WindowFeatures(new WindowFeaturesParameters(16, 4, 100, 1000), 1);
                var goertzel = new GoertzelBandPower(new GoertzelParameters([FilterDesign.GoertzelCoefficient(50, 2000)], 8, 2), 1);
                var result = new List<int>();
                var frame = new int[1];
                var values = new int[5];
                foreach (short s in x)
                {
                    frame[0] = front.StepInt16(0, s);
                    result.Add(frame[0]);
                    if (features.PushFrame(frame, 0))
                    {
                        features.WriteFeatures(values, 0);
                        result.AddRange(values);
                    }

                    if (goertzel.PushFrame(frame, 0))
                    {
                        result.Add((int)goertzel.Power(0, 0));
                    }
                }

                return [.. result];
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Window_features_with_full_scale_guarded_input_match_the_recomputing_reference()
    {
        var values = Gen.ArrayOf(Gen.OneOf(Gen.Choose(int.MinValue / 2, int.MaxValue / 2), Gen.Elements(int.MinValue, int.MaxValue, 0)))
            .Where(a => a.Length >= 3).ToArbitrary();
        Prop.ForAll(values, Gen.Choose(2, 12).ToArbitrary(), Gen.Choose(1, 5).ToArbitrary(), (x, window, hop) =>
        {
            var p = new WindowFeaturesParameters(window, hop, 1000, 1L << 20);
            var features = new WindowFeatures(p, 1);
            var output = new List<int>();
            var buffer = new int[5];
            for (int n = 0; n < x.Length; n++)
            {
                if (features.PushFrame(x, n))
                {
                    features.WriteFeatures(buffer, 0);
                    output.AddRange(buffer);
                }
            }

            return output.SequenceEqual(FeaturesIntegerReference.Run(p, x, 1));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Bad_arguments_get_clear_errors()
    {
        var error = Assert.Throws<ArgumentException>(() => new BiquadCascadeParameters(new int[7], 8));
        Assert.Contains("5 per section", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BiquadCascadeParameters(new int[5], 14));
        var cascade = new BiquadCascade(new BiquadCascadeParameters(new int[5], 8), 2);
        var tooSmall = Assert.Throws<ArgumentOutOfRangeException>(() => cascade.ProcessFrames(new short[3], 0, new int[4], 0, 2));
        Assert.Contains("do not fit", tooSmall.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowFeaturesParameters(1, 1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DcBlocker(1 << 30, 8, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GoertzelParameters([0], 16, 7));
    }
}
