namespace Wearable.Modeling.Training;

/// <summary>Adam (Kingma and Ba 2015) with decoupled weight decay (Loshchilov and Hutter 2019).</summary>
public sealed class AdamW
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private double _learningRate;
    private readonly double _weightDecay;
    private int _step;

    public AdamW(double learningRate, double weightDecay)
    {
        _learningRate = learningRate;
        _weightDecay = weightDecay;
    }

    /// <summary>The rate of the next steps (a schedule may change it between steps).</summary>
    public double LearningRate
    {
        get => _learningRate;
        set => _learningRate = value;
    }

    /// <summary>Applies the gradients accumulated over <paramref name="batch"/> examples, then clears them.</summary>
    public void Step(Parameter[] parameters, int batch)
    {
        _step++;
        double correction1 = 1 - Math.Pow(Beta1, _step);
        double correction2 = 1 - Math.Pow(Beta2, _step);
        float stepSize = (float)(_learningRate * Math.Sqrt(correction2) / correction1);
        float decay = (float)(_learningRate * _weightDecay);
        float inverseBatch = 1f / batch;
        foreach (var p in parameters)
        {
            float[] values = p.Values, grads = p.Gradients, m = p.FirstMoment, v = p.SecondMoment;
            for (int i = 0; i < values.Length; i++)
            {
                float g = grads[i] * inverseBatch;
                m[i] = (float)((Beta1 * m[i]) + ((1 - Beta1) * g));
                v[i] = (float)((Beta2 * v[i]) + ((1 - Beta2) * g * g));
                if (p.Decays)
                {
                    values[i] -= decay * values[i];
                }

                values[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) + (float)Epsilon);
                grads[i] = 0;
            }
        }
    }
}
