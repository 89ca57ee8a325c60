namespace Wearable.EdgeHost.Recording;

/// <summary>
/// One signal's header entry (the 256 bytes per signal after the fixed header). Physical values are
/// obtained from digital ones by the straight line through (digital min, physical min) and
/// (digital max, physical max), as the EDF specification defines.
/// </summary>
public sealed record EdfSignal
{
    /// <summary>The label EDF+ reserves for annotation signals (BDF+ uses "BDF Annotations").</summary>
    public const string EdfAnnotationsLabel = "EDF Annotations";

    /// <summary>The BDF+ counterpart of <see cref="EdfAnnotationsLabel"/>.</summary>
    public const string BdfAnnotationsLabel = "BDF Annotations";

    public string Label { get; init; } = "";

    public string Transducer { get; init; } = "";

    /// <summary>Physical dimension (unit), e.g. "uV".</summary>
    public string PhysicalDimension { get; init; } = "";

    public double PhysicalMinimum { get; init; }

    public double PhysicalMaximum { get; init; }

    public int DigitalMinimum { get; init; }

    public int DigitalMaximum { get; init; }

    public string Prefiltering { get; init; } = "";

    public int SamplesPerRecord { get; init; }

    /// <summary>The per-signal reserved field (32 characters), usually blank.</summary>
    public string Reserved { get; init; } = "";

    /// <summary>True for an EDF+/BDF+ annotation signal: its bytes are TAL text, not samples.</summary>
    public bool IsAnnotation => Label == EdfAnnotationsLabel || Label == BdfAnnotationsLabel;

    /// <summary>Physical units per digital step.</summary>
    public double Gain => (PhysicalMaximum - PhysicalMinimum) / ((double)DigitalMaximum - DigitalMinimum);

    /// <summary>Physical value of digital value 0.</summary>
    public double Offset => PhysicalMaximum - (Gain * DigitalMaximum);

    public double ToPhysical(int digital) => (Gain * digital) + Offset;

    /// <summary>Creates a data signal description with the defaults a wearable recording uses.</summary>
    public static EdfSignal Data(
        string label,
        int samplesPerRecord,
        double physicalMinimum,
        double physicalMaximum,
        int digitalMinimum,
        int digitalMaximum,
        string physicalDimension = "uV",
        string transducer = "",
        string prefiltering = "") => new()
        {
            Label = label,
            Transducer = transducer,
            PhysicalDimension = physicalDimension,
            PhysicalMinimum = physicalMinimum,
            PhysicalMaximum = physicalMaximum,
            DigitalMinimum = digitalMinimum,
            DigitalMaximum = digitalMaximum,
            Prefiltering = prefiltering,
            SamplesPerRecord = samplesPerRecord,
        };
}
