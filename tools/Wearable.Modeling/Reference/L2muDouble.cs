using Wearable.Kernels.Spiking;

namespace Wearable.Modeling.Reference;

/// <summary>
/// The L2MU in float semantics (snnTorch Leaky/Synaptic with real-valued weights w 2^-Fw, thresholds
/// th 2^-F and beta = 1 - D/4096), one population at a time, so tests can check each integer step
/// against it from the same state. Values are in real units (not LSBs).
/// </summary>
public static class L2muDouble
{
    /// <summary>Sum over inputs j of w[j, i] 2^-Fw s[j] (real-valued synaptic input of each neuron).</summary>
    public static double[] Synaptic(FanOutWeights w, byte[] spikes)
    {
        double scale = Math.Pow(2, -w.FractionBits);
        var r = new double[w.OutputCount];
        for (int j = 0; j < w.InputCount; j++)
        {
            if (spikes[j] != 0)
            {
                for (int i = 0; i < w.OutputCount; i++)
                {
                    r[i] += w.Weight(j, i) * scale;
                }
            }
        }

        return r;
    }

    /// <summary>Memory input: Abar[k][j] s_m(prev)[i, j] + Bbar[k] s_u[i], in real units (Q2.14 values / 2^14).</summary>
    public static double[] Memory(L2muCellParameters p, byte[] memoryPrevious, byte[] u)
    {
        int d = p.Order;
        var r = new double[p.MemorySize * d];
        for (int i = 0; i < p.MemorySize; i++)
        {
            for (int k = 0; k < d; k++)
            {
                double sum = p.BbarQ14[k] * u[i];
                for (int j = 0; j < d; j++)
                {
                    sum += p.AbarQ14[k * d + j] * memoryPrevious[i * d + j];
                }

                r[i * d + k] = sum / (1 << L2muCellParameters.LmuFractionBits);
            }
        }

        return r;
    }

    public static double[] Add(params double[][] terms)
    {
        var r = new double[terms[0].Length];
        foreach (double[] t in terms)
        {
            for (int i = 0; i < r.Length; i++)
            {
                r[i] += t[i];
            }
        }

        return r;
    }

    /// <summary>
    /// One step of a LIF or CuBa-LIF population in double from (membrane, current, spikes) of the previous
    /// step; input excludes the bias (added here). Returns the new membrane and current (real units).
    /// </summary>
    public static (double[] Membrane, double[] Current) Step(PopulationParameters p, double[] membrane, double[] current, byte[] spikesPrevious, double[] input)
    {
        int n = p.NeuronCount;
        double unit = Math.Pow(2, -p.FractionBits);
        double weightUnit = Math.Pow(2, -p.WeightFractionBits);
        var u = new double[n];
        var c = new double[n];
        for (int i = 0; i < n; i++)
        {
            double drive = input[i] + (p.Bias is null ? 0 : p.Bias[i] * weightUnit);
            double theta = (p.Thresholds.Length == 1 ? p.Thresholds[0] : p.Thresholds[i]) * unit;
            double beta;
            if (p is CuBaLifParameters cuba)
            {
                double alpha = 1 - (cuba.CurrentDecay.Length == 1 ? cuba.CurrentDecay[0] : cuba.CurrentDecay[i]) / 4096.0;
                c[i] = alpha * current[i] + drive;
                drive = c[i];
                beta = 1 - (cuba.MembraneDecay.Length == 1 ? cuba.MembraneDecay[0] : cuba.MembraneDecay[i]) / 4096.0;
            }
            else
            {
                var lif = (LifParameters)p;
                beta = 1 - (lif.Decay.Length == 1 ? lif.Decay[0] : lif.Decay[i]) / 4096.0;
            }

            bool previous = spikesPrevious[i] != 0;
            u[i] = previous && p.Reset == ResetMode.Zero ? drive : beta * membrane[i] + drive - (previous ? theta : 0);
        }

        return (u, c);
    }
}
