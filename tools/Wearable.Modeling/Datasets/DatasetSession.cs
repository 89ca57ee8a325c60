namespace Wearable.Modeling.Datasets;

/// <summary>
/// One sitting of one subject: the recordings made with the electrodes on once. Splits by session or
/// subject keep windows of one sitting on one side, so a score is not inflated by near-duplicates.
/// </summary>
public sealed class DatasetSession
{
    private readonly Func<IReadOnlyList<LabelledRecording>> _load;

    public DatasetSession(string subject, string name, string source, Func<IReadOnlyList<LabelledRecording>> load)
    {
        Subject = subject;
        Name = name;
        Source = source;
        _load = load ?? throw new ArgumentNullException(nameof(load));
    }

    public string Subject { get; }

    public string Name { get; }

    /// <summary>The folder or file the session comes from.</summary>
    public string Source { get; }

    /// <summary>Reads the session's recordings (labels in the data set's class order).</summary>
    public IReadOnlyList<LabelledRecording> Load() => _load();

    public override string ToString() => Subject + "/" + Name;
}
