namespace Wearable.PortabilityGate;

/// <summary>The outcome of one gate run.</summary>
public sealed class GateReport
{
    public GateReport(int filesChecked, IReadOnlyList<GateViolation> violations)
    {
        FilesChecked = filesChecked;
        Violations = violations;
    }

    public int FilesChecked { get; }

    public IReadOnlyList<GateViolation> Violations { get; }

    public bool Passed => Violations.Count == 0;

    /// <summary>One line per violation, then a summary line.</summary>
    public override string ToString()
    {
        var lines = Violations.Select(v => v.ToString()).ToList();
        lines.Add(Passed
            ? $"portability gate: {FilesChecked} shared files pass"
            : $"portability gate: {Violations.Count} violation(s) in {Violations.Select(v => v.Path).Distinct().Count()} of {FilesChecked} shared files");
        return string.Join(Environment.NewLine, lines);
    }
}
