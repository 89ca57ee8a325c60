namespace Wearable.Modeling.Training;

/// <summary>
/// One LIF population of the float L2MU with its history over a window, stepped like the integer
/// kernel (KERNEL-SPEC 2, snnTorch Leaky): U_t = beta U_{t-1} + I_t - theta S_{t-1}; S_t = U_t &gt; theta.
/// beta is held on the kernel's 12-bit grid ((4096 - D) / 4096) so the export changes nothing.
/// Spikes are kept both as 0/1 values and as per-step lists of active neurons (event-driven sums).
/// </summary>
internal sealed class L2muPopulation
{
    private const float SurrogateSlope = 10f;

    private readonly float[] _frozenResets;
    private bool _resetsFrozen;

    public L2muPopulation(int neurons, float beta, float threshold, int steps)
    {
        Neurons = neurons;
        Decay = (int)Math.Round((1 - beta) * 4096, MidpointRounding.AwayFromZero);
        Beta = (4096 - Decay) / 4096f;
        Threshold = threshold;
        Steps = steps;
        Membrane = new float[steps * neurons];
        Spikes = new float[steps * neurons];
        Active = new int[steps * neurons];
        ActiveCount = new int[steps];
        Input = new float[neurons];
        MembraneGradient = new float[neurons];
        CurrentGradient = new float[neurons];
        _frozenResets = new float[steps * neurons];
    }

    public int Neurons { get; }

    /// <summary>D = round((1 - beta) 4096), what the model file stores.</summary>
    public int Decay { get; }

    public float Beta { get; }

    public float Threshold { get; }

    public int Steps { get; }

    public float[] Membrane { get; }

    /// <summary>[t][n]: 0/1 spikes (or the smooth stand-in in gradient-check mode).</summary>
    public float[] Spikes { get; }

    /// <summary>[t][n]: indices with a non-zero spike at step t, the first ActiveCount[t] valid.</summary>
    public int[] Active { get; }

    public int[] ActiveCount { get; }

    /// <summary>This step's synaptic input I (accumulated by the caller, cleared by Fire).</summary>
    public float[] Input { get; }

    /// <summary>Backward: dL/dU carried from step t + 1 to t (scaled by beta inside Backward).</summary>
    public float[] MembraneGradient { get; }

    /// <summary>Backward: dL/dI at the current step.</summary>
    public float[] CurrentGradient { get; }

    /// <summary>Test mode: spikes become the smooth fast sigmoid whose derivative is the surrogate.</summary>
    public bool Smooth { get; set; }

    /// <summary>Test mode: the resets use the spikes of the pass that was current when frozen (they are constants for BPTT anyway).</summary>
    public void FreezeResets()
    {
        Array.Copy(Spikes, _frozenResets, Spikes.Length);
        _resetsFrozen = true;
    }

    public int SpikeCount(int t) => ActiveCount[t];

    /// <summary>Integrates this step's input and fires.</summary>
    public void Fire(int t)
    {
        int n = Neurons;
        int row = t * n;
        float[] resets = _resetsFrozen ? _frozenResets : Spikes;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            float u = Input[i];
            if (t > 0)
            {
                u += (Beta * Membrane[row - n + i]) - (Threshold * resets[row - n + i]);
            }

            Input[i] = 0;
            Membrane[row + i] = u;
            float s;
            if (Smooth)
            {
                float x = (u / Threshold) - 1;
                s = x / (1 + (SurrogateSlope * MathF.Abs(x)));
            }
            else
            {
                s = u > Threshold ? 1 : 0;
            }

            Spikes[row + i] = s;
            if (s != 0)
            {
                Active[row + count++] = i;
            }
        }

        ActiveCount[t] = count;
    }

    /// <summary>Derivative of the fast sigmoid of U / theta: (1 / theta) / (1 + k |U / theta - 1|)^2.</summary>
    public float Surrogate(int t, int i)
    {
        float x = MathF.Abs((Membrane[(t * Neurons) + i] / Threshold) - 1);
        float d = 1 + (SurrogateSlope * x);
        return 1 / (Threshold * d * d);
    }

    public void ClearGradients() => Array.Clear(MembraneGradient);

    /// <summary>
    /// dL/dU_t = dL/dS_t sigma'(U_t) + beta dL/dU_{t+1} (reset detached); I enters U with weight 1,
    /// so dL/dI_t = dL/dU_t. <paramref name="spikeGradient"/> holds dL/dS_t.
    /// </summary>
    public void Backward(int t, float[] spikeGradient)
    {
        for (int i = 0; i < Neurons; i++)
        {
            float g = (spikeGradient[i] * Surrogate(t, i)) + (Beta * MembraneGradient[i]);
            MembraneGradient[i] = g;
            CurrentGradient[i] = g;
        }
    }
}
