using System.Text;

namespace Wearable.Modeling.ModelFiles;

/// <summary>Appends little-endian fields to a growing byte buffer (the host side of ModelByteReader).</summary>
public sealed class LittleEndianWriter
{
    private readonly MemoryStream _stream = new();

    public int Length => (int)_stream.Length;

    public LittleEndianWriter U8(int v)
    {
        _stream.WriteByte(unchecked((byte)v));
        return this;
    }

    public LittleEndianWriter I8(int v) => U8(v);

    public LittleEndianWriter U16(int v) => U8(v).U8(v >> 8);

    public LittleEndianWriter I32(int v) => U8(v).U8(v >> 8).U8(v >> 16).U8(v >> 24);

    public LittleEndianWriter Zeros(int n)
    {
        for (int i = 0; i < n; i++)
        {
            U8(0);
        }

        return this;
    }

    public LittleEndianWriter PadTo(int offset) => Zeros(offset - Length);

    public LittleEndianWriter Bytes(byte[] bytes)
    {
        _stream.Write(bytes);
        return this;
    }

    public LittleEndianWriter Bytes(sbyte[] values)
    {
        foreach (sbyte v in values)
        {
            U8(v);
        }

        return this;
    }

    public LittleEndianWriter Ints(int[]? values)
    {
        foreach (int v in values ?? Array.Empty<int>())
        {
            I32(v);
        }

        return this;
    }

    public LittleEndianWriter String8(string s)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(s);
        return U8(bytes.Length).Bytes(bytes);
    }

    public LittleEndianWriter String16(string s)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(s);
        return U16(bytes.Length).Bytes(bytes);
    }

    public byte[] ToArray() => _stream.ToArray();
}
