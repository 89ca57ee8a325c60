using Wearable.Modeling.Simulation;
using Wearable.Modeling.Typing;

namespace Wearable.Modeling.Tests.Typing;

public sealed class CtcLossTests
{
    [Theory]
    [InlineData(4, 3, new[] { 0 })]
    [InlineData(4, 3, new[] { 0, 1 })]
    [InlineData(5, 3, new[] { 1, 1 })]
    [InlineData(3, 4, new[] { 2, 0, 1 })]
    [InlineData(4, 3, new int[0])]
    public void Loss_equals_the_sum_over_every_alignment_enumerated_by_brute_force(int frames, int classes, int[] target)
    {
        float[] logits = RandomLogits(frames, classes, 3);
        var gradient = new float[logits.Length];

        double loss = CtcLoss.Compute(logits, frames, classes, target, gradient);

        Assert.Equal(BruteForceLoss(logits, frames, classes, target), loss, 9);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        const int Frames = 5, Classes = 4;
        int[] target = [1, 2];
        float[] logits = RandomLogits(Frames, Classes, 9);
        var gradient = new float[logits.Length];
        CtcLoss.Compute(logits, Frames, Classes, target, gradient);

        var scratch = new float[logits.Length];
        for (int i = 0; i < logits.Length; i++)
        {
            float saved = logits[i];
            logits[i] = saved + 1e-3f;
            double up = CtcLoss.Compute(logits, Frames, Classes, target, scratch);
            logits[i] = saved - 1e-3f;
            double down = CtcLoss.Compute(logits, Frames, Classes, target, scratch);
            logits[i] = saved;
            Assert.Equal((up - down) / 2e-3, gradient[i], 2);
        }
    }

    [Fact]
    public void A_target_longer_than_the_frames_allow_is_infinite()
    {
        float[] logits = RandomLogits(2, 3, 1);
        Assert.True(double.IsPositiveInfinity(CtcLoss.Compute(logits, 2, 3, [0, 0], new float[6])));
    }

    private static float[] RandomLogits(int frames, int classes, ulong seed)
    {
        var random = new Pcg32(seed);
        var logits = new float[frames * classes];
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] = (float)(2 * random.NextGaussian());
        }

        return logits;
    }

    private static double BruteForceLoss(float[] logits, int frames, int classes, int[] target)
    {
        int blank = classes - 1;
        double total = 0;
        int paths = (int)Math.Pow(classes, frames);
        for (int code = 0; code < paths; code++)
        {
            var labels = new List<int>();
            double probability = 1;
            int previous = -1;
            int rest = code;
            for (int t = 0; t < frames; t++)
            {
                int k = rest % classes;
                rest /= classes;
                double sum = 0;
                for (int j = 0; j < classes; j++)
                {
                    sum += Math.Exp(logits[(t * classes) + j]);
                }

                probability *= Math.Exp(logits[(t * classes) + k]) / sum;
                if (k != blank && k != previous)
                {
                    labels.Add(k);
                }

                previous = k;
            }

            if (labels.SequenceEqual(target))
            {
                total += probability;
            }
        }

        return -Math.Log(total);
    }
}
