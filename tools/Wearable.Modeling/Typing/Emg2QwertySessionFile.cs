using System.Text.Json;
using PureHDF;

namespace Wearable.Modeling.Typing;

/// <summary>
/// Reads one emg2qwerty session file (HDF5, docs/typing.md "Real data") into a <see cref="TypingSession"/>.
/// Layout: group <c>emg2qwerty</c> holds the compound dataset <c>timeseries</c> (one row per 2 kHz sample:
/// <c>time</c>, unix seconds; <c>emg_left</c> and <c>emg_right</c>, 16 floats each) and the attributes
/// <c>keystrokes</c> and <c>prompts</c> as JSON text (<c>[{"key": "a", "start": t, "end": t}, ...]</c>,
/// times in the same unix seconds). Keys outside our 28 are dropped; upper case counts as its lower-case key.
/// </summary>
public static class Emg2QwertySessionFile
{
    public const string Group = "emg2qwerty";
    public const string Timeseries = "timeseries";
    public const string Time = "time";
    public const string EmgLeft = "emg_left";
    public const string EmgRight = "emg_right";
    public const string KeystrokesAttribute = "keystrokes";
    public const int ElectrodesPerBand = 16;

    /// <summary>True when the file starts with the HDF5 signature (at offset 0; user blocks are not looked for).</summary>
    public static bool LooksLikeHdf5(string path)
    {
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a]);
    }

    public static TypingSession Read(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        if (!LooksLikeHdf5(path))
        {
            throw Bad(path, "is not an HDF5 file (it does not start with the HDF5 signature)");
        }

        try
        {
            using var file = H5File.OpenRead(path);
            if (!file.LinkExists(Group))
            {
                throw Bad(path, "has no group '" + Group + "'");
            }

            var group = file.Group(Group);
            if (!group.LinkExists(Timeseries))
            {
                throw Bad(path, "has no dataset '" + Group + "/" + Timeseries + "'");
            }

            var dataset = group.Dataset(Timeseries);
            var layout = RowLayout.Of(dataset.Type, path);
            byte[] raw = ReadRows(dataset, layout, path);
            int frames = raw.Length / layout.RowBytes;
            var times = new double[frames];
            var samples = new float[frames * 2 * ElectrodesPerBand];
            for (int f = 0; f < frames; f++)
            {
                int row = f * layout.RowBytes;
                times[f] = layout.Time.Read(raw, row);
                for (int e = 0; e < ElectrodesPerBand; e++)
                {
                    samples[(f * 2 * ElectrodesPerBand) + e] = (float)layout.Left.Read(raw, row, e);
                    samples[(f * 2 * ElectrodesPerBand) + ElectrodesPerBand + e] = (float)layout.Right.Read(raw, row, e);
                }
            }

            if (!group.AttributeExists(KeystrokesAttribute))
            {
                throw Bad(path, "has no attribute '" + Group + "/" + KeystrokesAttribute + "' (the keylogger's keystrokes)");
            }

            string json = group.Attribute(KeystrokesAttribute).Read<string>();
            var keystrokes = ParseKeystrokes(json, times, path);
            return new TypingSession(samples, 2 * ElectrodesPerBand, SampleRate(times), keystrokes, name);
        }
        catch (InvalidDataException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw Bad(path, "is not a readable HDF5 file (" + ex.Message.Split('\n')[0].Trim() + ")");
        }
    }

    /// <summary>emg2qwerty's keylogger strings ("a", "A", "Key.space", "Key.backspace", ...) as our keys; '\0' when not one of ours.</summary>
    public static char KeyOf(string key) => key switch
    {
        "Key.space" or " " => ' ',
        "Key.backspace" or "\b" or "⌫" => TypingCharset.Backspace,
        { Length: 1 } when char.IsAsciiLetter(key[0]) => char.ToLowerInvariant(key[0]),
        _ => '\0',
    };

    private static List<Keystroke> ParseKeystrokes(string json, double[] times, string path)
    {
        var keystrokes = new List<Keystroke>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Bad(path, "has a '" + KeystrokesAttribute + "' attribute that is not a JSON list");
            }

            foreach (var entry in document.RootElement.EnumerateArray())
            {
                if (!entry.TryGetProperty("key", out var key) || !entry.TryGetProperty("start", out var start) || key.ValueKind != JsonValueKind.String || start.ValueKind != JsonValueKind.Number)
                {
                    throw Bad(path, "has a keystroke without a string 'key' and a numeric 'start'");
                }

                char ours = KeyOf(key.GetString()!);
                if (ours == '\0')
                {
                    continue;
                }

                double end = entry.TryGetProperty("end", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : start.GetDouble();
                keystrokes.Add(new Keystroke(ours, SampleAt(times, start.GetDouble()), SampleAt(times, Math.Max(end, start.GetDouble()))));
            }
        }
        catch (JsonException ex)
        {
            throw Bad(path, "has a '" + KeystrokesAttribute + "' attribute that is not JSON (" + ex.Message + ")");
        }

        // The keylogger's order is press order; a stable sort keeps it where two presses share a sample.
        return keystrokes.OrderBy(k => k.PressSample).ToList();
    }

    /// <summary>The first sample at or after a time (as emg2qwerty's searchsorted), kept inside the session.</summary>
    private static long SampleAt(double[] times, double time)
    {
        int index = Array.BinarySearch(times, time);
        if (index < 0)
        {
            index = ~index;
        }

        return Math.Clamp(index, 0, Math.Max(0, times.Length - 1));
    }

    private static double SampleRate(double[] times)
    {
        if (times.Length < 2 || !(times[^1] > times[0]))
        {
            return 2000;
        }

        // The timestamps are the clock; a nominal 2 kHz file rounds to 2000 Hz, not 1999.7.
        return Math.Round((times.Length - 1) / (times[^1] - times[0]));
    }

    private static byte[] ReadRows(IH5Dataset dataset, RowLayout layout, string path)
    {
        byte[] raw = dataset.Read<byte[]>();
        if (raw.Length % layout.RowBytes != 0)
        {
            throw Bad(path, "has a truncated '" + Timeseries + "' dataset (" + raw.Length + " bytes is not whole rows of " + layout.RowBytes + ")");
        }

        return raw;
    }

    private static InvalidDataException Bad(string path, string what) =>
        new("The emg2qwerty session " + path + " " + what + ".");

    /// <summary>Where each field sits in one row of the compound dataset, read from the file's own type.</summary>
    private sealed record RowLayout(int RowBytes, FloatField Time, FloatField Left, FloatField Right)
    {
        public static RowLayout Of(IH5DataType type, string path)
        {
            if (type.Class != H5DataTypeClass.Compound)
            {
                throw Bad(path, "has a '" + Timeseries + "' dataset that is not a compound (time, emg_left, emg_right) type");
            }

            var members = type.Compound.Members;
            return new RowLayout(
                type.Size,
                Field(members, Emg2QwertySessionFile.Time, 1, path),
                Field(members, EmgLeft, ElectrodesPerBand, path),
                Field(members, EmgRight, ElectrodesPerBand, path));
        }

        private static FloatField Field(IEnumerable<CompoundMember> members, string name, int count, string path)
        {
            var member = members.FirstOrDefault(m => m.Name == name) ?? throw Bad(path, "has no field '" + name + "' in '" + Timeseries + "'");
            var elementType = member.Type;
            int elements = 1;
            if (elementType.Class == H5DataTypeClass.Array)
            {
                elementType = elementType.Array.BaseType;
                elements = elementType.Size == 0 ? 0 : member.Type.Size / elementType.Size;
            }

            if (elementType.Class != H5DataTypeClass.FloatingPoint || elementType.Size is not (4 or 8) || elements != count)
            {
                throw Bad(path, "has a field '" + name + "' that is not " + (count == 1 ? "a float" : count + " floats"));
            }

            return new FloatField(member.Offset, elementType.Size);
        }
    }

    private readonly record struct FloatField(int Offset, int Size)
    {
        public double Read(byte[] raw, int row, int element = 0)
        {
            int at = row + Offset + (element * Size);
            return Size == 4 ? BitConverter.ToSingle(raw, at) : BitConverter.ToDouble(raw, at);
        }
    }
}
