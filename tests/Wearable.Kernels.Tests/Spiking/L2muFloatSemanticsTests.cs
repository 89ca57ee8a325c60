using Wearable.Kernels.Spiking;
using Wearable.Modeling.Reference;
using Wearable.Modeling.Spiking;

namespace Wearable.Kernels.Tests.Spiking;

/// <summary>
/// Each integer L2MU step against the float model from the same state (teacher forcing: downstream
/// populations see the integer spikes of this step). Only RTZ may differ: at most 1 LSB for LIF, and
/// spikes agree except where the float membrane lies within 1 LSB of the threshold.
/// </summary>
public class L2muFloatSemanticsTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(9)]
    public void Every_step_follows_the_float_model_within_one_lsb(int seed)
    {
        var shape = new L2muShape();
        var (ip, p) = L2muFactory.CreateRandom(seed, shape);
        var input = new L2muInputModule(ip);
        var cell = new L2muCell(p);
        short[] frames = L2muFactory.RandomFrames(seed, shape.Channels, 80);
        int compared = 0;
        for (int t = 0; t < 80; t++)
        {
            var before = new[] { cell.U, cell.Memory, cell.Hidden, cell.Output }
                .Select(pop => (Membrane: pop.Membrane.Select(v => v / 16384.0).ToArray(), Spikes: (byte[])pop.Spikes.Clone())).ToArray();
            input.Step(frames, t * shape.Channels);
            byte[] sIn = input.Output.Spikes;
            cell.Step(input.Output.ActiveIndices, input.Output.ActiveCount);

            double[] iu = L2muDouble.Add(
                L2muDouble.Synaptic(p.Ex, sIn),
                L2muDouble.Synaptic(p.Eh, before[2].Spikes),
                L2muDouble.Synaptic(p.Em, before[1].Spikes));
            double[] im = L2muDouble.Memory(p, before[1].Spikes, cell.U.Spikes);
            double[] ih = L2muDouble.Add(
                L2muDouble.Synaptic(p.Wx, sIn),
                L2muDouble.Synaptic(p.Wh, before[2].Spikes),
                L2muDouble.Synaptic(p.Wm, cell.Memory.Spikes));
            double[] io = L2muDouble.Synaptic(p.Wo, cell.Hidden.Spikes);
            var parameters = new[] { p.U, p.M, p.H, p.Output };
            var inputs = new[] { iu, im, ih, io };
            var after = new[] { cell.U, cell.Memory, cell.Hidden, cell.Output };
            for (int k = 0; k < 4; k++)
            {
                var (expected, _) = L2muDouble.Step(parameters[k], before[k].Membrane, new double[before[k].Membrane.Length], before[k].Spikes, inputs[k]);
                for (int i = 0; i < expected.Length; i++)
                {
                    double lsb = expected[i] * 16384 - after[k].Membrane[i];
                    Assert.InRange(lsb, -1.0, 1.0);
                    int th = parameters[k].Thresholds.Length == 1 ? parameters[k].Thresholds[0] : parameters[k].Thresholds[i];
                    if (Math.Abs(expected[i] * 16384 - th) > 1)
                    {
                        Assert.Equal(expected[i] * 16384 > th, after[k].Spikes[i] == 1);
                        compared++;
                    }
                }
            }
        }

        Assert.True(compared > 80 * 100);
    }
}
