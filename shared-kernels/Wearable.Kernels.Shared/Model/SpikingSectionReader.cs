namespace Wearable.Kernels.Model
{
    /// <summary>Reads the spiking section (type 3): a chain of LIF / CuBa-LIF / L2MU (kind 3 provisional, kind 4 cell) layers and their weight blocks.</summary>
    public static class SpikingSectionReader
    {
        public const int MaxLayers = 32;
        public const int MaxNeurons = 4096;
        public const int MaxBlocks = 16;

        public static SpikingLayerRecord[] Read(ModelByteReader r)
        {
            int count = r.U16In("spiking.layer_count", 1, MaxLayers);
            r.Reserved("spiking.reserved", 2);
            var layers = new SpikingLayerRecord[count];
            for (int i = 0; i < count; i++)
            {
                string p = "spiking.layer[" + i.ToString() + "]";
                int at = r.Position;
                var layer = new SpikingLayerRecord();
                layer.Kind = r.U8In(p + ".kind", SpikingLayerRecord.KindLif, SpikingLayerRecord.KindL2muCell);
                if (layer.Kind == SpikingLayerRecord.KindL2muCell)
                {
                    L2muRecordReader.Read(r, p, at, layer, i > 0 ? layers[i - 1].Neurons : -1);
                    layers[i] = layer;
                    continue;
                }

                layer.Reset = r.U8In(p + ".reset", SpikingLayerRecord.ResetSubtract, SpikingLayerRecord.ResetZero);
                layer.StateFracBits = r.U8In(p + ".state_frac_bits", 1, 24);
                // F - Fw <= 22 keeps the aligned synaptic sum below 2^62 (the Spiking kernels' MaxAlignShift).
                layer.WeightFracBits = r.U8In(p + ".weight_frac_bits", layer.StateFracBits > 22 ? layer.StateFracBits - 22 : 0, layer.StateFracBits);
                layer.Inputs = r.U16In(p + ".inputs", 1, MaxNeurons);
                if (i > 0 && layer.Inputs != layers[i - 1].Neurons)
                {
                    throw r.ErrorAt(p + ".inputs", at + 4, "layer takes " + layer.Inputs.ToString() + " inputs but the previous layer has " + layers[i - 1].Neurons.ToString() + " neurons");
                }

                layer.Neurons = r.U16In(p + ".neurons", 1, MaxNeurons);
                layer.DecayU = r.U16In(p + ".decay_u", 0, 4096);
                layer.DecayI = r.U16In(p + ".decay_i", 0, layer.Kind == SpikingLayerRecord.KindLif ? 0 : 4096);
                layer.Threshold = r.I32In(p + ".threshold", 1, int.MaxValue);
                bool l2mu = layer.Kind == SpikingLayerRecord.KindL2mu;
                layer.Order = r.U16In(p + ".order", l2mu ? 1 : 0, l2mu ? 64 : 0);
                layer.ThetaSteps = r.U16In(p + ".theta_steps", l2mu ? 1 : 0, l2mu ? 65535 : 0);
                int blockCount = r.U8In(p + ".block_count", 1, MaxBlocks);
                r.Reserved(p + ".reserved", 3);
                layer.Blocks = new SpikingWeightBlock[blockCount];
                for (int b = 0; b < blockCount; b++)
                {
                    layer.Blocks[b] = ReadBlock(r, p + ".block[" + b.ToString() + "]", layer, b);
                }

                RequireBlocks(r, p, at, layer);
                layers[i] = layer;
            }

            ModelReader.End(r, "spiking");
            return layers;
        }

        private static SpikingWeightBlock ReadBlock(ModelByteReader r, string p, SpikingLayerRecord layer, int index)
        {
            int at = r.Position;
            var block = new SpikingWeightBlock();
            block.Id = r.U8In(p + ".id", 0, 15);
            for (int j = 0; j < index; j++)
            {
                if (layer.Blocks[j].Id == block.Id)
                {
                    throw r.ErrorAt(p + ".id", at, "block id " + block.Id.ToString() + " appears twice in this layer");
                }
            }

            int bitsAt = r.Position;
            block.ElementBits = r.U8(p + ".element_bits");
            if (block.ElementBits != 8 && block.ElementBits != 16 && block.ElementBits != 32)
            {
                throw r.ErrorAt(p + ".element_bits", bitsAt, "element size must be 8, 16 or 32 bits");
            }

            block.Rows = r.U16In(p + ".rows", 1, MaxNeurons);
            block.Cols = r.U16In(p + ".cols", 1, MaxNeurons);
            r.Reserved(p + ".reserved", 2);
            int expectRows = -1;
            int expectCols = -1;
            int[] allowedBits = new int[0];
            bool l2mu = layer.Kind == SpikingLayerRecord.KindL2mu;
            if (block.Id == SpikingLayerRecord.BlockWeights)
            {
                expectRows = layer.Inputs;
                expectCols = layer.Neurons;
                allowedBits = new int[] { 8, 16 };
            }
            else if (block.Id == SpikingLayerRecord.BlockBias)
            {
                expectRows = 1;
                expectCols = layer.Neurons;
                allowedBits = new int[] { 32 };
            }
            else if (l2mu && block.Id == SpikingLayerRecord.BlockAbar)
            {
                expectRows = layer.Order;
                expectCols = layer.Order;
                allowedBits = new int[] { 16 };
            }
            else if (l2mu && block.Id == SpikingLayerRecord.BlockBbar)
            {
                expectRows = 1;
                expectCols = layer.Order;
                allowedBits = new int[] { 16 };
            }
            else if (!l2mu && (block.Id == SpikingLayerRecord.BlockThresholds || block.Id == SpikingLayerRecord.BlockDecayU
                || (block.Id == SpikingLayerRecord.BlockDecayI && layer.Kind == SpikingLayerRecord.KindCubaLif)))
            {
                expectRows = 1;
                expectCols = layer.Neurons;
                allowedBits = new int[] { block.Id == SpikingLayerRecord.BlockThresholds ? 32 : 16 };
            }
            else if (!l2mu)
            {
                throw r.ErrorAt(p + ".id", at, "block id " + block.Id.ToString() + " is not used by " + SpikingLayerRecord.KindName(layer.Kind) + " layers (0 weights, 1 bias, 5 thresholds, 6 decay_u, 7 decay_i for CuBa-LIF)");
            }

            if (expectRows >= 0 && (block.Rows != expectRows || block.Cols != expectCols))
            {
                throw r.ErrorAt(p + ".rows", at + 2, "shape " + block.Rows.ToString() + "x" + block.Cols.ToString() + " but the layer needs " + expectRows.ToString() + "x" + expectCols.ToString());
            }

            if (expectRows >= 0)
            {
                bool ok = false;
                for (int k = 0; k < allowedBits.Length; k++)
                {
                    ok |= allowedBits[k] == block.ElementBits;
                }

                if (!ok)
                {
                    throw r.ErrorAt(p + ".element_bits", bitsAt, "element size " + block.ElementBits.ToString() + " bits is not allowed for block " + block.Id.ToString());
                }
            }

            ReadValues(r, p, block);

            if (!l2mu)
            {
                CheckPerNeuronValues(r, p, at + 8, block);
            }

            return block;
        }

        /// <summary>Reads a block's rows x cols values at its element width (8, 16 or 32 bits, checked before).</summary>
        internal static void ReadValues(ModelByteReader r, string p, SpikingWeightBlock block)
        {
            int elements = block.Rows * block.Cols;
            if (block.ElementBits == 8)
            {
                block.Values8 = r.Int8Array(p + ".values", elements);
            }
            else if (block.ElementBits == 16)
            {
                block.Values16 = r.Int16Array(p + ".values", elements);
            }
            else
            {
                block.Values32 = r.Int32Array(p + ".values", elements);
            }
        }

        private static void CheckPerNeuronValues(ModelByteReader r, string p, int valuesAt, SpikingWeightBlock block)
        {
            for (int i = 0; i < block.Cols; i++)
            {
                bool bad = block.Id == SpikingLayerRecord.BlockThresholds
                    ? block.Values32[i] < 1
                    : (block.Id == SpikingLayerRecord.BlockDecayU || block.Id == SpikingLayerRecord.BlockDecayI) && (block.Values16[i] < 0 || block.Values16[i] > 4096);
                if (bad)
                {
                    throw r.ErrorAt(p + ".values[" + i.ToString() + "]", valuesAt + i * (block.ElementBits / 8), block.Id == SpikingLayerRecord.BlockThresholds ? "thresholds must be >= 1" : "decays must be in [0, 4096]");
                }
            }
        }

        private static void RequireBlocks(ModelByteReader r, string p, int at, SpikingLayerRecord layer)
        {
            if (layer.Kind == SpikingLayerRecord.KindL2mu)
            {
                if (layer.Find(SpikingLayerRecord.BlockAbar) == null || layer.Find(SpikingLayerRecord.BlockBbar) == null)
                {
                    throw r.ErrorAt(p + ".blocks", at, "an L2MU layer needs its Abar (id 2) and Bbar (id 3) blocks");
                }
            }
            else if (layer.Find(SpikingLayerRecord.BlockWeights) == null)
            {
                throw r.ErrorAt(p + ".blocks", at, "a LIF / CuBa-LIF layer needs its weight block (id 0)");
            }
        }
    }
}
