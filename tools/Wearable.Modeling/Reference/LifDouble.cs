namespace Wearable.Modeling.Reference;

/// <summary>snnTorch Leaky / Synaptic in double: the float semantics the integer populations follow.</summary>
public static class LifDouble
{
    /// <summary>U = beta U + I - S_prev theta (subtract reset) or U = (S_prev ? 0 : beta U) + I (zero reset); S = U &gt; theta.</summary>
    public static (double[] Membrane, bool[] Spikes) Leaky(double beta, double theta, IReadOnlyList<double> input, bool zeroReset = false)
    {
        var u = new double[input.Count];
        var s = new bool[input.Count];
        double mem = 0;
        bool prev = false;
        for (int t = 0; t < input.Count; t++)
        {
            mem = prev && zeroReset ? input[t] : beta * mem + input[t] - (prev ? theta : 0);
            prev = mem > theta;
            u[t] = mem;
            s[t] = prev;
        }

        return (u, s);
    }

    /// <summary>I = alpha I + x; U = beta U + I - S_prev theta; S = U &gt; theta.</summary>
    public static (double[] Membrane, bool[] Spikes) Synaptic(double alpha, double beta, double theta, IReadOnlyList<double> input)
    {
        var u = new double[input.Count];
        var s = new bool[input.Count];
        double syn = 0, mem = 0;
        bool prev = false;
        for (int t = 0; t < input.Count; t++)
        {
            syn = alpha * syn + input[t];
            mem = beta * mem + syn - (prev ? theta : 0);
            prev = mem > theta;
            u[t] = mem;
            s[t] = prev;
        }

        return (u, s);
    }
}
