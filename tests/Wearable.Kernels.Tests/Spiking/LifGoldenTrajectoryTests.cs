using Wearable.Kernels.Spiking;
using Wearable.Modeling.Reference;

namespace Wearable.Kernels.Tests.Spiking;

/// <summary>KERNEL-SPEC 2's golden check: beta 0.5, theta 1, inputs 1.5, 0, 0.8, 0.8, 0.</summary>
public class LifGoldenTrajectoryTests
{
    private static readonly double[] Inputs = [1.5, 0, 0.8, 0.8, 0];
    private static readonly double[] SpecMembrane = [1.5, -0.25, 0.675, 1.1375, -0.43125];
    private static readonly bool[] SpecSpikes = [true, false, false, true, false];
    private const int F = 14;

    // The integers our rules give (docs/kernels.md): RTZ decay, inputs rounded to nearest at F = 14.
    private static readonly int[] ExpectedMembrane = [24576, -4096, 11059, 18636, -7066];

    [Fact]
    public void Double_reference_reproduces_the_spec_trajectory()
    {
        var (u, s) = LifDouble.Leaky(0.5, 1.0, Inputs);
        for (int t = 0; t < Inputs.Length; t++)
        {
            Assert.Equal(SpecMembrane[t], u[t], 12);
            Assert.Equal(SpecSpikes[t], s[t]);
        }
    }

    [Fact]
    public void Lif_population_stays_within_one_lsb_and_spikes_like_the_spec()
    {
        var population = new LifPopulation(new LifParameters(1, F, F, new int[] { Decay(0.5) }, new int[] { 1 << F }, ResetMode.Subtract, null));
        var trace = AssertTrajectory(population);
        Assert.Equal(ExpectedMembrane, trace);
    }

    [Fact]
    public void CuBa_population_with_alpha_zero_is_the_lif_trajectory()
    {
        // alpha = 0 means I = this step's input, so Synaptic reduces to Leaky: same golden check.
        var population = new CuBaLifPopulation(new CuBaLifParameters(1, F, F, [4096], [Decay(0.5)], [1 << F], ResetMode.Subtract, null));
        Assert.Equal(ExpectedMembrane, AssertTrajectory(population));
    }

    [Fact]
    public void CuBa_population_follows_the_double_synaptic_model()
    {
        double alpha = 0.75, beta = 0.875, theta = 1.0;
        double[] x = [0.3, 0.4, 0, 0, 0.9, 0.1, 0, 0, 0, 0.5, 0.5, 0.5, 0, 0, 0];
        var (u, s) = LifDouble.Synaptic(alpha, beta, theta, x);
        var population = new CuBaLifPopulation(new CuBaLifParameters(1, F, F, [Decay(alpha)], [Decay(beta)], [1 << F], ResetMode.Subtract, null));
        for (int t = 0; t < x.Length; t++)
        {
            population.AddCurrent(0, (long)Math.Round(x[t] * (1 << F)));
            population.Step();
            // Each RTZ drops < 1 LSB; the current's truncation error is integrated by the membrane, so the
            // worst-case drift is 1/(1-alpha) * 1/(1-beta) + 1/(1-beta) = 4 * 8 + 8 = 40 LSB.
            Assert.InRange(population.Membrane[0] - u[t] * (1 << F), -40.0, 40.0);
            Assert.Equal(s[t], population.Spikes[0] == 1);
        }
    }

    [Fact]
    public void Zero_reset_drops_the_membrane_after_a_spike()
    {
        var (u, s) = LifDouble.Leaky(0.5, 1.0, Inputs, zeroReset: true);
        var population = new LifPopulation(new LifParameters(1, F, F, new int[] { Decay(0.5) }, new int[] { 1 << F }, ResetMode.Zero, null));
        for (int t = 0; t < Inputs.Length; t++)
        {
            population.AddCurrent(0, (long)Math.Round(Inputs[t] * (1 << F)));
            population.Step();
            Assert.InRange(population.Membrane[0] - u[t] * (1 << F), -1.0, 1.0);
            Assert.Equal(s[t], population.Spikes[0] == 1);
        }
    }

    private static int[] AssertTrajectory(SpikingPopulation population)
    {
        var trace = new int[Inputs.Length];
        for (int t = 0; t < Inputs.Length; t++)
        {
            population.AddCurrent(0, (long)Math.Round(Inputs[t] * (1 << F)));
            population.Step();
            double lsbError = population.Membrane[0] - SpecMembrane[t] * (1 << F);
            Assert.InRange(lsbError, -1.0, 1.0);
            Assert.Equal(SpecSpikes[t], population.Spikes[0] == 1);
            Assert.Equal(SpecSpikes[t] ? 1 : 0, population.ActiveCount);
            trace[t] = population.Membrane[0];
        }

        return trace;
    }

    private static int Decay(double beta) => (int)Math.Round((1 - beta) * 4096);
}
