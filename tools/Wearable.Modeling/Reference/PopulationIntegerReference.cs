using Wearable.Kernels.Spiking;

namespace Wearable.Modeling.Reference;

/// <summary>
/// LIF / CuBa-LIF integer rules of KERNEL-SPEC 2 written out with 128-bit intermediates and an
/// explicit truncating division, independent of the kernel classes. One instance per population.
/// </summary>
public sealed class PopulationIntegerReference
{
    private readonly PopulationParameters _p;
    private readonly int _n;

    public PopulationIntegerReference(PopulationParameters parameters)
    {
        _p = parameters;
        _n = parameters.NeuronCount;
        Membrane = new int[_n];
        Current = new int[_n];
        Spikes = new byte[_n];
    }

    public int[] Membrane { get; }

    public int[] Current { get; }

    public byte[] Spikes { get; }

    public void Reset()
    {
        Array.Clear(Membrane);
        Array.Clear(Current);
        Array.Clear(Spikes);
    }

    /// <summary>One step with the summed input of each neuron in weight units (before bias).</summary>
    public void Step(Int128[] input)
    {
        for (int i = 0; i < _n; i++)
        {
            Int128 a = input[i] + (_p.Bias is null ? 0 : _p.Bias[i]);
            a = Int128.Clamp(a, -SpikingPopulation.AccumulatorLimit, SpikingPopulation.AccumulatorLimit);
            Int128 synaptic = a * (Int128.One << (_p.FractionBits - _p.WeightFractionBits));
            int th = PerNeuron(_p.Thresholds, i);
            bool prev = Spikes[i] == 1;
            Int128 drive = synaptic;
            int membraneDecay;
            if (_p is CuBaLifParameters cuba)
            {
                Current[i] = Sat32(Truncate((Int128)Current[i] * (4096 - PerNeuron(cuba.CurrentDecay, i)), 4096) + synaptic);
                drive = Current[i];
                membraneDecay = PerNeuron(cuba.MembraneDecay, i);
            }
            else
            {
                membraneDecay = PerNeuron(((LifParameters)_p).Decay, i);
            }

            Int128 u = prev && _p.Reset == ResetMode.Zero
                ? drive
                : Truncate((Int128)Membrane[i] * (4096 - membraneDecay), 4096) + drive - (prev ? th : 0);
            Membrane[i] = Sat32(u);
            Spikes[i] = (byte)(Membrane[i] > th ? 1 : 0);
        }
    }

    private static int PerNeuron(int[] values, int i) => values.Length == 1 ? values[0] : values[i];

    private static Int128 Truncate(Int128 numerator, int denominator)
    {
        Int128 q = Int128.Abs(numerator) / denominator;
        return numerator < 0 ? -q : q;
    }

    private static int Sat32(Int128 v) => (int)Int128.Clamp(v, int.MinValue, int.MaxValue);
}
