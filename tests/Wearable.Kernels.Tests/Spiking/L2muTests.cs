using Wearable.Kernels.Spiking;
using Wearable.Modeling.Spiking;
using Xunit.Abstractions;

namespace Wearable.Kernels.Tests.Spiking;

public class L2muTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Event_driven_and_dense_steps_give_the_same_integers(int seed, bool cuba)
    {
        var shape = new L2muShape();
        var (inputParameters, cellParameters) = L2muFactory.CreateRandom(seed, shape, cuba);
        var inputA = new L2muInputModule(inputParameters);
        var inputB = new L2muInputModule(inputParameters);
        var eventDriven = new L2muCell(cellParameters);
        var dense = new L2muCell(cellParameters);
        short[] frames = L2muFactory.RandomFrames(seed, shape.Channels, 120);
        int totalSpikes = 0;
        for (int t = 0; t < 120; t++)
        {
            inputA.Step(frames, t * shape.Channels);
            inputB.Step(frames, t * shape.Channels);
            eventDriven.Step(inputA.Output.ActiveIndices, inputA.Output.ActiveCount);
            dense.StepDense(inputB.Output.Spikes, 0);
            Assert.Equal(dense.U.Membrane, eventDriven.U.Membrane);
            Assert.Equal(dense.Memory.Membrane, eventDriven.Memory.Membrane);
            Assert.Equal(dense.Hidden.Membrane, eventDriven.Hidden.Membrane);
            Assert.Equal(dense.Output.Membrane, eventDriven.Output.Membrane);
            totalSpikes += eventDriven.Hidden.ActiveCount + eventDriven.Memory.ActiveCount + inputA.Output.ActiveCount;
        }

        Assert.Equal(dense.SpikeCounts, eventDriven.SpikeCounts);
        output.WriteLine($"spikes in 120 steps: {totalSpikes}; counts {string.Join(",", eventDriven.SpikeCounts)}");
        Assert.True(totalSpikes > 100, "the random network should be active, otherwise the test proves little");
    }

    [Fact]
    public void Memory_follows_abar_as_written_and_bbar_exactly()
    {
        var shape = new L2muShape(MemorySize: 1, Order: 4, HiddenSize: 2, InputSpikes: 1, Outputs: 2, Theta: 7);
        var (_, p) = L2muFactory.CreateRandom(3, shape);
        // Drive u hard (weight 127 * 2^-6 ~ 2 > any threshold) so it spikes on every input spike.
        var strongEx = new FanOutWeights(1, 1, new sbyte[] { 127 }, p.Ex.FractionBits);
        var q = new L2muCellParameters(p.InputCount, p.MemorySize, p.Order, p.HiddenSize, p.OutputCount, strongEx, p.Eh, p.Em,
            p.AbarQ14, p.BbarQ14, p.Wx, p.Wh, p.Wm, p.Wo, p.U, p.M, p.H, p.Output);
        var cell = new L2muCell(q);
        var m = (LifParameters)q.M;

        cell.Step([0], 1);
        Assert.Equal(1, cell.U.Spikes[0]);
        int[] membrane1 = (int[])cell.Memory.Membrane.Clone();
        byte[] spikes1 = (byte[])cell.Memory.Spikes.Clone();
        for (int k = 0; k < 4; k++)
        {
            Assert.Equal(q.BbarQ14[k], membrane1[k]); // from rest: U = Bbar[k] * s_u (Fw = F = 14)
        }

        cell.Step([0], 1);
        for (int k = 0; k < 4; k++)
        {
            long input = cell.U.Spikes[0] * q.BbarQ14[k];
            for (int j = 0; j < 4; j++)
            {
                input += q.AbarQ14[k * 4 + j] * spikes1[j]; // Abar[k][j] * s_m(prev)[j]: Abar as written
            }

            int th = m.Thresholds.Length > 1 ? m.Thresholds[k] : m.Thresholds[0];
            int d = m.Decay.Length > 1 ? m.Decay[k] : m.Decay[0];
            long u = spikes1[k] == 1 && m.Reset == ResetMode.Zero
                ? input
                : (long)membrane1[k] * (4096 - d) / 4096 + input - (spikes1[k] == 1 ? th : 0);
            Assert.Equal(u, cell.Memory.Membrane[k]);
        }

        Assert.Contains((byte)1, spikes1);
    }

    [Fact]
    public void Decision_is_the_argmax_with_ties_to_the_lowest_index()
    {
        var shape = new L2muShape(Outputs: 3);
        var (_, p) = L2muFactory.CreateRandom(5, shape);
        var cell = new L2muCell(p);
        Assert.Equal(0, cell.Decision());
        cell.SpikeCounts[1] = 4;
        cell.SpikeCounts[2] = 4;
        Assert.Equal(1, cell.Decision());
        cell.SpikeCounts[2] = 5;
        Assert.Equal(2, cell.Decision());
    }

    [Fact]
    public void Mismatched_weights_are_refused_with_a_clear_message()
    {
        var shape = new L2muShape();
        var (_, p) = L2muFactory.CreateRandom(6, shape);
        var error = Assert.Throws<ArgumentException>(() => new L2muCellParameters(
            p.InputCount, p.MemorySize, p.Order, p.HiddenSize, p.OutputCount, p.Wx, p.Eh, p.Em, p.AbarQ14, p.BbarQ14,
            p.Wx, p.Wh, p.Wm, p.Wo, p.U, p.M, p.H, p.Output));
        Assert.Contains("ex", error.Message);
    }
}
