namespace Wearable.Hil.Running;

/// <summary>
/// What a target answered for one vector: the output, the device-measured elapsed ticks and tick rate,
/// or a non-empty <see cref="Error"/> (unknown kernel, bad input, timeout).
/// </summary>
public sealed record HilOutcome(byte[] Output, long ElapsedTicks, long TickFrequencyHz, string? Error = null)
{
    public double ElapsedMicroseconds => TickFrequencyHz > 0 ? ElapsedTicks * 1e6 / TickFrequencyHz : double.NaN;

    public static HilOutcome Failed(string error) => new(Array.Empty<byte>(), 0, 0, error);
}
