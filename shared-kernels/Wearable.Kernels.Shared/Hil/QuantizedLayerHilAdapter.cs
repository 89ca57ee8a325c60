namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// The byte contract every requantizing layer shares (conv, depthwise, pointwise, dense, streaming
    /// conv): quant block (output channels), weights, then 1..MaxFrames frames of input int8. This class
    /// reads and checks that layout once for all of them and writes the produced int8 back; a subclass
    /// only says how many output frames a run makes and runs its kernel on <see cref="Input"/>.
    /// </summary>
    public abstract class QuantizedLayerHilAdapter : HilAdapter
    {
        private readonly string _name;
        private readonly int _inputChannels;
        private readonly int _outputChannels;
        private readonly int _maxFrames;
        private readonly HilReader _reader = new HilReader();

        /// <param name="maxFrames">Input frames a run may carry (1 for a layer that takes one vector).</param>
        protected QuantizedLayerHilAdapter(string name, int inputChannels, int outputChannels, int weightCount, int maxFrames)
        {
            _name = name;
            _inputChannels = inputChannels;
            _outputChannels = outputChannels;
            _maxFrames = maxFrames;
            Quant = new CnnQuantBlock(outputChannels);
            Weights = new sbyte[weightCount];
            Input = new sbyte[maxFrames * inputChannels];
            Output = new sbyte[maxFrames * outputChannels];
        }

        public override string Name { get { return _name; } }

        /// <summary>Offsets, activation range, per-channel requantization and bias of the current run.</summary>
        protected CnnQuantBlock Quant { get; private set; }

        protected sbyte[] Weights { get; private set; }

        /// <summary>The run's input frames, frame-major.</summary>
        protected sbyte[] Input { get; private set; }

        /// <summary>Where <see cref="RunKernel"/> leaves its output, frame-major.</summary>
        protected sbyte[] Output { get; private set; }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            int frames = Quant.ReadLayer(_reader, Weights, _inputChannels, _maxFrames);
            if (frames < 0)
            {
                return -1;
            }

            int outFrames = OutputFrames(frames);
            if (outFrames < 1 || outFrames * _outputChannels > maxOutput)
            {
                return -1;
            }

            _reader.SBytes(Input, 0, frames * _inputChannels);
            int produced = RunKernel(frames) * _outputChannels;
            HilWriter.SBytes(Output, produced, output, outputOffset);
            return produced;
        }

        /// <summary>Output frames the layer makes from <paramref name="frames"/> input frames (at most, for a streaming layer).</summary>
        protected abstract int OutputFrames(int frames);

        /// <summary>Runs the kernel over <see cref="Input"/> into <see cref="Output"/>; returns the output frames made.</summary>
        protected abstract int RunKernel(int frames);
    }
}
