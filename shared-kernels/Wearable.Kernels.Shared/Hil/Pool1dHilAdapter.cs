using Wearable.Kernels.Cnn;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// MaxPool1dS8 or AvgPool1dS8 with a fixed window. Input: activation min i8, max i8, then T frames of
    /// Channels int8. Output: OutputLength(T) * Channels int8.
    /// </summary>
    public sealed class Pool1dHilAdapter : HilAdapter
    {
        public const int MaxFrames = 128;

        private readonly string _name;
        private readonly bool _average;
        private readonly Pool1dParams _p;
        private readonly HilReader _reader = new HilReader();
        private readonly sbyte[] _input;
        private readonly sbyte[] _output;

        public Pool1dHilAdapter(string name, bool average, int poolSize, int stride, int channels, Padding1d padding)
        {
            _name = name;
            _average = average;
            _p = new Pool1dParams();
            _p.PoolSize = poolSize;
            _p.Stride = stride;
            _p.Channels = channels;
            _p.Padding = padding;
            _input = new sbyte[MaxFrames * channels];
            _output = new sbyte[MaxFrames * channels];
        }

        public override string Name { get { return _name; } }

        public override int Run(byte[] input, int offset, int length, byte[] output, int outputOffset, int maxOutput)
        {
            _reader.Start(input, offset, length);
            int min = _reader.SByte();
            int max = _reader.SByte();
            int channels = _p.Channels;
            int frames = _reader.Remaining / channels; // safe division: Remaining is a byte count >= 0
            if (_reader.Overrun || min > max || frames < 1 || frames > MaxFrames || _reader.Remaining % channels != 0) // safe division: Remaining is a byte count >= 0
            {
                return -1;
            }

            int outFrames = _average ? AvgPool1dS8.OutputLength(_p, frames) : MaxPool1dS8.OutputLength(_p, frames);
            int produced = outFrames * channels;
            if (outFrames < 1 || produced > maxOutput)
            {
                return -1;
            }

            _reader.SBytes(_input, 0, frames * channels);
            _p.ActivationMin = min;
            _p.ActivationMax = max;
            if (_average)
            {
                AvgPool1dS8.Run(_p, _input, 0, frames, _output, 0);
            }
            else
            {
                MaxPool1dS8.Run(_p, _input, 0, frames, _output, 0);
            }

            HilWriter.SBytes(_output, produced, output, outputOffset);
            return produced;
        }
    }
}
