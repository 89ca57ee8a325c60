namespace Wearable.EdgeHost.Recording;

/// <summary>
/// The parsed header of an EDF/EDF+/BDF/BDF+ file: the 256-byte fixed part and one
/// <see cref="EdfSignal"/> per signal.
/// </summary>
public sealed record EdfHeader
{
    /// <summary>Byte offset of the 8-character "number of data records" field in every EDF/BDF file.</summary>
    public const int DataRecordCountOffset = 236;

    /// <summary>Size of the fixed header and of each signal's header entry.</summary>
    public const int BlockSize = 256;

    public EdfVariant Variant { get; init; }

    public string PatientId { get; init; } = "";

    public string RecordingId { get; init; } = "";

    /// <summary>Start date and time of the recording as written in the header (local clock of the recorder, 1 s resolution).</summary>
    public DateTime StartTime { get; init; }

    public int HeaderBytes { get; init; }

    /// <summary>The 44-character reserved field: "EDF+C"/"EDF+D"/"BDF+C"/"BDF+D" for the plus formats, "24BIT" in BioSemi files.</summary>
    public string Reserved { get; init; } = "";

    /// <summary>Data record count as the header states it; -1 means "unknown" (still being recorded).</summary>
    public long DataRecords { get; init; }

    /// <summary>Duration of one data record in seconds.</summary>
    public double RecordDuration { get; init; }

    public IReadOnlyList<EdfSignal> Signals { get; init; } = [];

    /// <summary>True for EDF+ and BDF+ files (reserved field starts with "EDF+" or "BDF+").</summary>
    public bool IsPlus => Reserved.StartsWith("EDF+", StringComparison.Ordinal) || Reserved.StartsWith("BDF+", StringComparison.Ordinal);

    /// <summary>True for discontinuous EDF+D/BDF+D files, where record onsets come from the time-keeping annotations.</summary>
    public bool IsDiscontinuous => IsPlus && Reserved.Length > 4 && Reserved[4] == 'D';

    public int BytesPerSample => Variant == EdfVariant.Bdf ? 3 : 2;

    /// <summary>Bytes in one data record: all signals' samples times the sample width.</summary>
    public long RecordBytes
    {
        get
        {
            long samples = 0;
            foreach (var signal in Signals)
            {
                samples += signal.SamplesPerRecord;
            }

            return samples * BytesPerSample;
        }
    }

    /// <summary>Sampling rate of a signal in Hz (samples per record / record duration); 0 when the duration is 0.</summary>
    public double SampleRate(int signal) =>
        RecordDuration > 0 ? Signals[signal].SamplesPerRecord / RecordDuration : 0;
}
