using Wearable.Kernels.Spiking;

namespace Wearable.Kernels.Model
{
    /// <summary>One population of an L2MU layer record (kind 4): reset, fixed-point formats, decay and threshold.</summary>
    public sealed class L2muPopulationRecord
    {
        public int Reset;
        public int StateFracBits;
        public int WeightFracBits;

        /// <summary>D = round((1 - beta) * 4096).</summary>
        public int Decay;

        /// <summary>round(theta * 2^F).</summary>
        public int Threshold;
    }

    /// <summary>
    /// The L2MU part of a spiking layer of kind 4 (KERNEL-SPEC 3): sizes, the window theta the LMU
    /// matrices were discretized for, and the four LIF populations u, m, h, out. The matrices are the
    /// layer's weight blocks (ids below). The reader has checked every precondition of
    /// <see cref="L2muCellParameters"/>, so <see cref="CreateParameters"/> cannot fail on a loaded file.
    /// </summary>
    public sealed class L2muRecord
    {
        public const int PopulationU = 0;
        public const int PopulationM = 1;
        public const int PopulationH = 2;
        public const int PopulationOut = 3;

        /// <summary>Block ids of a kind-4 layer (2 = Abar and 3 = Bbar as for kind 3).</summary>
        public const int BlockEx = 4;
        public const int BlockEh = 5;
        public const int BlockEm = 6;
        public const int BlockWx = 7;
        public const int BlockWh = 8;
        public const int BlockWm = 9;
        public const int BlockWo = 10;
        public const int BlockBiasU = 11;
        public const int BlockBiasH = 12;
        public const int BlockBiasOut = 13;

        public int MemorySize;
        public int Order;
        public int Hidden;
        public int Outputs;
        public int ThetaSteps;
        public L2muPopulationRecord[] Populations = NewPopulations();

        public static L2muPopulationRecord[] NewPopulations()
        {
            var p = new L2muPopulationRecord[4];
            for (int i = 0; i < p.Length; i++)
            {
                p[i] = new L2muPopulationRecord();
            }

            return p;
        }

        public static string PopulationName(int index)
        {
            switch (index)
            {
                case PopulationU: return "u";
                case PopulationM: return "m";
                case PopulationH: return "h";
                default: return "out";
            }
        }

        /// <summary>The kernels' parameters for this layer (allocates; call once when building a runtime).</summary>
        public L2muCellParameters CreateParameters(SpikingLayerRecord layer)
        {
            int inputs = layer.Inputs;
            int md = MemorySize * Order;
            return new L2muCellParameters(inputs, MemorySize, Order, Hidden, Outputs,
                Weights(layer, BlockEx, inputs, MemorySize, PopulationU),
                Weights(layer, BlockEh, Hidden, MemorySize, PopulationU),
                Weights(layer, BlockEm, md, MemorySize, PopulationU),
                layer.Find(SpikingLayerRecord.BlockAbar)!.Values16,
                layer.Find(SpikingLayerRecord.BlockBbar)!.Values16,
                Weights(layer, BlockWx, inputs, Hidden, PopulationH),
                Weights(layer, BlockWh, Hidden, Hidden, PopulationH),
                Weights(layer, BlockWm, md, Hidden, PopulationH),
                Weights(layer, BlockWo, Hidden, Outputs, PopulationOut),
                Population(layer, PopulationU, MemorySize, BlockBiasU),
                Population(layer, PopulationM, md, -1),
                Population(layer, PopulationH, Hidden, BlockBiasH),
                Population(layer, PopulationOut, Outputs, BlockBiasOut));
        }

        private FanOutWeights Weights(SpikingLayerRecord layer, int id, int inputs, int outputs, int target)
        {
            SpikingWeightBlock b = layer.Find(id)!;
            int fw = Populations[target].WeightFracBits;
            return b.ElementBits == 8 ? new FanOutWeights(inputs, outputs, b.Values8, fw) : new FanOutWeights(inputs, outputs, b.Values16, fw);
        }

        private PopulationParameters Population(SpikingLayerRecord layer, int index, int neurons, int biasId)
        {
            L2muPopulationRecord p = Populations[index];
            SpikingWeightBlock? bias = biasId < 0 ? null : layer.Find(biasId);
            ResetMode reset = p.Reset == SpikingLayerRecord.ResetZero ? ResetMode.Zero : ResetMode.Subtract;
            return new LifParameters(neurons, p.StateFracBits, p.WeightFracBits, new int[] { p.Decay }, new int[] { p.Threshold }, reset,
                bias == null ? null : bias.Values32);
        }
    }
}
