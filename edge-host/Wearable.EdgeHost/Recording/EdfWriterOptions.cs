namespace Wearable.EdgeHost.Recording;

/// <summary>What an <see cref="EdfWriter"/> records: format, identification, record length and data signals.</summary>
public sealed record EdfWriterOptions
{
    /// <summary>EDF (16-bit) or BDF (24-bit samples).</summary>
    public EdfVariant Variant { get; init; } = EdfVariant.Edf;

    /// <summary>Data signals, in file order. The annotation signal is added by the writer when <see cref="Annotations"/> is on.</summary>
    public IReadOnlyList<EdfSignal> Signals { get; init; } = [];

    /// <summary>EDF+ patient subfields: code, sex, birthdate, name ("X" for unknown).</summary>
    public string PatientId { get; init; } = "X X X X";

    /// <summary>EDF+ recording field; null builds "Startdate dd-MMM-yyyy X X X" from <see cref="StartTime"/>.</summary>
    public string? RecordingId { get; init; }

    /// <summary>Recording start (whole seconds are kept; EDF has no finer start time in its header).</summary>
    public DateTime StartTime { get; init; } = DateTime.Now;

    /// <summary>Seconds per data record; 1 s is the usual choice (and the repair granularity after a crash).</summary>
    public double RecordDuration { get; init; } = 1.0;

    /// <summary>True: EDF+C / BDF+C with an annotation signal for markers and events. False: plain EDF / BDF.</summary>
    public bool Annotations { get; init; } = true;

    /// <summary>Bytes reserved per record for TALs (time-keeping TAL + markers); more markers wait for the next record.</summary>
    public int AnnotationBytesPerRecord { get; init; } = 240;

    /// <summary>
    /// Also ask the OS to put each record on disk (fsync). Off by default: records are handed to the OS one by one,
    /// which survives the process being killed; fsync additionally survives power loss, at a cost per record.
    /// </summary>
    public bool FlushToDisk { get; init; }
}
