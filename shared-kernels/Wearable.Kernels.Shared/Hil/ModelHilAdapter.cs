using System;
using Wearable.Kernels.Model;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// "model.*": ModelRunner on one input window of a model file the adapter was built with (on the
    /// device: the model the board loaded). Input: exactly InputBytes int8 (the window, NWC). Output:
    /// the OutputBytes int8 of the output tensor, then the decided class as one byte.
    /// </summary>
    public sealed class ModelHilAdapter : HilAdapter
    {
        private readonly string _name;
        private readonly ModelRunner _runner;
        private readonly sbyte[] _window;
        private readonly sbyte[] _output;
        private readonly HilReader _reader = new HilReader();

        public ModelHilAdapter(string name, byte[] modelFile)
        {
            if (modelFile == null)
            {
                throw new ArgumentNullException("modelFile");
            }

            _name = name;
            _runner = ModelRunner.Load(modelFile);
            _window = new sbyte[_runner.InputBytes];
            _output = new sbyte[_runner.OutputBytes];
        }

        public override string Name { get { return _name; } }

        /// <summary>Bytes of one input window.</summary>
        public int InputBytes { get { return _runner.InputBytes; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            int produced = _output.Length + 1;
            _reader.Start(input, offset, length);
            if (length != _window.Length || produced > maxOutput || !_reader.SBytes(_window, 0, length))
            {
                return -1;
            }

            _runner.SetInput(_window, 0);
            _runner.Invoke();
            _runner.GetOutput(_output, 0);
            HilWriter.SBytes(_output, _output.Length, output, outputOffset);
            output[outputOffset + _output.Length] = (byte)_runner.Decide();
            return produced;
        }
    }
}
