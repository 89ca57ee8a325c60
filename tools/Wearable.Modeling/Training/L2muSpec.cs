using System.Globalization;

namespace Wearable.Modeling.Training;

/// <summary>
/// The sizes and fixed hyper-parameters of an <see cref="L2muNetwork"/>, parsed from
/// <c>l2mu:&lt;memorySize&gt;:&lt;order&gt;:&lt;hidden&gt;[:theta[:delta[:memoryThreshold]]]</c>.
/// theta is the LMU window in steps (Abar/Bbar come from its zero-order hold), delta the delta
/// encoder's threshold in raw sample units, memoryThreshold the memory population's firing threshold.
/// </summary>
public sealed record L2muSpec(int MemorySize, int Order, int Hidden, double Theta, int DeltaThreshold, float MemoryThreshold)
{
    public const string Prefix = "l2mu:";

    public const double DefaultTheta = 16;

    public const int DefaultDelta = 16;

    public const float DefaultMemoryThreshold = 1f;

    public static bool IsL2muSpec(string spec) => spec.TrimStart().StartsWith(Prefix, StringComparison.Ordinal);

    public static L2muSpec Parse(string spec)
    {
        string[] parts = spec.Trim().Split(':');
        const string Usage = "An L2MU spec is l2mu:<memorySize>:<order>:<hidden>[:theta[:delta[:memoryThreshold]]], e.g. l2mu:16:4:64:16:16.";
        if (parts.Length < 4 || parts.Length > 7 || parts[0] != "l2mu")
        {
            throw new ArgumentException(Usage + " Got '" + spec + "'.");
        }

        int memory = Int(parts[1], 1, 1024);
        int order = Int(parts[2], 1, 64);
        int hidden = Int(parts[3], 1, 4096);
        if (memory * order > 4096)
        {
            throw new ArgumentException("memorySize x order must be at most 4096 neurons; got " + (memory * order) + ". " + Usage);
        }

        double theta = parts.Length > 4 ? double.Parse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture) : DefaultTheta;
        int delta = parts.Length > 5 ? Int(parts[5], 1, 65535) : DefaultDelta;
        float memoryThreshold = parts.Length > 6 ? float.Parse(parts[6], NumberStyles.Float, CultureInfo.InvariantCulture) : DefaultMemoryThreshold;
        if (!(theta >= 1 && theta <= 65535) || !(memoryThreshold > 0 && memoryThreshold < 8))
        {
            throw new ArgumentException("theta must be in [1, 65535] steps and memoryThreshold in (0, 8). " + Usage);
        }

        return new L2muSpec(memory, order, hidden, theta, delta, memoryThreshold);

        int Int(string text, int min, int max)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int v) || v < min || v > max)
            {
                throw new ArgumentException("'" + text + "' must be an integer in " + min + ".." + max + ". " + Usage);
            }

            return v;
        }
    }
}
