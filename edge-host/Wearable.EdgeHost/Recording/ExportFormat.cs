namespace Wearable.EdgeHost.Recording;

/// <summary>What <see cref="RecordingExport"/> writes.</summary>
public enum ExportFormat
{
    /// <summary>CSV: <c># key=value</c> metadata lines, a header, one row per sample (time, channels, the cue in force), and a <c>.annotations.csv</c> beside it.</summary>
    Csv,

    /// <summary>NumPy .npy of the samples (float64, samples x channels) and a <c>.json</c> beside it with channel names, units, rate and annotations.</summary>
    Npy,

    /// <summary>NumPy .npz: one zip holding data, sample_rate, channel_names, units and the annotations as .npy arrays.</summary>
    Npz,
}
