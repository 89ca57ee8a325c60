using System;
using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// Runs a model's CNN graph: load -> plan -> invoke, as TFLite Micro does. At construction the
    /// tensors' lifetimes are planned into one arena (<see cref="GreedyMemoryPlanner"/>), the arena and
    /// the shared scratch are allocated once, and <see cref="Invoke"/> then allocates nothing.
    /// The front-end and spiking sections are executed by <see cref="ModelPipeline"/>, which feeds this runner.
    /// </summary>
    public sealed class ModelRunner
    {
        private readonly CnnLayer[] _layers;
        private readonly int[] _tensorOffsets;
        private readonly sbyte[] _arena;
        private readonly int[] _scratch;

        public ModelRunner(ModelDefinition model)
        {
            if (model == null)
            {
                throw new ArgumentNullException("model");
            }

            if (!model.HasCnn)
            {
                throw new InvalidOperationException("The model has no CNN graph section to run.");
            }

            Model = model;
            _layers = model.Layers;
            TensorInfo[] tensors = model.Tensors;
            int n = tensors.Length;
            var sizes = new int[n];
            var first = new int[n];
            var last = new int[n];
            for (int i = 0; i < n; i++)
            {
                first[i] = int.MaxValue;
                last[i] = -1;
            }

            // The graph input lives from before the first op; the output until after the last.
            MarkUse(model.GraphInput, -1, first, last);
            MarkUse(model.GraphOutput, _layers.Length, first, last);
            int scratchInts = 0;
            long parameterBytes = 0;
            long macs = 0;
            int weightsInPlace = 0;
            for (int i = 0; i < _layers.Length; i++)
            {
                CnnLayer layer = _layers[i];
                MarkUse(layer.Input, i, first, last);
                if (layer.Input2 >= 0)
                {
                    MarkUse(layer.Input2, i, first, last);
                }

                MarkUse(layer.Output, i, first, last);
                if (layer.ScratchInts > scratchInts)
                {
                    scratchInts = layer.ScratchInts;
                }

                parameterBytes += layer.ParameterBytes;
                macs += layer.Macs;
                weightsInPlace += layer.Weights.Length;
            }

            for (int i = 0; i < n; i++)
            {
                sizes[i] = last[i] >= 0 ? tensors[i].ByteCount : 0;
            }

            _tensorOffsets = new int[n];
            int arenaBytes = GreedyMemoryPlanner.Plan(sizes, first, last, _tensorOffsets);
            _arena = new sbyte[arenaBytes];
            _scratch = new int[scratchInts];
            ParameterBytes = parameterBytes;
            WeightBytesInPlace = weightsInPlace;
            MacsPerInference = macs;
            InputOffset = _tensorOffsets[model.GraphInput];
            OutputOffset = _tensorOffsets[model.GraphOutput];
            InputBytes = tensors[model.GraphInput].ByteCount;
            OutputBytes = tensors[model.GraphOutput].ByteCount;
        }

        /// <summary>Reads, validates and plans a model file in one step; a file without a CNN graph is a format error here.</summary>
        public static ModelRunner Load(byte[] file)
        {
            ModelDefinition model = ModelReader.Read(file);
            if (!model.HasCnn)
            {
                throw new ModelFormatException("section_table", ModelReader.HeaderSize, "the file has no CNN graph section (type 6) to run");
            }

            return new ModelRunner(model);
        }

        public ModelDefinition Model { get; private set; }

        /// <summary>Bytes of the activation arena (all tensors, placed by lifetime).</summary>
        public int ArenaBytes
        {
            get { return _arena.Length; }
        }

        /// <summary>Bytes of the int scratch shared by the ops (im2col of one output frame, dense input).</summary>
        public int ScratchBytes
        {
            get { return _scratch.Length * 4; }
        }

        /// <summary>Working memory of one inference: arena + scratch.</summary>
        public int WorkingBytes
        {
            get { return ArenaBytes + ScratchBytes; }
        }

        /// <summary>Weights, biases, requantization tables and softmax tables.</summary>
        public long ParameterBytes { get; private set; }

        /// <summary>Of <see cref="ParameterBytes"/>, the weights the layers use where they lie in the model file (no copy).</summary>
        public int WeightBytesInPlace { get; private set; }

        public long MacsPerInference { get; private set; }

        /// <summary>The arena itself: the input lives at InputOffset, the output at OutputOffset (valid after Invoke).</summary>
        public sbyte[] Arena
        {
            get { return _arena; }
        }

        public int InputOffset { get; private set; }
        public int InputBytes { get; private set; }
        public int OutputOffset { get; private set; }
        public int OutputBytes { get; private set; }

        /// <summary>Arena offset of a tensor (for tools and tests).</summary>
        public int TensorOffset(int tensor)
        {
            return _tensorOffsets[tensor];
        }

        /// <summary>Copies InputBytes values ([time][channel], int8 with the input tensor's quantization).</summary>
        public void SetInput(sbyte[] source, int offset)
        {
            Array.Copy(source, offset, _arena, InputOffset, InputBytes);
        }

        /// <summary>Runs every op in file order; no allocation.</summary>
        public void Invoke()
        {
            for (int i = 0; i < _layers.Length; i++)
            {
                CnnLayer layer = _layers[i];
                int input2 = layer.Input2 >= 0 ? _tensorOffsets[layer.Input2] : 0;
                layer.Run(_arena, _tensorOffsets[layer.Input], input2, _tensorOffsets[layer.Output], _scratch);
            }
        }

        /// <summary>Copies OutputBytes values of the output tensor.</summary>
        public void GetOutput(sbyte[] destination, int offset)
        {
            Array.Copy(_arena, OutputOffset, destination, offset, OutputBytes);
        }

        /// <summary>The decided class: argmax over the last output frame, ties to the lowest index.</summary>
        public int Decide()
        {
            int channels = Model.Tensors[Model.GraphOutput].Channels;
            return ArgMaxS8.Run(_arena, OutputOffset + OutputBytes - channels, channels);
        }

        private static void MarkUse(int tensor, int op, int[] first, int[] last)
        {
            if (op < first[tensor])
            {
                first[tensor] = op;
            }

            if (op > last[tensor])
            {
                last[tensor] = op;
            }
        }
    }
}
