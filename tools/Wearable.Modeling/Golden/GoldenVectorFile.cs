using System.Buffers.Binary;
using System.Text;

namespace Wearable.Modeling.Golden;

/// <summary>
/// The tiny golden-vector container (docs/kernels.md, "Golden vectors"): magic "WGV1", uint16 array
/// count, then per array: uint8 name length, ASCII name, uint8 element size in bytes (1, 2, 4 or 8;
/// signed integers except 1 = bytes), uint32 element count, elements little-endian. Everything is
/// little-endian and written by hand so C twins and HIL rigs can read it without a library.
/// </summary>
public sealed class GoldenVectorFile
{
    private static readonly byte[] Magic = "WGV1"u8.ToArray();
    private readonly List<(string Name, int Size, byte[] Payload)> _arrays = [];

    public IReadOnlyList<string> Names => _arrays.Select(a => a.Name).ToArray();

    public GoldenVectorFile Add(string name, byte[] values) => AddRaw(name, 1, (byte[])values.Clone());

    public GoldenVectorFile Add(string name, sbyte[] values) => AddRaw(name, 1, values.Select(v => (byte)v).ToArray());

    public GoldenVectorFile Add(string name, short[] values) => AddRaw(name, 2, Encode(values));

    public GoldenVectorFile Add(string name, int[] values) => AddRaw(name, 4, Encode(values));

    public GoldenVectorFile Add(string name, long[] values) => AddRaw(name, 8, Encode(values));

    public static byte[] Encode(short[] values)
    {
        var b = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(i * 2), values[i]);
        }

        return b;
    }

    public static byte[] Encode(int[] values)
    {
        var b = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(i * 4), values[i]);
        }

        return b;
    }

    public static byte[] Encode(long[] values)
    {
        var b = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(i * 8), values[i]);
        }

        return b;
    }

    /// <summary>The raw little-endian payload of one array (what tests compare byte for byte).</summary>
    public byte[] Payload(string name) => Find(name).Payload;

    public byte[] Bytes(string name) => Find(name).Payload;

    public short[] Int16(string name)
    {
        byte[] p = Expect(name, 2);
        return Enumerable.Range(0, p.Length / 2).Select(i => BinaryPrimitives.ReadInt16LittleEndian(p.AsSpan(i * 2))).ToArray();
    }

    public int[] Int32(string name)
    {
        byte[] p = Expect(name, 4);
        return Enumerable.Range(0, p.Length / 4).Select(i => BinaryPrimitives.ReadInt32LittleEndian(p.AsSpan(i * 4))).ToArray();
    }

    public long[] Int64(string name)
    {
        byte[] p = Expect(name, 8);
        return Enumerable.Range(0, p.Length / 8).Select(i => BinaryPrimitives.ReadInt64LittleEndian(p.AsSpan(i * 8))).ToArray();
    }

    public sbyte[] Int8(string name) => Expect(name, 1).Select(v => (sbyte)v).ToArray();

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        stream.Write(Magic);
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)_arrays.Count);
        stream.Write(header[..2]);
        foreach (var (name, size, payload) in _arrays)
        {
            byte[] ascii = Encoding.ASCII.GetBytes(name);
            stream.WriteByte((byte)ascii.Length);
            stream.Write(ascii);
            stream.WriteByte((byte)size);
            BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)(payload.Length / size));
            stream.Write(header);
            stream.Write(payload);
        }

        return stream.ToArray();
    }

    public static GoldenVectorFile Parse(byte[] bytes)
    {
        if (bytes.Length < 6 || !bytes.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a golden-vector file: it must start with 'WGV1'. Regenerate it (see docs/kernels.md).");
        }

        var file = new GoldenVectorFile();
        int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4));
        int at = 6;
        for (int a = 0; a < count; a++)
        {
            int nameLength = bytes[at++];
            string name = Encoding.ASCII.GetString(bytes, at, nameLength);
            at += nameLength;
            int size = bytes[at++];
            int elements = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            at += 4;
            if (size is not (1 or 2 or 4 or 8) || at + (long)elements * size > bytes.Length)
            {
                throw new InvalidDataException($"Golden-vector array '{name}' is truncated or has element size {size}.");
            }

            file.AddRaw(name, size, bytes.AsSpan(at, elements * size).ToArray());
            at += elements * size;
        }

        return file;
    }

    public static GoldenVectorFile Load(string path) => Parse(File.ReadAllBytes(path));

    private GoldenVectorFile AddRaw(string name, int size, byte[] payload)
    {
        if (_arrays.Any(a => a.Name == name))
        {
            throw new ArgumentException($"Array '{name}' is already in the file.", nameof(name));
        }

        _arrays.Add((name, size, payload));
        return this;
    }

    private (string Name, int Size, byte[] Payload) Find(string name) =>
        _arrays.FirstOrDefault(a => a.Name == name) is { Name: not null } found
            ? found
            : throw new KeyNotFoundException($"Golden-vector file has no array '{name}' (has: {string.Join(", ", Names)}).");

    private byte[] Expect(string name, int size)
    {
        var a = Find(name);
        if (a.Size != size)
        {
            throw new InvalidDataException($"Array '{name}' holds {a.Size}-byte elements, not {size}-byte.");
        }

        return a.Payload;
    }
}
