using Wearable.Kernels.Link;

namespace Wearable.Kernels.Hil
{
    /// <summary>
    /// Little-endian cursor over a HIL input. Reading past the end does not throw: it sets
    /// <see cref="Overrun"/> (also set for inputs longer than <see cref="HilAdapter.MaxInput"/>) so the adapter can answer -1 (bad input) after decoding its header.
    /// </summary>
    public sealed class HilReader
    {
        private byte[] _buffer = new byte[0];
        private int _position;
        private int _end;
        private bool _overrun;

        public int Remaining { get { return _end - _position; } }

        public bool Overrun { get { return _overrun; } }

        public void Start(byte[] buffer, int offset, int length)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + length;
            _overrun = buffer == null || offset < 0 || length < 0 || length > HilAdapter.MaxInput || offset + length > buffer.Length;
            if (_overrun)
            {
                _end = _position;
            }
        }

        private bool Take(int count)
        {
            if (_overrun || _end - _position < count)
            {
                _overrun = true;
                return false;
            }

            return true;
        }

        public int Int32()
        {
            if (!Take(4))
            {
                return 0;
            }

            int v = LinkBytes.ReadInt32(_buffer, _position);
            _position += 4;
            return v;
        }

        public short Int16()
        {
            if (!Take(2))
            {
                return 0;
            }

            short v = LinkBytes.ReadInt16(_buffer, _position);
            _position += 2;
            return v;
        }

        public int SByte()
        {
            if (!Take(1))
            {
                return 0;
            }

            return (sbyte)_buffer[_position++];
        }

        public int Byte()
        {
            if (!Take(1))
            {
                return 0;
            }

            return _buffer[_position++];
        }

        /// <summary>Copies <paramref name="count"/> int8 values into <paramref name="destination"/>.</summary>
        public bool SBytes(sbyte[] destination, int destinationOffset, int count)
        {
            if (count < 0 || destinationOffset + count > destination.Length || !Take(count))
            {
                _overrun = true;
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = (sbyte)_buffer[_position + i];
            }

            _position += count;
            return true;
        }
    }
}
