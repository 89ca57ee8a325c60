namespace Wearable.Modeling.Datasets;

/// <summary>
/// A labelled data set for gesture training and evaluation, whatever its folder layout: its classes,
/// channel layout and rate, and its sessions (who, which sitting, which files). The MyoArmbandDataset,
/// the myo-readings set and a folder of one's own annotated recordings are three implementations;
/// <see cref="GestureDatasets.Open"/> picks one from a folder's layout.
/// </summary>
public interface IGestureDataset
{
    /// <summary>What kind of data set this is, for messages ("annotated recordings", "MyoArmbandDataset").</summary>
    string Kind { get; }

    string Root { get; }

    /// <summary>Class names in label order (label k is ClassNames[k]).</summary>
    IReadOnlyList<string> ClassNames { get; }

    int Channels { get; }

    double SampleRate { get; }

    /// <summary>Sessions in a stable order (subject, then session name).</summary>
    IReadOnlyList<DatasetSession> Sessions { get; }
}
