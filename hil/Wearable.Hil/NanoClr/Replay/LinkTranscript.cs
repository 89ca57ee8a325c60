namespace Wearable.Hil.NanoClr.Replay;

/// <summary>
/// A link session pass by pass: what the host handed the device before each main-loop pass and what
/// the device wrote during it. The host half is what a replay feeds; the device half is what it must
/// reproduce byte for byte.
/// </summary>
public sealed class LinkTranscript
{
    private readonly Dictionary<int, byte[]> _inputs = new();
    private readonly Dictionary<int, byte[]> _outputs = new();

    /// <summary>Main-loop passes the session took.</summary>
    public int Passes { get; private set; }

    /// <summary>Passes that received host bytes, in order, with the bytes.</summary>
    public IEnumerable<KeyValuePair<int, byte[]>> Inputs => _inputs.OrderBy(p => p.Key);

    /// <summary>Host bytes in the whole session.</summary>
    public int InputBytes => _inputs.Values.Sum(b => b.Length);

    /// <summary>What the device wrote in pass <paramref name="pass"/> (empty when nothing).</summary>
    public byte[] Output(int pass) => _outputs.TryGetValue(pass, out byte[]? bytes) ? bytes : Array.Empty<byte>();

    /// <summary>Everything the device wrote, in order.</summary>
    public byte[] AllOutput() => Enumerable.Range(0, Passes).SelectMany(Output).ToArray();

    public void Record(int pass, byte[]? input, byte[] output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (input is { Length: > 0 })
        {
            _inputs[pass] = input;
        }

        if (output.Length > 0)
        {
            _outputs[pass] = output;
        }

        Passes = Math.Max(Passes, pass + 1);
    }
}
