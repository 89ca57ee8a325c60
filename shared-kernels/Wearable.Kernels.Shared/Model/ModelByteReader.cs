using Wearable.Kernels.Link;

namespace Wearable.Kernels.Model
{
    /// <summary>
    /// A little-endian cursor over one region of a model file. Every read checks the region's end
    /// first and every value read with a range is checked before it is returned, so callers never
    /// index outside the file and never size an array from an unchecked count. The file is held as
    /// int8 (the kernels' element type), so weights can be used where they lie (<see cref="Int8Block"/>).
    /// </summary>
    public sealed class ModelByteReader
    {
        private readonly sbyte[] _data;
        private readonly int _end;
        private int _position;

        public ModelByteReader(sbyte[] data, int start, int end)
        {
            _data = data;
            _position = start;
            _end = end;
        }

        public int Position
        {
            get { return _position; }
        }

        public int Remaining
        {
            get { return _end - _position; }
        }

        /// <summary>The whole file (for sub-readers over a nested region).</summary>
        public sbyte[] Data
        {
            get { return _data; }
        }

        /// <summary>Moves past n bytes that a sub-reader has consumed.</summary>
        public void Skip(int n)
        {
            Require("skip", n);
            _position += n;
        }

        public ModelFormatException Error(string field, string problem)
        {
            return new ModelFormatException(field, _position, problem);
        }

        public ModelFormatException ErrorAt(string field, int offset, string problem)
        {
            return new ModelFormatException(field, offset, problem);
        }

        /// <summary>Fails unless n more bytes are available (checked without overflow).</summary>
        public void Require(string field, long n)
        {
            if (n < 0 || n > _end - _position)
            {
                throw Error(field, "needs " + n.ToString() + " bytes but only " + (_end - _position).ToString() + " remain in this section");
            }
        }

        public int U8(string field)
        {
            Require(field, 1);
            return _data[_position++] & 0xFF;
        }

        public int I8(string field)
        {
            Require(field, 1);
            return _data[_position++];
        }

        public int U16(string field)
        {
            Require(field, 2);
            int v = (_data[_position] & 0xFF) | ((_data[_position + 1] & 0xFF) << 8);
            _position += 2;
            return v;
        }

        public int I32(string field)
        {
            Require(field, 4);
            int v = (_data[_position] & 0xFF) | ((_data[_position + 1] & 0xFF) << 8) | ((_data[_position + 2] & 0xFF) << 16) | ((_data[_position + 3] & 0xFF) << 24);
            _position += 4;
            return v;
        }

        /// <summary>An unsigned 32-bit field that must lie in [min, max] (max at most int.MaxValue).</summary>
        public int U32(string field, int min, int max)
        {
            int at = _position;
            uint v = (uint)I32(field);
            if (v < (uint)min || v > (uint)max)
            {
                throw ErrorAt(field, at, "value " + v.ToString() + " is outside [" + min.ToString() + ", " + max.ToString() + "]");
            }

            return (int)v;
        }

        public int U8In(string field, int min, int max)
        {
            int at = _position;
            return Check(field, at, U8(field), min, max);
        }

        public int I8In(string field, int min, int max)
        {
            int at = _position;
            return Check(field, at, I8(field), min, max);
        }

        public int U16In(string field, int min, int max)
        {
            int at = _position;
            return Check(field, at, U16(field), min, max);
        }

        public int I32In(string field, int min, int max)
        {
            int at = _position;
            return Check(field, at, I32(field), min, max);
        }

        /// <summary>Reserved bytes must be zero so that a later version can give them a meaning.</summary>
        public void Reserved(string field, int n)
        {
            for (int i = 0; i < n; i++)
            {
                int at = _position;
                if (U8(field) != 0)
                {
                    throw ErrorAt(field, at, "reserved byte must be 0");
                }
            }
        }

        /// <summary>Where <paramref name="count"/> int8 values lie in the file, without copying them.</summary>
        public Int8Block Int8InPlace(string field, int count)
        {
            Require(field, count);
            var block = new Int8Block(_data, _position, count);
            _position += count;
            return block;
        }

        public sbyte[] Int8Array(string field, int count)
        {
            Require(field, count);
            var values = new sbyte[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = _data[_position + i];
            }

            _position += count;
            return values;
        }

        public short[] Int16Array(string field, int count)
        {
            Require(field, (long)count * 2);
            var values = new short[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = (short)((_data[_position] & 0xFF) | ((_data[_position + 1] & 0xFF) << 8));
                _position += 2;
            }

            return values;
        }

        public int[] Int32Array(string field, int count)
        {
            Require(field, (long)count * 4);
            var values = new int[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = I32(field);
            }

            return values;
        }

        /// <summary>A u8-length-prefixed UTF-8 string (well-formed, no control characters).</summary>
        public string String8(string field)
        {
            int length = U8(field);
            return Utf8(field, length);
        }

        /// <summary>A u16-length-prefixed UTF-8 string of at most maxLength bytes.</summary>
        public string String16(string field, int maxLength)
        {
            int length = U16In(field, 0, maxLength);
            return Utf8(field, length);
        }

        private string Utf8(string field, int length)
        {
            Require(field, length);
            int start = _position;
            int i = start;
            int end = start + length;
            while (i < end)
            {
                int b = _data[i] & 0xFF;
                int continuation;
                if (b < 0x80)
                {
                    if (b < 0x20 && b != 0x0A)
                    {
                        throw ErrorAt(field, i, "control character in text");
                    }

                    continuation = 0;
                }
                else if (b >= 0xC2 && b <= 0xDF)
                {
                    continuation = 1;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    continuation = 2;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    continuation = 3;
                }
                else
                {
                    throw ErrorAt(field, i, "text is not valid UTF-8");
                }

                if (i + continuation > end - 1)
                {
                    throw ErrorAt(field, i, "text ends inside a UTF-8 sequence");
                }

                for (int k = 1; k <= continuation; k++)
                {
                    if ((_data[i + k] & 0xC0) != 0x80)
                    {
                        throw ErrorAt(field, i, "text is not valid UTF-8");
                    }
                }

                i += continuation + 1;
            }

            _position = end;
            var utf8 = new byte[length];
            for (int k = 0; k < length; k++)
            {
                utf8[k] = (byte)_data[start + k];
            }

            return length == 0 ? "" : LinkText.Decode(utf8, 0, length);
        }

        private int Check(string field, int at, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                throw ErrorAt(field, at, "value " + value.ToString() + " is outside [" + min.ToString() + ", " + max.ToString() + "]");
            }

            return value;
        }
    }
}
