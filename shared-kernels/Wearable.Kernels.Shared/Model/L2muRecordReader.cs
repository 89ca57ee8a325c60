namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Reads a spiking layer of kind 4 (L2MU cell) after its kind byte: a 16-byte header, four 12-byte
    /// population headers (u, m, h, out) and the weight blocks. Every field is range-checked against
    /// what <see cref="Wearable.Kernels.Spiking.L2muCellParameters"/> needs; violations are
    /// <see cref="ModelFormatException"/>s naming the field and its file offset.
    /// </summary>
    public static class L2muRecordReader
    {
        public const int HeaderBytes = 16;
        public const int PopulationHeaderBytes = 12;
        public const int MinBlocks = 9;
        public const int MaxBlocks = 12;

        /// <summary>Reads the rest of the record; <paramref name="at"/> is the file offset of the kind byte.</summary>
        public static void Read(ModelByteReader r, string p, int at, SpikingLayerRecord layer, int previousNeurons)
        {
            var l2mu = new L2muRecord();
            layer.L2mu = l2mu;
            r.Reserved(p + ".reserved", 1);
            layer.Inputs = r.U16In(p + ".inputs", 1, SpikingSectionReader.MaxNeurons);
            if (previousNeurons >= 0 && layer.Inputs != previousNeurons)
            {
                throw r.ErrorAt(p + ".inputs", at + 2, "layer takes " + layer.Inputs.ToString() + " inputs but the previous layer has " + previousNeurons.ToString() + " neurons");
            }

            l2mu.MemorySize = r.U16In(p + ".memory_size", 1, SpikingSectionReader.MaxNeurons);
            l2mu.Order = r.U16In(p + ".order", 1, 64);
            if (l2mu.MemorySize * l2mu.Order > SpikingSectionReader.MaxNeurons)
            {
                throw r.ErrorAt(p + ".order", at + 6, "memory_size x order = " + (l2mu.MemorySize * l2mu.Order).ToString() + " memory neurons, more than " + SpikingSectionReader.MaxNeurons.ToString());
            }

            l2mu.Hidden = r.U16In(p + ".hidden", 1, SpikingSectionReader.MaxNeurons);
            l2mu.Outputs = r.U16In(p + ".outputs", 1, SpikingSectionReader.MaxNeurons);
            l2mu.ThetaSteps = r.U16In(p + ".theta_steps", 1, 65535);
            int blockCount = r.U8In(p + ".block_count", MinBlocks, MaxBlocks);
            r.Reserved(p + ".reserved2", 1);
            layer.Neurons = l2mu.Outputs;
            layer.Order = l2mu.Order;
            layer.ThetaSteps = l2mu.ThetaSteps;
            for (int k = 0; k < 4; k++)
            {
                ReadPopulation(r, p + "." + L2muRecord.PopulationName(k), l2mu.Populations[k], k == L2muRecord.PopulationM);
            }

            L2muPopulationRecord u = l2mu.Populations[L2muRecord.PopulationU];
            layer.Reset = u.Reset;
            layer.StateFracBits = u.StateFracBits;
            layer.WeightFracBits = u.WeightFracBits;
            layer.DecayU = u.Decay;
            layer.Threshold = u.Threshold;
            layer.Blocks = new SpikingWeightBlock[blockCount];
            for (int b = 0; b < blockCount; b++)
            {
                layer.Blocks[b] = ReadBlock(r, p + ".block[" + b.ToString() + "]", layer, l2mu, b);
            }

            for (int id = SpikingLayerRecord.BlockAbar; id <= L2muRecord.BlockWo; id++)
            {
                if (layer.Find(id) == null)
                {
                    throw r.ErrorAt(p + ".blocks", at, "an L2MU cell needs blocks 2..10 (Abar, Bbar, Ex, Eh, Em, Wx, Wh, Wm, Wo); block " + id.ToString() + " is missing");
                }
            }
        }

        private static void ReadPopulation(ModelByteReader r, string p, L2muPopulationRecord pop, bool memory)
        {
            pop.Reset = r.U8In(p + ".reset", SpikingLayerRecord.ResetSubtract, SpikingLayerRecord.ResetZero);

            // The memory adds Abar/Bbar (Q2.14) unshifted, so its weights use Fw = 14 and its state F >= 14.
            pop.StateFracBits = r.U8In(p + ".state_frac_bits", memory ? 14 : 1, 24);
            int minFw = memory ? 14 : (pop.StateFracBits > 22 ? pop.StateFracBits - 22 : 0);
            int maxFw = memory ? 14 : pop.StateFracBits;
            pop.WeightFracBits = r.U8In(p + ".weight_frac_bits", minFw, maxFw);
            r.Reserved(p + ".reserved", 1);
            pop.Decay = r.U16In(p + ".decay", 0, 4096);
            r.Reserved(p + ".reserved2", 2);
            pop.Threshold = r.I32In(p + ".threshold", 1, int.MaxValue);
        }

        private static SpikingWeightBlock ReadBlock(ModelByteReader r, string p, SpikingLayerRecord layer, L2muRecord l2mu, int index)
        {
            int at = r.Position;
            var block = new SpikingWeightBlock();
            block.Id = r.U8In(p + ".id", SpikingLayerRecord.BlockAbar, L2muRecord.BlockBiasOut);
            for (int j = 0; j < index; j++)
            {
                if (layer.Blocks[j].Id == block.Id)
                {
                    throw r.ErrorAt(p + ".id", at, "block id " + block.Id.ToString() + " appears twice in this layer");
                }
            }

            int bitsAt = r.Position;
            block.ElementBits = r.U8(p + ".element_bits");
            block.Rows = r.U16In(p + ".rows", 1, SpikingSectionReader.MaxNeurons);
            block.Cols = r.U16In(p + ".cols", 1, SpikingSectionReader.MaxNeurons);
            r.Reserved(p + ".reserved", 2);
            int md = l2mu.MemorySize * l2mu.Order;
            int rows;
            int cols;
            int id = block.Id;
            bool isBias = id >= L2muRecord.BlockBiasU;
            bool isLmu = id == SpikingLayerRecord.BlockAbar || id == SpikingLayerRecord.BlockBbar;
            switch (id)
            {
                case SpikingLayerRecord.BlockAbar: rows = l2mu.Order; cols = l2mu.Order; break;
                case SpikingLayerRecord.BlockBbar: rows = 1; cols = l2mu.Order; break;
                case L2muRecord.BlockEx: rows = layer.Inputs; cols = l2mu.MemorySize; break;
                case L2muRecord.BlockEh: rows = l2mu.Hidden; cols = l2mu.MemorySize; break;
                case L2muRecord.BlockEm: rows = md; cols = l2mu.MemorySize; break;
                case L2muRecord.BlockWx: rows = layer.Inputs; cols = l2mu.Hidden; break;
                case L2muRecord.BlockWh: rows = l2mu.Hidden; cols = l2mu.Hidden; break;
                case L2muRecord.BlockWm: rows = md; cols = l2mu.Hidden; break;
                case L2muRecord.BlockWo: rows = l2mu.Hidden; cols = l2mu.Outputs; break;
                case L2muRecord.BlockBiasU: rows = 1; cols = l2mu.MemorySize; break;
                case L2muRecord.BlockBiasH: rows = 1; cols = l2mu.Hidden; break;
                default: rows = 1; cols = l2mu.Outputs; break;
            }

            bool bitsOk = isBias ? block.ElementBits == 32 : (isLmu ? block.ElementBits == 16 : block.ElementBits == 8 || block.ElementBits == 16);
            if (!bitsOk)
            {
                throw r.ErrorAt(p + ".element_bits", bitsAt, "element size " + block.ElementBits.ToString() + " bits is not allowed for L2MU block " + id.ToString()
                    + " (Abar/Bbar 16, weights 8 or 16, biases 32)");
            }

            if (block.Rows != rows || block.Cols != cols)
            {
                throw r.ErrorAt(p + ".rows", at + 2, "shape " + block.Rows.ToString() + "x" + block.Cols.ToString() + " but block " + id.ToString() + " needs " + rows.ToString() + "x" + cols.ToString());
            }

            SpikingSectionReader.ReadValues(r, p, block);

            return block;
        }
    }
}
