namespace Wearable.Hil.Running;

/// <summary>Everything a HIL run found, ready for the report writers and the CLI's --json.</summary>
public sealed record HilRunReport(string Rig, string Target, DateTimeOffset Started, TimeSpan Duration, IReadOnlyList<KernelResult> Kernels)
{
    public int Vectors => Kernels.Sum(k => k.Vectors);

    public int Passed => Kernels.Sum(k => k.Passed);

    public int Failed => Kernels.Sum(k => k.Failed);

    public bool Success => Failed == 0 && Kernels.Count > 0;
}
