using Wearable.Kernels.Link;
using Wearable.Kernels.Spiking;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// "snn.lif" and "snn.cuba-lif": a population of 16 neurons (F = 14, weight fraction 8, threshold 1.0,
    /// subtract reset; LIF decay 410, CuBa current decay 819 and membrane decay 410) from a reset state.
    /// Input: S steps of 16 int16 drives in weight units (1..MaxSteps). Output: per step the spike mask
    /// as u16 (bit n = neuron n), then the final membranes as 16 int32.
    /// </summary>
    public sealed class SpikingHilAdapter : HilAdapter
    {
        public const int Neurons = 16;
        public const int MaxSteps = 30;

        private readonly string _name;
        private readonly SpikingPopulation _population;
        private readonly HilReader _reader = new HilReader();

        public SpikingHilAdapter(bool cuba)
        {
            int threshold = 1 << PopulationParameters.DefaultFractionBits;
            if (cuba)
            {
                _name = "snn.cuba-lif";
                _population = new CuBaLifParameters(Neurons, PopulationParameters.DefaultFractionBits, 8, new int[] { 819 }, new int[] { 410 },
                    new int[] { threshold }, ResetMode.Subtract, null).CreatePopulation();
            }
            else
            {
                _name = "snn.lif";
                _population = new LifParameters(Neurons, 8, 410, threshold).CreatePopulation();
            }
        }

        public override string Name { get { return _name; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            int steps = length / (2 * Neurons);
            if (length % (2 * Neurons) != 0 || steps < 1 || steps > MaxSteps || (steps * 2) + (Neurons * 4) > maxOutput)
            {
                return -1;
            }

            _reader.Start(input, offset, length);
            _population.Reset();
            int produced = 0;
            for (int s = 0; s < steps; s++)
            {
                for (int n = 0; n < Neurons; n++)
                {
                    _population.AddCurrent(n, _reader.Int16());
                }

                _population.Step();
                int mask = 0;
                byte[] spikes = _population.Spikes;
                for (int n = 0; n < Neurons; n++)
                {
                    if (spikes[n] != 0)
                    {
                        mask |= 1 << n;
                    }
                }

                LinkBytes.WriteUInt16(output, outputOffset + produced, mask);
                produced += 2;
            }

            int[] membrane = _population.Membrane;
            for (int n = 0; n < Neurons; n++)
            {
                LinkBytes.WriteInt32(output, outputOffset + produced, membrane[n]);
                produced += 4;
            }

            return produced;
        }
    }
}
