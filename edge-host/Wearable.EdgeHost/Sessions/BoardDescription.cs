namespace Wearable.EdgeHost.Sessions;

/// <summary>
/// How to read the rows of a session's data, BrainFlow-style: which rows are EXG channels (in µV), which
/// row holds timestamps (UNIX seconds), markers and the block counter. Programs use this instead of
/// board-specific knowledge.
/// </summary>
public sealed class BoardDescription
{
    public BoardDescription(string name, int samplingRate, IReadOnlyList<string> channelNames, double microvoltsPerCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(channelNames);
        if (samplingRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(samplingRate), samplingRate, "The sampling rate must be positive.");
        }

        if (channelNames.Count == 0)
        {
            throw new ArgumentException("A board has at least one channel.", nameof(channelNames));
        }

        Name = name;
        SamplingRate = samplingRate;
        ChannelNames = channelNames;
        MicrovoltsPerCount = microvoltsPerCount;
        ExgRows = Enumerable.Range(0, channelNames.Count).ToArray();
    }

    public string Name { get; }

    /// <summary>Samples per second per channel.</summary>
    public int SamplingRate { get; }

    public IReadOnlyList<string> ChannelNames { get; }

    /// <summary>Scale from the device's int16 counts to microvolts.</summary>
    public double MicrovoltsPerCount { get; }

    /// <summary>Rows holding EXG channels, in µV.</summary>
    public IReadOnlyList<int> ExgRows { get; }

    /// <summary>Row holding the block counter of the sample's block.</summary>
    public int PackageCounterRow => ChannelNames.Count;

    /// <summary>Row holding each sample's time, UNIX seconds on the host clock.</summary>
    public int TimestampRow => ChannelNames.Count + 1;

    /// <summary>Row holding markers (0 = none) aligned to the sample nearest their time.</summary>
    public int MarkerRow => ChannelNames.Count + 2;

    /// <summary>Total rows in a data array.</summary>
    public int RowCount => ChannelNames.Count + 3;

    /// <summary>Physical unit of the EXG rows.</summary>
    public string Units => "uV";
}
