namespace Wearable.Cli.Bench;

/// <summary>
/// One named kernel benchmark: <see cref="Setup"/> builds everything once (weights, buffers, state)
/// and returns the operation to time; one call of it processes <see cref="UnitsPerCall"/> units
/// (e.g. multichannel samples or network steps). <see cref="Baseline"/> names another case this one
/// is compared with (the report gives baseline time / this time as a speed-up).
/// <see cref="RealTimeUnitsPerSecond"/> (units a real-time stream needs per second) turns the time
/// into "real-time streams per core".
/// </summary>
public sealed record KernelBenchmark(
    string Name,
    string Family,
    string Description,
    string Unit,
    double UnitsPerCall,
    Func<Action> Setup,
    string? Baseline = null,
    double? RealTimeUnitsPerSecond = null,
    Func<string>? Notes = null);
