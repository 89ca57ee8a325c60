namespace Wearable.Modeling.Typing;

/// <summary>
/// Connectionist temporal classification loss (Graves et al. 2006) with its gradient, computed with
/// the forward-backward recursions in log space. Logits are [frame][class]; the blank is the last class.
/// </summary>
public static class CtcLoss
{
    /// <summary>
    /// Returns -log P(target | logits) and writes d loss / d logits into <paramref name="gradient"/>
    /// (same layout). Returns +infinity (and a zero gradient) when the target cannot fit in the frames.
    /// </summary>
    public static double Compute(float[] logits, int frames, int classes, int[] target, float[] gradient)
    {
        int blank = classes - 1;
        int states = (2 * target.Length) + 1;
        var logProbs = new double[frames * classes];
        for (int t = 0; t < frames; t++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < classes; k++)
            {
                max = Math.Max(max, logits[(t * classes) + k]);
            }

            double sum = 0;
            for (int k = 0; k < classes; k++)
            {
                sum += Math.Exp(logits[(t * classes) + k] - max);
            }

            double logSum = max + Math.Log(sum);
            for (int k = 0; k < classes; k++)
            {
                logProbs[(t * classes) + k] = logits[(t * classes) + k] - logSum;
            }
        }

        int Label(int s) => (s & 1) == 0 ? blank : target[s >> 1];
        bool CanSkip(int s) => s >= 2 && Label(s) != blank && Label(s) != Label(s - 2);

        var alpha = new double[frames * states];
        var beta = new double[frames * states];
        Array.Fill(alpha, double.NegativeInfinity);
        Array.Fill(beta, double.NegativeInfinity);
        alpha[0] = logProbs[blank];
        if (states > 1)
        {
            alpha[1] = logProbs[Label(1)];
        }

        for (int t = 1; t < frames; t++)
        {
            for (int s = 0; s < states; s++)
            {
                double a = alpha[((t - 1) * states) + s];
                if (s >= 1)
                {
                    a = LogAdd(a, alpha[((t - 1) * states) + s - 1]);
                }

                if (CanSkip(s))
                {
                    a = LogAdd(a, alpha[((t - 1) * states) + s - 2]);
                }

                alpha[(t * states) + s] = a + logProbs[(t * classes) + Label(s)];
            }
        }

        // beta[t][s]: log probability of the remaining frames after t, given state s at t (emission at t excluded).
        int last = (frames - 1) * states;
        beta[last + states - 1] = 0;
        if (states > 1)
        {
            beta[last + states - 2] = 0;
        }

        for (int t = frames - 2; t >= 0; t--)
        {
            for (int s = 0; s < states; s++)
            {
                int next = (t + 1) * states;
                double b = beta[next + s] + logProbs[((t + 1) * classes) + Label(s)];
                if (s + 1 < states)
                {
                    b = LogAdd(b, beta[next + s + 1] + logProbs[((t + 1) * classes) + Label(s + 1)]);
                }

                if (s + 2 < states && CanSkip(s + 2))
                {
                    b = LogAdd(b, beta[next + s + 2] + logProbs[((t + 1) * classes) + Label(s + 2)]);
                }

                beta[(t * states) + s] = b;
            }
        }

        double logLikelihood = alpha[last + states - 1];
        if (states > 1)
        {
            logLikelihood = LogAdd(logLikelihood, alpha[last + states - 2]);
        }

        if (double.IsNegativeInfinity(logLikelihood))
        {
            Array.Clear(gradient, 0, frames * classes);
            return double.PositiveInfinity;
        }

        var occupancy = new double[classes];
        for (int t = 0; t < frames; t++)
        {
            Array.Fill(occupancy, double.NegativeInfinity);
            for (int s = 0; s < states; s++)
            {
                int k = Label(s);
                occupancy[k] = LogAdd(occupancy[k], alpha[(t * states) + s] + beta[(t * states) + s]);
            }

            for (int k = 0; k < classes; k++)
            {
                gradient[(t * classes) + k] = (float)(Math.Exp(logProbs[(t * classes) + k]) - Math.Exp(occupancy[k] - logLikelihood));
            }
        }

        return -logLikelihood;
    }

    public static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        return a > b ? a + Math.Log(1 + Math.Exp(b - a)) : b + Math.Log(1 + Math.Exp(a - b));
    }
}
