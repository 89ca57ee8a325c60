namespace Wearable.Kernels.Model
{
    /// <summary>
    /// One spiking layer as data (KERNEL-SPEC sections 2-3): neuron kind, fixed-point formats, decays,
    /// threshold and its weight blocks. For kind 4 the generic fields mirror the u population and
    /// Neurons is the output count; <see cref="L2mu"/> holds the rest.
    /// </summary>
    public sealed class SpikingLayerRecord
    {
        public const int KindLif = 1;
        public const int KindCubaLif = 2;
        /// <summary>Kind 3: the provisional L2MU record of one parameter set (read, not executed).</summary>
        public const int KindL2mu = 3;

        /// <summary>Kind 4: an L2MU cell with four population sub-headers (<see cref="L2muRecord"/>), executed by SpikingStack.</summary>
        public const int KindL2muCell = 4;

        public const int ResetSubtract = 0;
        public const int ResetZero = 1;

        /// <summary>Block ids: 0 = W [inputs][neurons] (fan-out of one input contiguous), 1 = bias [1][neurons] int32.</summary>
        public const int BlockWeights = 0;
        public const int BlockBias = 1;

        /// <summary>LIF / CuBa-LIF per-neuron overrides (e.g. learned beta and threshold per neuron): thresholds int32, decays int16 in [0, 4096].</summary>
        public const int BlockThresholds = 5;
        public const int BlockDecayU = 6;
        public const int BlockDecayI = 7;

        /// <summary>L2MU blocks: Abar [order][order] and Bbar [1][order] in Q2.14; ids 4..15 hold the encoder and hidden matrices.</summary>
        public const int BlockAbar = 2;
        public const int BlockBbar = 3;

        public int Kind;
        public int Reset;
        public int StateFracBits;
        public int WeightFracBits;
        public int Inputs;
        public int Neurons;

        /// <summary>D = round((1 - beta) * 4096) for the membrane (U) and the synaptic current (I).</summary>
        public int DecayU;
        public int DecayI;

        /// <summary>round(theta * 2^F).</summary>
        public int Threshold;

        /// <summary>L2MU memory order d and window theta in steps (0 for LIF / CuBa-LIF).</summary>
        public int Order;
        public int ThetaSteps;
        public SpikingWeightBlock[] Blocks = new SpikingWeightBlock[0];

        /// <summary>Kind 4 only: the L2MU sizes and populations (null otherwise).</summary>
        public L2muRecord? L2mu;

        /// <summary>The block with this id, or null.</summary>
        public SpikingWeightBlock? Find(int id)
        {
            for (int i = 0; i < Blocks.Length; i++)
            {
                if (Blocks[i].Id == id)
                {
                    return Blocks[i];
                }
            }

            return null;
        }

        public static string KindName(int kind)
        {
            switch (kind)
            {
                case KindLif: return "lif";
                case KindCubaLif: return "cuba-lif";
                case KindL2mu: return "l2mu";
                case KindL2muCell: return "l2mu-cell";
                default: return "unknown";
            }
        }
    }

    /// <summary>A rows x cols matrix of 8-, 16- or 32-bit integers, row-major (one of the typed arrays is used).</summary>
    public sealed class SpikingWeightBlock
    {
        public int Id;
        public int ElementBits;
        public int Rows;
        public int Cols;
        public sbyte[] Values8 = new sbyte[0];
        public short[] Values16 = new short[0];
        public int[] Values32 = new int[0];

        public int ByteCount
        {
            get { return Rows * Cols * (ElementBits / 8); }
        }
    }
}
