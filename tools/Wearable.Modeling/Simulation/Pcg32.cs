namespace Wearable.Modeling.Simulation;

/// <summary>
/// PCG-XSH-RR 32-bit generator (O'Neill 2014) with an explicit seed and stream, so a simulated
/// recording depends only on its seed and never on the runtime's <see cref="Random"/> algorithm.
/// </summary>
public sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;
    private readonly ulong _increment;
    private ulong _state;
    private double _spareGaussian;
    private bool _hasSpare;

    public Pcg32(ulong seed, ulong stream = 0)
    {
        _increment = (stream << 1) | 1UL;
        _state = 0;
        NextUInt();
        _state += seed;
        NextUInt();
    }

    /// <summary>A generator for a named sub-stream (one per person, muscle, channel...), independent of call order elsewhere.</summary>
    public static Pcg32 For(ulong seed, string purpose, ulong index = 0)
    {
        ulong stream = 1469598103934665603UL; // FNV-1a over the purpose text, then the index.
        foreach (char ch in purpose)
        {
            stream = (stream ^ ch) * 1099511628211UL;
        }

        stream = (stream ^ index) * 1099511628211UL;
        return new Pcg32(seed, stream);
    }

    public uint NextUInt()
    {
        ulong old = _state;
        _state = unchecked((old * Multiplier) + _increment);
        uint xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        int rotation = (int)(old >> 59);
        return (xorShifted >> rotation) | (xorShifted << ((-rotation) & 31));
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble()
    {
        ulong bits = ((ulong)NextUInt() << 21) ^ (NextUInt() >> 11);
        return (bits & ((1UL << 53) - 1)) * (1.0 / (1UL << 53));
    }

    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer in [0, count).</summary>
    public int NextInt(int count) => (int)(NextDouble() * count);

    /// <summary>Standard normal (Marsaglia polar method).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }

        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        _hasSpare = true;
        return u * factor;
    }
}
