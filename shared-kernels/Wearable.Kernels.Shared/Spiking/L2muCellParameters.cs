using System;

namespace Wearable.Kernels.Spiking
{
    /// <summary>
    /// Everything an L2MU cell needs: sizes, the learned matrices (fan-out contiguous), the LMU
    /// Abar/Bbar in Q2.14 (from Wearable.Modeling.LmuDiscretization) and the four populations u, m, h, out.
    /// Every matrix feeding a population must use that population's Fw; the memory population's Fw
    /// must be 14 so that Abar/Bbar (Q2.14) add without shifts.
    /// </summary>
    public sealed class L2muCellParameters
    {
        /// <summary>Fraction bits of Abar and Bbar (Q2.14).</summary>
        public const int LmuFractionBits = 14;

        public L2muCellParameters(int inputCount, int memorySize, int order, int hiddenSize, int outputCount,
            FanOutWeights ex, FanOutWeights eh, FanOutWeights em,
            short[] abarQ14, short[] bbarQ14,
            FanOutWeights wx, FanOutWeights wh, FanOutWeights wm, FanOutWeights wo,
            PopulationParameters u, PopulationParameters m, PopulationParameters h, PopulationParameters output)
        {
            if (abarQ14 == null || bbarQ14 == null || u == null || m == null || h == null || output == null)
            {
                throw new ArgumentNullException("abarQ14", "Abar, Bbar and all four populations are required.");
            }

            if (inputCount < 1 || memorySize < 1 || order < 1 || hiddenSize < 1 || outputCount < 1)
            {
                throw new ArgumentOutOfRangeException("inputCount", "All L2MU sizes must be at least 1.");
            }

            int memoryNeurons = memorySize * order;
            if (u.NeuronCount != memorySize || m.NeuronCount != memoryNeurons || h.NeuronCount != hiddenSize || output.NeuronCount != outputCount)
            {
                throw new ArgumentException("Population sizes must be u = memorySize, m = memorySize x order, h = hiddenSize, out = outputCount.", "u");
            }

            if (abarQ14.Length != order * order || bbarQ14.Length != order)
            {
                throw new ArgumentException("Abar needs order x order values (row-major Abar[k][j]) and Bbar order values.", "abarQ14");
            }

            if (m.WeightFractionBits != LmuFractionBits)
            {
                throw new ArgumentException("The memory population must use Fw = 14 to match Abar/Bbar in Q2.14; got " + m.WeightFractionBits.ToString() + ".", "m");
            }

            CheckLink(ex, inputCount, u, "ex");
            CheckLink(eh, hiddenSize, u, "eh");
            CheckLink(em, memoryNeurons, u, "em");
            CheckLink(wx, inputCount, h, "wx");
            CheckLink(wh, hiddenSize, h, "wh");
            CheckLink(wm, memoryNeurons, h, "wm");
            CheckLink(wo, hiddenSize, output, "wo");

            InputCount = inputCount;
            MemorySize = memorySize;
            Order = order;
            HiddenSize = hiddenSize;
            OutputCount = outputCount;
            Ex = ex;
            Eh = eh;
            Em = em;
            AbarQ14 = abarQ14;
            BbarQ14 = bbarQ14;
            Wx = wx;
            Wh = wh;
            Wm = wm;
            Wo = wo;
            U = u;
            M = m;
            H = h;
            Output = output;
        }

        public int InputCount { get; private set; }

        public int MemorySize { get; private set; }

        public int Order { get; private set; }

        public int HiddenSize { get; private set; }

        public int OutputCount { get; private set; }

        public FanOutWeights Ex { get; private set; }

        public FanOutWeights Eh { get; private set; }

        public FanOutWeights Em { get; private set; }

        /// <summary>Abar[k][j] row-major, Q2.14 (k = output memory coefficient, j = input).</summary>
        public short[] AbarQ14 { get; private set; }

        public short[] BbarQ14 { get; private set; }

        public FanOutWeights Wx { get; private set; }

        public FanOutWeights Wh { get; private set; }

        public FanOutWeights Wm { get; private set; }

        public FanOutWeights Wo { get; private set; }

        public PopulationParameters U { get; private set; }

        public PopulationParameters M { get; private set; }

        public PopulationParameters H { get; private set; }

        public PopulationParameters Output { get; private set; }

        /// <summary>Checks that weights connect `inputs` presynaptic neurons to `target` in its Fw.</summary>
        internal static void CheckLink(FanOutWeights weights, int inputs, PopulationParameters target, string name)
        {
            if (weights == null)
            {
                throw new ArgumentNullException(name);
            }

            if (weights.InputCount != inputs || weights.OutputCount != target.NeuronCount)
            {
                throw new ArgumentException(name + " must be " + inputs.ToString() + " x " + target.NeuronCount.ToString() + "; got "
                    + weights.InputCount.ToString() + " x " + weights.OutputCount.ToString() + ".", name);
            }

            if (weights.FractionBits != target.WeightFractionBits)
            {
                throw new ArgumentException(name + " has Fw = " + weights.FractionBits.ToString() + " but its target population uses Fw = "
                    + target.WeightFractionBits.ToString() + ".", name);
            }
        }
    }
}
