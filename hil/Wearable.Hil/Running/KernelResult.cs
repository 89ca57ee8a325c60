namespace Wearable.Hil.Running;

/// <summary>The outcome of one suite (one kernel) on one target.</summary>
public sealed record KernelResult(
    string Kernel,
    string SuiteFile,
    int Vectors,
    int Passed,
    int Failed,
    HilMismatch? FirstMismatch,
    long TotalTicks,
    long TickFrequencyHz)
{
    public bool Success => Failed == 0;

    /// <summary>Mean device time per vector, microseconds (NaN when the target reported no clock).</summary>
    public double MeanMicroseconds => TickFrequencyHz > 0 && Vectors > 0 ? TotalTicks * 1e6 / TickFrequencyHz / Vectors : double.NaN;
}
