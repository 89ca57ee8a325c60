namespace Wearable.Cli.Devices;

/// <summary>Percentiles of a set of latencies in milliseconds (nearest-rank).</summary>
public sealed record LatencyStats(int Count, double P50, double P99, double Max, double Mean)
{
    public static LatencyStats Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double[] sorted = milliseconds.Order().ToArray();
        return new LatencyStats(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), Math.Round(sorted[^1], 3), Math.Round(sorted.Average(), 3));
    }

    private static double Rank(double[] sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
}
