using System;

namespace Wearable.Kernels.Cnn
{
    /// <summary>
    /// A causal <see cref="Conv1dS8"/> fed one input frame at a time. State = the last
    /// (k - 1) * dilation + 1 input frames in a ring buffer; taps before the first frame are skipped
    /// exactly as the batch conv skips causal padding, so the outputs equal the batch conv's bit for bit.
    /// Buffers are allocated once here; <see cref="Push"/> allocates nothing.
    /// </summary>
    public sealed class StreamingCausalConv1dS8
    {
        private readonly Conv1dParams _p;
        private readonly ChannelQuantization _quant;
        private readonly sbyte[] _weights;
        private readonly int _weightsOffset;
        private readonly int[] _bias;
        private readonly int _biasOffset;
        private readonly sbyte[] _ring;
        private readonly int[] _scratch;
        private readonly int _span;
        private int _head;
        private int _framesSeen;
        private int _phase;

        public StreamingCausalConv1dS8(Conv1dParams p, ChannelQuantization quant, sbyte[] weights, int weightsOffset, int[] bias, int biasOffset)
        {
            if (p == null || quant == null || weights == null)
            {
                throw new System.ArgumentNullException("p");
            }

            if (p.Padding != Padding1d.Causal)
            {
                throw new System.ArgumentException("a streaming conv must use causal padding");
            }

            _p = p;
            _quant = quant;
            _weights = weights;
            _weightsOffset = weightsOffset;
            _bias = bias;
            _biasOffset = biasOffset;
            _span = ConvGeometry.Span(p.KernelSize, p.Dilation);
            _ring = new sbyte[_span * p.InputChannels];
            _scratch = new int[Conv1dS8.GetBufferSize(p)];
        }

        /// <summary>Bytes of state (the ring buffer) plus scratch, for memory reports.</summary>
        public int StateBytes
        {
            get { return _ring.Length + _scratch.Length * 4; }
        }

        /// <summary>Forgets all frames, as at the start of a new sequence.</summary>
        public void Reset()
        {
            Array.Clear(_ring, 0, _ring.Length);
            _head = 0;
            _framesSeen = 0;
            _phase = 0;
        }

        /// <summary>
        /// Takes one frame of InputChannels values; when this frame completes an output (every
        /// Stride-th frame, starting with the first) writes OutputChannels values and returns true.
        /// </summary>
        public bool Push(sbyte[] frame, int frameOffset, sbyte[] output, int outputOffset)
        {
            int cin = _p.InputChannels;
            Array.Copy(frame, frameOffset, _ring, _head * cin, cin);
            int newest = _head;
            _head++;
            if (_head == _span)
            {
                _head = 0;
            }

            if (_framesSeen < _span)
            {
                _framesSeen++;
            }

            bool emit = _phase == 0;
            _phase++;
            if (_phase == _p.Stride)
            {
                _phase = 0;
            }

            if (!emit)
            {
                return false;
            }

            // Tap k sees the frame (k - 1 - tap) * dilation frames back; the oldest taps may predate
            // the first frame and are skipped.
            int k = _p.KernelSize;
            int dil = _p.Dilation;
            int kLo = 0;
            while (kLo < k && (k - 1 - kLo) * dil >= _framesSeen)
            {
                kLo++;
            }

            int n = 0;
            int inOff = _p.InputOffset;
            for (int tap = kLo; tap < k; tap++)
            {
                int slot = newest - (k - 1 - tap) * dil;
                if (slot < 0)
                {
                    slot += _span;
                }

                int src = slot * cin;
                for (int c = 0; c < cin; c++)
                {
                    _scratch[n++] = _ring[src + c] + inOff;
                }
            }

            MatVecS8.Run(
                _scratch, n,
                _weights, _weightsOffset + kLo * cin, k * cin, _p.OutputChannels,
                _bias, _biasOffset,
                _quant, 0,
                _p.OutputOffset, _p.ActivationMin, _p.ActivationMax,
                output, outputOffset);
            return true;
        }
    }
}
