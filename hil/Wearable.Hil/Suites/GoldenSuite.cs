using System.Security.Cryptography;
using System.Text;

namespace Wearable.Hil.Suites;

/// <summary>
/// A golden-vector suite for one kernel: inputs and the desktop kernel's outputs, plus how they were made
/// (generator command and seed) so anyone can regenerate and diff them. Stored compactly as
/// <c>*.hilsuite</c>; the format is in docs/hil.md and ends with a SHA-256 so a damaged file is refused
/// rather than reported as a device mismatch.
/// </summary>
public sealed class GoldenSuite
{
    private static readonly byte[] s_magic = "WHILSUIT"u8.ToArray();
    private const ushort FormatVersion = 1;

    public GoldenSuite(string kernel, string generator, ulong seed, IReadOnlyList<GoldenVector> vectors)
    {
        ArgumentException.ThrowIfNullOrEmpty(kernel);
        if (Encoding.ASCII.GetByteCount(kernel) > 32 || kernel.Any(c => c > 127))
        {
            throw new ArgumentException($"Kernel name '{kernel}' must be ASCII of at most 32 characters (the link's limit).", nameof(kernel));
        }

        Kernel = kernel;
        Generator = generator ?? string.Empty;
        Seed = seed;
        Vectors = vectors ?? throw new ArgumentNullException(nameof(vectors));
    }

    /// <summary>The kernel name the device's HIL registry knows it by.</summary>
    public string Kernel { get; }

    /// <summary>The command that generated the suite.</summary>
    public string Generator { get; }

    public ulong Seed { get; }

    public IReadOnlyList<GoldenVector> Vectors { get; }

    public void Save(string path)
    {
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(s_magic);
            writer.Write(FormatVersion);
            byte[] name = Encoding.ASCII.GetBytes(Kernel);
            writer.Write((byte)name.Length);
            writer.Write(name);
            byte[] generator = Encoding.UTF8.GetBytes(Generator);
            writer.Write((ushort)generator.Length);
            writer.Write(generator);
            writer.Write(Seed);
            writer.Write((uint)Vectors.Count);
            foreach (GoldenVector vector in Vectors)
            {
                WriteBlock(writer, vector.Input, "input");
                WriteBlock(writer, vector.Expected, "expected output");
            }
        }

        byte[] content = body.ToArray();
        using var file = File.Create(path);
        file.Write(content);
        file.Write(SHA256.HashData(content));
    }

    /// <summary>Reads a suite; a truncated, damaged or foreign file raises <see cref="InvalidDataException"/> naming the file.</summary>
    public static GoldenSuite Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < s_magic.Length + 32 || !bytes.AsSpan(0, s_magic.Length).SequenceEqual(s_magic))
        {
            throw new InvalidDataException($"{path} is not a HIL suite (no WHILSUIT header).");
        }

        ReadOnlySpan<byte> content = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(content).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            throw new InvalidDataException($"{path} is damaged (checksum mismatch): regenerate it with 'wearable hil generate'.");
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(content.ToArray()));
            reader.ReadBytes(s_magic.Length);
            ushort version = reader.ReadUInt16();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"{path} is suite format version {version}; this build reads version {FormatVersion}.");
            }

            string kernel = Encoding.ASCII.GetString(reader.ReadBytes(reader.ReadByte()));
            string generator = Encoding.UTF8.GetString(reader.ReadBytes(reader.ReadUInt16()));
            ulong seed = reader.ReadUInt64();
            uint count = reader.ReadUInt32();
            var vectors = new List<GoldenVector>((int)Math.Min(count, 100_000));
            for (uint i = 0; i < count; i++)
            {
                byte[] input = reader.ReadBytes(reader.ReadUInt16());
                byte[] expected = reader.ReadBytes(reader.ReadUInt16());
                vectors.Add(new GoldenVector(input, expected));
            }

            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                throw new InvalidDataException($"{path} has {reader.BaseStream.Length - reader.BaseStream.Position} bytes after its last vector.");
            }

            return new GoldenSuite(kernel, generator, seed, vectors);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} ends inside a vector: the file is truncated.");
        }
    }

    private static void WriteBlock(BinaryWriter writer, byte[] block, string what)
    {
        if (block.Length > ushort.MaxValue)
        {
            throw new ArgumentException($"A vector's {what} is {block.Length} bytes; the suite format allows {ushort.MaxValue}.");
        }

        writer.Write((ushort)block.Length);
        writer.Write(block);
    }
}
