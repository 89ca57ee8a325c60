using FsCheck;
using FsCheck.Fluent;
using Wearable.Kernels.Spiking;
using Wearable.Modeling.Reference;

namespace Wearable.Kernels.Tests.Spiking;

/// <summary>
/// A recurrent layer is a population that also adds its own previous spikes before stepping:
/// AddSpikes(wIn, input) + AddSpikes(wRec, self.ActiveIndices) + Step(). Checked against the dense reference.
/// </summary>
public class RecurrentPopulationTests
{
    [Fact]
    public void Recurrent_lif_and_cuba_layers_match_the_dense_reference()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<bool>(), (seed, cuba) =>
        {
            var random = new Random(seed);
            const int Inputs = 12, Neurons = 20, Steps = 40;
            var win = new sbyte[Inputs * Neurons];
            var wrec = new short[Neurons * Neurons];
            for (int i = 0; i < win.Length; i++)
            {
                win[i] = (sbyte)random.Next(-128, 128);
            }

            for (int i = 0; i < wrec.Length; i++)
            {
                wrec[i] = (short)random.Next(-3000, 3000);
            }

            var decay = Enumerable.Range(0, Neurons).Select(_ => random.Next(0, 4097)).ToArray();
            int[] threshold = [random.Next(1, 1 << 14)];
            var reset = (ResetMode)random.Next(2);
            PopulationParameters p = cuba
                ? new CuBaLifParameters(Neurons, 14, 6, [random.Next(0, 4097)], decay, threshold, reset, null)
                : new LifParameters(Neurons, 14, 6, decay, threshold, reset, null);
            var inWeights = new FanOutWeights(Inputs, Neurons, win, 6);
            var recWeights = new FanOutWeights(Neurons, Neurons, wrec, 6);
            SpikingPopulation kernel = p.CreatePopulation();
            var reference = new PopulationIntegerReference(p);
            var active = new int[Inputs];
            for (int t = 0; t < Steps; t++)
            {
                int count = 0;
                var input = new Int128[Neurons];
                byte[] previous = (byte[])reference.Spikes.Clone();
                for (int j = 0; j < Inputs; j++)
                {
                    if (random.Next(4) == 0)
                    {
                        active[count++] = j;
                        for (int i = 0; i < Neurons; i++)
                        {
                            input[i] += inWeights.Weight(j, i);
                        }
                    }
                }

                for (int j = 0; j < Neurons; j++)
                {
                    for (int i = 0; i < Neurons; i++)
                    {
                        input[i] += recWeights.Weight(j, i) * previous[j];
                    }
                }

                kernel.AddSpikes(inWeights, active, count);
                kernel.AddSpikes(recWeights, kernel.ActiveIndices, kernel.ActiveCount);
                kernel.Step();
                reference.Step(input);
                if (!kernel.Membrane.SequenceEqual(reference.Membrane) || !kernel.Spikes.SequenceEqual(reference.Spikes))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
