using Wearable.Kernels.Link;
using Wearable.Kernels.Spiking;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// "snn.l2mu": one L2MU cell (8 input spikes, memory 2 x order 2, hidden 8, 4 outputs; LIF populations
    /// with decay 410 and threshold 1.0; theta 8) whose weights come from a fixed xorshift32 stream, so
    /// the device builds the identical cell with no host step. Input: S bytes (1..MaxSteps), bit i of
    /// byte s = input spike i at step s. Output: per step the hidden spike mask u8 and the output spike
    /// mask u8, then the 4 output spike counts as int32 and the decision (u8).
    /// </summary>
    public sealed class L2muHilAdapter : HilAdapter
    {
        public const string KernelName = "snn.l2mu";
        public const int Inputs = 8;
        public const int MemorySize = 2;
        public const int Order = 2;
        public const int Hidden = 8;
        public const int Outputs = 4;
        public const int MaxSteps = 480;

        /// <summary>LMU Abar (row-major) and Bbar for order 2, theta 8, zero-order hold, Q2.14 (checked against the host discretization in tests).</summary>
        public static readonly short[] AbarQ14 = new short[] { 14148, -1587, 4760, 10974 };
        public static readonly short[] BbarQ14 = new short[] { 2236, -4760 };

        private readonly L2muCell _cell;
        private readonly int[] _active = new int[Inputs];
        private uint _state;

        public L2muHilAdapter()
        {
            _state = 0x2545F491u;
            int memoryNeurons = MemorySize * Order;
            var p = new L2muCellParameters(
                Inputs, MemorySize, Order, Hidden, Outputs,
                Weights8(Inputs, MemorySize, 6),
                Weights8(Hidden, MemorySize, 6),
                Weights8(memoryNeurons, MemorySize, 6),
                AbarQ14, BbarQ14,
                Weights16(Inputs, Hidden, 10),
                Weights16(Hidden, Hidden, 10),
                Weights16(memoryNeurons, Hidden, 10),
                Weights8(Hidden, Outputs, 6),
                Lif(MemorySize, 6), Lif(memoryNeurons, L2muCellParameters.LmuFractionBits), Lif(Hidden, 10), Lif(Outputs, 6));
            _cell = new L2muCell(p);
        }

        public override string Name { get { return KernelName; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            int produced = (2 * length) + (4 * Outputs) + 1;
            if (length < 1 || length > MaxSteps || produced > maxOutput || input == null || offset < 0 || offset + length > input.Length)
            {
                return -1;
            }

            _cell.Reset();
            int at = outputOffset;
            for (int s = 0; s < length; s++)
            {
                int bits = input[offset + s];
                int count = 0;
                for (int i = 0; i < Inputs; i++)
                {
                    if ((bits & (1 << i)) != 0)
                    {
                        _active[count++] = i;
                    }
                }

                _cell.Step(_active, count);
                output[at++] = (byte)Mask(_cell.Hidden.Spikes, Hidden);
                output[at++] = (byte)Mask(_cell.Output.Spikes, Outputs);
            }

            int[] counts = _cell.SpikeCounts;
            for (int o = 0; o < Outputs; o++)
            {
                LinkBytes.WriteInt32(output, at, counts[o]);
                at += 4;
            }

            output[at] = (byte)_cell.Decision();
            return produced;
        }

        private static int Mask(byte[] spikes, int count)
        {
            int mask = 0;
            for (int i = 0; i < count; i++)
            {
                if (spikes[i] != 0)
                {
                    mask |= 1 << i;
                }
            }

            return mask;
        }

        private uint Next()
        {
            uint x = _state;
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            _state = x;
            return x;
        }

        private FanOutWeights Weights8(int inputs, int outputs, int fractionBits)
        {
            var w = new sbyte[inputs * outputs];
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (sbyte)((int)(Next() % 127u) - 50);
            }

            return new FanOutWeights(inputs, outputs, w, fractionBits);
        }

        private FanOutWeights Weights16(int inputs, int outputs, int fractionBits)
        {
            var w = new short[inputs * outputs];
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (short)((int)(Next() % 2401u) - 1000);
            }

            return new FanOutWeights(inputs, outputs, w, fractionBits);
        }

        private static PopulationParameters Lif(int neurons, int weightFractionBits)
        {
            return new LifParameters(neurons, weightFractionBits, 410, 1 << PopulationParameters.DefaultFractionBits);
        }
    }
}
